using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Commentary;

/// <summary>
/// A commentary written in one go (by a loader or a test), created with its version 1 so that the head row and its
/// history agree from the start. The editor (<see cref="CommentaryEditor"/>) is the way to change it afterwards.
/// </summary>
public static class NewCommentary
{
    /// <param name="kpiId">0 when the commentary is added to a KPI's <see cref="Kpi.Commentaries"/>.</param>
    public static KpiCommentary Create(int kpiId, Period quarter, string text, CommentaryStatus status, string author, DateTimeOffset at, bool isSynthetic = false)
    {
        var publishedAt = status == CommentaryStatus.Published ? at : (DateTimeOffset?)null;
        return new KpiCommentary
        {
            KpiId = kpiId,
            Year = quarter.Year,
            Quarter = quarter.Quarter!.Value,
            Text = text,
            Status = status,
            Author = author,
            UpdatedAt = at,
            PublishedAt = publishedAt,
            IsSynthetic = isSynthetic,
            Versions =
            [
                new KpiCommentaryVersion
                {
                    Version = 1, Text = text, Status = status, Author = author, CreatedAt = at, PublishedAt = publishedAt,
                    PublishedBy = publishedAt is null ? null : author,
                },
            ],
        };
    }
}
