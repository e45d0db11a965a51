using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class KpiMeasurementConfiguration : IEntityTypeConfiguration<KpiMeasurement>
{
    public void Configure(EntityTypeBuilder<KpiMeasurement> builder)
    {
        builder.HasOne(m => m.Kpi).WithMany(k => k.Measurements).HasForeignKey(m => m.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(m => m.Period);
        builder.HasIndex(m => new { m.KpiId, m.Year, m.Quarter }).IsUnique().AreNullsDistinct(false);
        builder.Property(m => m.Note).HasMaxLength(1000);
        builder.Property(m => m.RowVersion).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("ck_kpi_measurements_quarter", "quarter IS NULL OR quarter BETWEEN 1 AND 4"));
        builder.MapSource();
    }
}
