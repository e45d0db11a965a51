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
        builder.Property(f => f.KpiCode).HasMaxLength(40);
        builder.Property(f => f.BudgetScope).HasMaxLength(20);
        builder.Property(f => f.BudgetCode).HasMaxLength(60);
        builder.HasIndex(f => new { f.Dataset, f.Subject }).IsUnique();

        // The KPI page reads the findings about its KPI.
        builder.HasIndex(f => f.KpiCode);

        // The benchmark page reads the findings of one domain (and task field).
        builder.HasIndex(f => new { f.Domain, f.TaskFieldCode });
        builder.MapSource();
    }
}
