using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Overview;

namespace SocialDomain.Web.Features.Publication;

/// <summary>
/// What the council will see when <see cref="Quarter"/> is published now: the overview rows as they would be frozen,
/// and the KPIs that need a look first (no value for the quarter itself, no commentary, commentary still in draft). Also the versions published
/// so far: publishing again is a corrigendum that needs a note.
/// </summary>
public sealed record PublicationPreview(
    Period Quarter,
    IReadOnlyList<KpiRow> Rows,
    IReadOnlyList<string> WithoutValue,
    IReadOnlyList<string> WithoutCommentary,
    IReadOnlyList<string> DraftCommentary,
    IReadOnlyList<PublicationHeader> Versions)
{
    /// <summary>True when the quarter was published before: publishing again is a corrigendum.</summary>
    public bool IsCorrection => Versions.Count > 0;

    /// <summary>The version publishing now would make.</summary>
    public int NextVersion => Versions.Count == 0 ? 1 : Versions.Max(v => v.Version) + 1;

    /// <summary>The preview of <paramref name="quarter"/> (four round trips).</summary>
    public static async Task<PublicationPreview> LoadAsync(SocialDomainDbContext db, Period quarter, CancellationToken cancellationToken)
    {
        var frozen = await QuarterPublisher.FreezeAsync(db, quarter, cancellationToken);
        var versions = (await PublicationQuery.HeadersAsync(db, cancellationToken)).Where(p => p.Quarter == quarter).ToList();

        // A draft newer than the published text: the head row still a draft, or a draft version after the last published one.
        var draftKpis = await db.KpiCommentaries.AsNoTracking()
            .Where(c => c.Year == quarter.Year && c.Quarter == quarter.Quarter)
            .Where(c => c.Status == CommentaryStatus.Draft
                || c.Versions.Any(v => v.Status == CommentaryStatus.Draft
                    && v.Version > (c.Versions.Where(p => p.Status == CommentaryStatus.Published).Max(p => (int?)p.Version) ?? 0)))
            .Select(c => c.KpiId)
            .ToListAsync(cancellationToken);
        return Build(quarter, frozen, versions, draftKpis.ToHashSet());
    }

    /// <summary>Pure: the preview rows are the overview rows of the would-be snapshot, read as the council will read them.</summary>
    public static PublicationPreview Build(Period quarter, FrozenQuarter frozen, IReadOnlyList<PublicationHeader> versions, IReadOnlySet<int> draftKpis)
    {
        var next = new PublicationHeader(0, quarter, versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1, DateTimeOffset.MaxValue, string.Empty, null);
        var rows = frozen.Kpis.Select(k => OverviewReport.Row(k, frozen.Measurements.GetValueOrDefault(k.Kpi.Id) ?? [], quarter, next)).ToList();
        return new PublicationPreview(
            quarter,
            rows,
            rows.Where(r => r.Evaluation.Current is null || r.Evaluation.CurrentIsFromEarlierPeriod).Select(r => r.Name).ToList(),
            frozen.Kpis.Where(k => k.Frozen?.Commentary is null).Select(k => k.Kpi.Name).ToList(),
            frozen.Kpis.Where(k => draftKpis.Contains(k.Kpi.Id)).Select(k => k.Kpi.Name).ToList(),
            versions);
    }
}
