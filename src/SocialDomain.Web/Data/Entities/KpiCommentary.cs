using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// "Het verhaal achter de cijfers": commentary on a KPI for one quarter. The row holds what readers see (the latest
/// published text, or the draft while nothing is published); every text ever saved is an append-only
/// <see cref="KpiCommentaryVersion"/> in <see cref="Versions"/>.
/// </summary>
public class KpiCommentary
{
    public int Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    public int Year { get; set; }

    public int Quarter { get; set; }

    public required string Text { get; set; }

    public CommentaryStatus Status { get; set; }

    public bool IsSynthetic { get; set; }

    public required string Author { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public List<KpiCommentaryVersion> Versions { get; set; } = [];

    /// <summary>PostgreSQL xmin: concurrency token against lost updates.</summary>
    public uint RowVersion { get; set; }
}
