using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class MunicipalityCharacteristicsConfiguration : IEntityTypeConfiguration<MunicipalityCharacteristics>
{
    public void Configure(EntityTypeBuilder<MunicipalityCharacteristics> builder)
    {
        builder.HasOne(c => c.Municipality).WithMany(m => m.Characteristics)
            .HasForeignKey(c => c.MunicipalityCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.MunicipalityCode, c.Snapshot }).IsUnique();
        builder.Property(c => c.PctLowIncome).HasColumnType(ColumnTypes.Percent);
        builder.Property(c => c.PctYouth0To19).HasColumnType(ColumnTypes.Percent).HasColumnName("pct_youth_0_19");
        builder.Property(c => c.PctYouthWithYouthCare).HasColumnType(ColumnTypes.Percent);
        builder.Property(c => c.PctAged65To74).HasColumnType(ColumnTypes.Percent).HasColumnName("pct_aged_65_74");
        builder.Property(c => c.PctAged75Plus).HasColumnType(ColumnTypes.Percent).HasColumnName("pct_aged_75_plus");
        builder.MapSource();
    }
}
