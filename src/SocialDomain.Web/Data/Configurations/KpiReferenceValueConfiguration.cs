using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class KpiReferenceValueConfiguration : IEntityTypeConfiguration<KpiReferenceValue>
{
    public void Configure(EntityTypeBuilder<KpiReferenceValue> builder)
    {
        builder.HasOne(r => r.Kpi).WithMany().HasForeignKey(r => r.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Reference).HasMaxLength(120);
        builder.HasIndex(r => new { r.KpiId, r.Year, r.Quarter, r.Reference }).IsUnique().AreNullsDistinct(false);
        builder.Ignore(r => r.StatedPeriod);
        builder.ToTable(t => t.HasCheckConstraint("ck_kpi_reference_values_period_detail",
            "(period_precision IN ('Exact', 'Undated') AND period_detail IS NULL) OR (period_precision = 'Month' AND period_detail BETWEEN 1 AND 12) OR (period_precision = 'Span' AND period_detail IS NOT NULL)"));
        builder.MapSource();
    }
}
