using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class ReserveMovementConfiguration : IEntityTypeConfiguration<ReserveMovement>
{
    public void Configure(EntityTypeBuilder<ReserveMovement> builder)
    {
        builder.Property(r => r.Reserve).HasMaxLength(120);
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.Amount).HasColumnType(ColumnTypes.Money);
        builder.Property(r => r.Description).HasMaxLength(300);
        builder.Property(r => r.ProjectCode).HasMaxLength(40);
        builder.HasIndex(r => new { r.Reserve, r.Year, r.Kind, r.Description }).IsUnique().AreNullsDistinct(false);
        builder.MapSource();
    }
}
