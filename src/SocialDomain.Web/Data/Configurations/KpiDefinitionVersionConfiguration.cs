using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class KpiDefinitionVersionConfiguration : IEntityTypeConfiguration<KpiDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<KpiDefinitionVersion> builder)
    {
        builder.HasOne(v => v.Kpi).WithMany(k => k.DefinitionVersions).HasForeignKey(v => v.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.KpiId, v.Version }).IsUnique();
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.Definition).HasMaxLength(2000);
        builder.Property(v => v.DataSource).HasMaxLength(200);
        builder.Property(v => v.Owner).HasMaxLength(120);
        builder.Property(v => v.ProgrammeCode).HasMaxLength(10);
        builder.Property(v => v.TaskFieldCode).HasMaxLength(10);
        builder.Property(v => v.LegalNormDescription).HasMaxLength(300);
        builder.Property(v => v.ChangedBy).HasMaxLength(256);
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_kpi_definition_versions_version", "version >= 1");
            t.HasCheckConstraint("ck_kpi_definition_versions_valid_from_quarter", "valid_from_quarter IS NULL OR valid_from_quarter BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_kpi_definition_versions_reason", "version = 1 OR length(trim(coalesce(reason, ''))) > 0");
        });
    }
}
