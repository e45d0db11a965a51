using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class KpiCommentaryVersionConfiguration : IEntityTypeConfiguration<KpiCommentaryVersion>
{
    public void Configure(EntityTypeBuilder<KpiCommentaryVersion> builder)
    {
        builder.HasOne(v => v.Commentary).WithMany(c => c.Versions).HasForeignKey(v => v.CommentaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.CommentaryId, v.Version }).IsUnique();
        builder.Property(v => v.Text).HasMaxLength(8000);
        builder.Property(v => v.Author).HasMaxLength(120);
        builder.Property(v => v.PublishedBy).HasMaxLength(120);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_kpi_commentary_versions_version", "version >= 1");
            t.HasCheckConstraint("ck_kpi_commentary_versions_published", "(status = 'Published') = (published_at IS NOT NULL)");
        });
    }
}
