using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class UserProgrammeConfiguration : IEntityTypeConfiguration<UserProgramme>
{
    public void Configure(EntityTypeBuilder<UserProgramme> builder)
    {
        builder.ToTable("user_programmes");
        builder.HasKey(u => new { u.UserId, u.ProgrammeCode });
        builder.HasOne(u => u.User).WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.Programme).WithMany().HasForeignKey(u => u.ProgrammeCode).OnDelete(DeleteBehavior.Cascade);
    }
}
