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
        builder.Property(f => f.EntityCode).HasMaxLength(10);
        builder.Property(f => f.TaskFieldCode).HasMaxLength(10);
        builder.HasIndex(f => new { f.Dataset, f.Subject }).IsUnique();

        // The benchmark page reads the findings of one domain (and task field).
        builder.HasIndex(f => new { f.Domain, f.TaskFieldCode });
        builder.MapSource();
    }
}
