using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(10);
        builder.Property(m => m.Name).HasMaxLength(120);
        builder.HasOne(m => m.SizeClass).WithMany().HasForeignKey(m => m.SizeClassCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.Name);
    }
}
