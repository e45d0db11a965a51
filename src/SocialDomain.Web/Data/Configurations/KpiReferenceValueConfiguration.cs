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
        builder.MapSource();
    }
}
