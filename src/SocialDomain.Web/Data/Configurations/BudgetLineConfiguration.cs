using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.Property(b => b.ScopeCode).HasMaxLength(20);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Amount).HasColumnType(ColumnTypes.Money);
        builder.HasOne(b => b.Programme).WithMany().HasForeignKey(b => b.ProgrammeCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.TaskField).WithMany().HasForeignKey(b => b.TaskFieldCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.Scope, b.ScopeCode, b.Year, b.Stage, b.Measure }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_budget_lines_year", "year BETWEEN 1900 AND 2200"));
        builder.MapSource();
    }
}
