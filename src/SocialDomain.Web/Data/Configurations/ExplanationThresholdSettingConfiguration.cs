using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class ExplanationThresholdSettingConfiguration : IEntityTypeConfiguration<ExplanationThresholdSetting>
{
    public void Configure(EntityTypeBuilder<ExplanationThresholdSetting> builder)
    {
        builder.ToTable("explanation_threshold_settings", t =>
        {
            t.HasCheckConstraint("ck_explanation_threshold_settings_year", "valid_from_year BETWEEN 1900 AND 2200");
            t.HasCheckConstraint("ck_explanation_threshold_settings_absolute", "absolute IS NULL OR absolute >= 0");
            t.HasCheckConstraint("ck_explanation_threshold_settings_relative", "relative_percent IS NULL OR relative_percent >= 0");
            t.HasCheckConstraint("ck_explanation_threshold_settings_any", "absolute IS NOT NULL OR relative_percent IS NOT NULL");
        });
        builder.Property(s => s.Absolute).HasColumnType(ColumnTypes.Money);
        builder.Property(s => s.RelativePercent).HasColumnType(ColumnTypes.Percent);
        builder.Property(s => s.Reason).HasMaxLength(2000);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.HasIndex(s => s.ValidFromYear);
    }
}
