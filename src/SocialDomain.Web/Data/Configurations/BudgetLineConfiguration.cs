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
        builder.Property(b => b.ChangeNumber).HasMaxLength(40);
        builder.Property(b => b.ChangeReason).HasMaxLength(2000);
        builder.Property(b => b.CorrectionReason).HasMaxLength(2000);
        builder.Property(b => b.RecordedBy).HasMaxLength(256);
        builder.Property(b => b.RecordedAt).HasDefaultValueSql("now()");

        // Current lines are those no other line replaces; the key is unique among them, which the importer and the
        // maintenance page check (a replaced row keeps its key, so no unique index can say it). A row is replaced once.
        builder.HasIndex(b => new { b.Scope, b.ScopeCode, b.Year, b.Stage, b.Measure });
        builder.HasOne(b => b.Replaces).WithMany().HasForeignKey(b => b.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.ReplacesId).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_budget_lines_year", "year BETWEEN 1900 AND 2200"));
        builder.MapSource();
    }
}
