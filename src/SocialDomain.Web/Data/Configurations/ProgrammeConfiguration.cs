using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(10);
        builder.Property(p => p.Name).HasMaxLength(120);
        builder.Property(x => x.RowVersion).IsRowVersion();
    }
}
