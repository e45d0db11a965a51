using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class ImportDraftConfiguration : IEntityTypeConfiguration<ImportDraft>
{
    public void Configure(EntityTypeBuilder<ImportDraft> builder)
    {
        builder.ToTable("import_drafts");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Owner).HasMaxLength(256);
        builder.HasIndex(d => d.Owner);
        builder.HasIndex(d => d.ExpiresAt);
    }
}
