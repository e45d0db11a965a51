using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class ProjectBudgetConfiguration : IEntityTypeConfiguration<ProjectBudget>
{
    public void Configure(EntityTypeBuilder<ProjectBudget> builder)
    {
        builder.HasOne(b => b.Project).WithMany(p => p.Budgets).HasForeignKey(b => b.ProjectCode).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.Amount).HasColumnType(ColumnTypes.Money);
        builder.Property(b => b.Funding).HasMaxLength(300);
        builder.Property(b => b.FundingKind).HasMaxLength(20);
        builder.HasIndex(b => new { b.ProjectCode, b.Year, b.Funding }).IsUnique().AreNullsDistinct(false);
        builder.MapSource();
    }
}
