using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Role).HasMaxLength(20).HasDefaultValue("project");
        builder.Property(p => p.ParentCode).HasMaxLength(40);
        builder.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.MapSource();
    }
}
