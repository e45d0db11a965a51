using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class BenchmarkCatalogueEntryConfiguration : IEntityTypeConfiguration<BenchmarkCatalogueEntry>
{
    public void Configure(EntityTypeBuilder<BenchmarkCatalogueEntry> builder)
    {
        builder.HasOne(c => c.TaskField).WithMany().HasForeignKey(c => c.TaskFieldCode).OnDelete(DeleteBehavior.Restrict);
        // The natural key; ON CONFLICT DO NOTHING relies on it (the domain total has no task field: nulls are not distinct).
        builder.HasIndex(c => new { c.Domain, c.TaskFieldCode, c.Year, c.Stage }).IsUnique().AreNullsDistinct(false);
    }
}
