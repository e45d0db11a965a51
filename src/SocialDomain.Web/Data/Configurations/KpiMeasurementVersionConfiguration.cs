using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class KpiMeasurementVersionConfiguration : IEntityTypeConfiguration<KpiMeasurementVersion>
{
    public void Configure(EntityTypeBuilder<KpiMeasurementVersion> builder)
    {
        builder.HasOne(v => v.Kpi).WithMany().HasForeignKey(v => v.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.KpiId, v.Year, v.Quarter, v.Version }).IsUnique().AreNullsDistinct(false);
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.Property(v => v.ChangedBy).HasMaxLength(256);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_kpi_measurement_versions_quarter", "quarter IS NULL OR quarter BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_kpi_measurement_versions_version", "version >= 1");
            t.HasCheckConstraint("ck_kpi_measurement_versions_reason",
                "change NOT IN ('Corrected', 'Withdrawn') OR length(trim(coalesce(reason, ''))) > 0");
            t.HasCheckConstraint("ck_kpi_measurement_versions_value", "(change = 'Withdrawn') = (value IS NULL)");
        });
        builder.MapSource();
    }
}
