using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class TaskFieldConfiguration : IEntityTypeConfiguration<TaskField>
{
    public void Configure(EntityTypeBuilder<TaskField> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(10);
        builder.Property(t => t.Name).HasMaxLength(160);
        builder.HasOne(t => t.Programme).WithMany(p => p.TaskFields)
            .HasForeignKey(t => t.ProgrammeCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.RowVersion).IsRowVersion();
    }
}
