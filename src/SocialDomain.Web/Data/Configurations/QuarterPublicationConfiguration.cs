using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

public class QuarterPublicationConfiguration : IEntityTypeConfiguration<QuarterPublication>
{
    public void Configure(EntityTypeBuilder<QuarterPublication> builder)
    {
        builder.HasIndex(p => new { p.Year, p.Quarter, p.Version }).IsUnique();
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.Property(p => p.Version).HasDefaultValue(1);
        builder.Property(p => p.Note).HasMaxLength(SocialDomain.Web.Features.Publication.QuarterPublisher.NoteMaxLength);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_quarter_publications_quarter", "quarter BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_quarter_publications_version", "version >= 1");
            t.HasCheckConstraint("ck_quarter_publications_note", "version = 1 OR length(trim(coalesce(note, ''))) > 0");
        });
    }
}
