using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Object).HasMaxLength(200);
        builder.Property(a => a.Result).HasMaxLength(40);
        builder.Property(a => a.Origin).HasMaxLength(64);
        builder.Property(a => a.Details).HasColumnType("jsonb");
        builder.HasIndex(a => a.Timestamp);
        builder.HasIndex(a => new { a.Object, a.Timestamp });
    }
}
