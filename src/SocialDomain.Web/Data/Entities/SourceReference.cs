namespace SocialDomain.Web.Data.Entities;

/// <summary>Where a figure comes from: the seed document and the section (with line numbers) in it.</summary>
public record SourceReference(string Document, string Section)
{
    public static readonly SourceReference None = new(string.Empty, string.Empty);
}
