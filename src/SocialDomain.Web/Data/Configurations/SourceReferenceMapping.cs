using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Configurations;

internal static class SourceReferenceMapping
{
    /// <summary>Maps <see cref="SourceReference"/> to source_document / source_section columns.</summary>
    public static void MapSource<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.ComplexProperty<SourceReference>("Source", source =>
        {
            source.Property(s => s.Document).HasColumnName("source_document").HasMaxLength(20);
            source.Property(s => s.Section).HasColumnName("source_section").HasMaxLength(300);
        });
    }
}
