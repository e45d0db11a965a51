using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One saved text of a quarter's commentary (append-only): who wrote it, when, and whether and when it was published.
/// A draft saved after a published version stays a draft until it is published itself.
/// </summary>
public class KpiCommentaryVersion
{
    public long Id { get; set; }

    public int CommentaryId { get; set; }

    public KpiCommentary? Commentary { get; set; }

    /// <summary>1 for the first text saved, 2 for the next, and so on.</summary>
    public int Version { get; set; }

    public required string Text { get; set; }

    /// <summary>Draft until published; a published version never goes back to draft.</summary>
    public CommentaryStatus Status { get; set; }

    public required string Author { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }
}
