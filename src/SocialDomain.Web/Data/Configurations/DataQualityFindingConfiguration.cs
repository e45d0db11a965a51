using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class DataQualityFindingConfiguration : IEntityTypeConfiguration<DataQualityFinding>
{
    public void Configure(EntityTypeBuilder<DataQualityFinding> builder)
    {
        builder.Property(f => f.Dataset).HasMaxLength(40);
        builder.Property(f => f.Subject).HasMaxLength(200);
        builder.Property(f => f.Message).HasMaxLength(1000);
        builder.HasIndex(f => new { f.Dataset, f.Subject }).IsUnique();
        builder.MapSource();
    }
}
