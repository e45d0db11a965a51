using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class PublishedFigureConfiguration : IEntityTypeConfiguration<PublishedFigure>
{
    public void Configure(EntityTypeBuilder<PublishedFigure> builder)
    {
        builder.HasOne(f => f.Publication).WithMany(p => p.Figures).HasForeignKey(f => f.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Kpi).WithMany().HasForeignKey(f => f.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.PublicationId, f.KpiId }).IsUnique();
        builder.Property(f => f.Commentary).HasMaxLength(8000);
        builder.Property(f => f.StatusReason).HasMaxLength(300);
        builder.Property(f => f.ToleranceOnTrackPercent).HasColumnType(ColumnTypes.Percent);
        builder.Property(f => f.ToleranceAttentionPercent).HasColumnType(ColumnTypes.Percent);
    }
}
