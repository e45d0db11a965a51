using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class KpiCommentaryConfiguration : IEntityTypeConfiguration<KpiCommentary>
{
    public void Configure(EntityTypeBuilder<KpiCommentary> builder)
    {
        builder.HasOne(c => c.Kpi).WithMany(k => k.Commentaries).HasForeignKey(c => c.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.KpiId, c.Year, c.Quarter }).IsUnique();
        builder.Property(c => c.Text).HasMaxLength(8000);
        builder.Property(c => c.Author).HasMaxLength(120);
        builder.Property(c => c.RowVersion).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("ck_kpi_commentaries_quarter", "quarter BETWEEN 1 AND 4"));
    }
}
