using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class QuarterPublicationConfiguration : IEntityTypeConfiguration<QuarterPublication>
{
    public void Configure(EntityTypeBuilder<QuarterPublication> builder)
    {
        builder.HasIndex(p => new { p.Year, p.Quarter }).IsUnique();
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.ToTable(t => t.HasCheckConstraint("ck_quarter_publications_quarter", "quarter BETWEEN 1 AND 4"));
    }
}
