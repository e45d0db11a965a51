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

        // Same definition as Core QuarterOrdinal.Of; the overview reads a window of the latest measurements per KPI
        // through (kpi_id, quarter_ordinal) and the quarters with data through (quarter_ordinal).
        builder.Property(m => m.QuarterOrdinal).HasComputedColumnSql("year * 4 + COALESCE(quarter, 4) - 1", stored: true);
        builder.HasIndex(m => new { m.KpiId, m.QuarterOrdinal });
        builder.HasIndex(m => m.QuarterOrdinal);
        builder.Property(m => m.Note).HasMaxLength(1000);
        builder.Property(m => m.RowVersion).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("ck_kpi_measurements_quarter", "quarter IS NULL OR quarter BETWEEN 1 AND 4"));
        builder.Ignore(m => m.StatedPeriod);
        builder.ToTable(t => t.HasCheckConstraint("ck_kpi_measurements_period_detail",
            "(period_precision IN ('Exact', 'Undated') AND period_detail IS NULL) OR (period_precision = 'Month' AND period_detail BETWEEN 1 AND 12) OR (period_precision = 'Span' AND period_detail IS NOT NULL)"));
        builder.MapSource();
    }
}
