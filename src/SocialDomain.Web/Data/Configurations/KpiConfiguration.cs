using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.Property(k => k.Code).HasMaxLength(40);
        builder.HasIndex(k => k.Code).IsUnique();
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Definition).HasMaxLength(2000);
        builder.Property(k => k.DataSource).HasMaxLength(200);
        builder.Property(k => k.Owner).HasMaxLength(120);
        builder.Property(k => k.LegalNormDescription).HasMaxLength(300);
        builder.HasOne(k => k.Programme).WithMany(p => p.Kpis).HasForeignKey(k => k.ProgrammeCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(k => k.TaskField).WithMany().HasForeignKey(k => k.TaskFieldCode).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint(
                "ck_kpis_band",
                "direction <> 'WithinBand' OR (band_low IS NOT NULL AND band_high IS NOT NULL AND band_low <= band_high)");
            t.HasCheckConstraint("ck_kpis_archived_quarter", "archived_from_quarter IS NULL OR (archived_from_year IS NOT NULL AND archived_from_quarter BETWEEN 1 AND 4)");
        });
        builder.Property(k => k.RowVersion).IsRowVersion();
        builder.MapSource();
    }
}
