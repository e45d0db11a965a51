using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Commentary;

/// <summary>One stored version of a quarter's commentary, as the history shows it.</summary>
public sealed record CommentaryVersionRow(
    int Year, int Quarter, int Version, CommentaryStatus Status, string Text, string Author, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string? PublishedBy)
{
    public Period Period => Period.OfQuarter(Year, Quarter);

    public static CommentaryVersionRow Of(Period quarter, KpiCommentaryVersion v) =>
        new(quarter.Year, quarter.Quarter!.Value, v.Version, v.Status, v.Text, v.Author, v.CreatedAt, v.PublishedAt, v.PublishedBy);
}

/// <summary>A table of commentary versions, as the shared partial _CommentaryVersions renders it.</summary>
public sealed record CommentaryVersionTable(string Id, string Caption, IReadOnlyList<CommentaryVersionRow> Rows);

/// <summary>
/// The history of a KPI's commentary beside what readers see (the KPI page's "Eerdere versies"): per quarter the
/// versions other than the published one shown, newest first. Everyone sees the earlier published versions; staff
/// (<see cref="Visibility.MaySeeUnpublished"/>) also the drafts. The page shows it only under the commentary it shows,
/// so the quarters' visibility is the page's (<see cref="Kpis.KpiDetailReport"/>).
/// </summary>
public static class CommentaryHistory
{
    /// <summary>Per quarter, every version except the newest published one (the text shown); drafts only when <paramref name="includeDrafts"/>.</summary>
    public static IReadOnlyDictionary<Period, IReadOnlyList<CommentaryVersionRow>> Earlier(IEnumerable<CommentaryVersionRow> versions, bool includeDrafts) =>
        versions.GroupBy(v => v.Period).ToDictionary(
            g => g.Key,
            g =>
            {
                var shown = g.Where(v => v.Status == CommentaryStatus.Published).MaxBy(v => v.Version)?.Version;
                // Readers outside the staff see roles, never login names (issue 16).
                return (IReadOnlyList<CommentaryVersionRow>)g
                    .Where(v => v.Version != shown && (includeDrafts || v.Status == CommentaryStatus.Published))
                    .Select(v => includeDrafts ? v : v with
                    {
                        Author = StaffAttribution.Public(v.Author), PublishedBy = v.PublishedBy is null ? null : StaffAttribution.Public(v.PublishedBy),
                    })
                    .OrderByDescending(v => v.Version).ToList();
            });
}
