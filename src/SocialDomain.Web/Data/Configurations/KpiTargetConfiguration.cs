using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> builder)
    {
        builder.HasOne(t => t.Kpi).WithMany(k => k.Targets).HasForeignKey(t => t.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.KpiId, t.Version }).IsUnique();
        builder.Property(t => t.Rationale).HasMaxLength(SocialDomain.Core.Calculations.SmartTarget.RationaleMaxLength);
        builder.Property(t => t.CouncilDecision).HasMaxLength(SocialDomain.Core.Calculations.SmartTarget.CouncilDecisionMaxLength);
        builder.Property(t => t.ChangeReason).HasMaxLength(SocialDomain.Core.Calculations.SmartTarget.ChangeReasonMaxLength);
        builder.Property(t => t.ChangedBy).HasMaxLength(120);
        builder.Property(t => t.DecisionDocument).HasMaxLength(SocialDomain.Core.Calculations.TargetDecision.MaxDocumentLength);
        builder.Property(t => t.DecisionUrl).HasMaxLength(SocialDomain.Core.Calculations.TargetDecision.MaxUrlLength);
        builder.Property(t => t.ToleranceOnTrackPercent).HasColumnType(ColumnTypes.Percent);
        builder.Property(t => t.ToleranceAttentionPercent).HasColumnType(ColumnTypes.Percent);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_kpi_targets_version", "version >= 1");
            t.HasCheckConstraint("ck_kpi_targets_deadline_quarter", "deadline_quarter IS NULL OR deadline_quarter BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_kpi_targets_baseline_quarter", "baseline_quarter IS NULL OR baseline_quarter BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_kpi_targets_valid_from_quarter", "valid_from_quarter IS NULL OR valid_from_quarter BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_kpi_targets_reason", "version = 1 OR length(trim(coalesce(change_reason, ''))) > 0");
        });
        builder.MapSource();
    }
}
