using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class BenchmarkObservationConfiguration : IEntityTypeConfiguration<BenchmarkObservation>
{
    public void Configure(EntityTypeBuilder<BenchmarkObservation> builder)
    {
        builder.HasOne(o => o.Municipality).WithMany().HasForeignKey(o => o.MunicipalityCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.TaskField).WithMany().HasForeignKey(o => o.TaskFieldCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.ValuePerInhabitant).HasColumnType(ColumnTypes.PerInhabitant);
        builder.Property(o => o.SourceName).HasMaxLength(120);
        builder.HasIndex(o => new { o.Domain, o.TaskFieldCode, o.Year, o.Stage, o.MunicipalityCode })
            .IsUnique().AreNullsDistinct(false);
        // The benchmark page reads one field of the municipalities it shows (all columns for ~45 of them, one for the rest):
        // a look-up per municipality, the value read from the index (ADR 0016).
        builder.HasIndex(o => new { o.MunicipalityCode, o.Domain, o.TaskFieldCode, o.Year, o.Stage })
            .IncludeProperties(o => o.ValuePerInhabitant);
        builder.MapSource();
    }
}
