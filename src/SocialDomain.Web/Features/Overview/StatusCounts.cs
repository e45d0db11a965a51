using SocialDomain.Core.Calculations;

namespace SocialDomain.Web.Features.Overview;

/// <summary>
/// How many KPIs of a group have each status, as the overview's summary shows them per programme and domain (issue 18
/// item 4). A KPI without a status (no measurement, no usable target, descriptive only) counts as not assessable.
/// </summary>
public sealed record StatusCounts(int OnTrack, int Attention, int OffTrack, int NotAssessable)
{
    public int Total => OnTrack + Attention + OffTrack + NotAssessable;

    /// <summary>The count of one status; null is "niet te beoordelen".</summary>
    public int Of(KpiStatus? status) => status switch
    {
        KpiStatus.OnTrack => OnTrack,
        KpiStatus.Attention => Attention,
        KpiStatus.OffTrack => OffTrack,
        _ => NotAssessable,
    };

    /// <summary>The statuses in the order the summary lists them: as the legend, "niet te beoordelen" last.</summary>
    public static IReadOnlyList<KpiStatus?> Order { get; } = [KpiStatus.OnTrack, KpiStatus.Attention, KpiStatus.OffTrack, null];

    /// <summary>Counts the statuses shown for <paramref name="rows"/> (as published for the public, live for staff).</summary>
    public static StatusCounts Of(IEnumerable<KpiRow> rows)
    {
        var statuses = rows.Select(r => r.Status).ToList();
        return new StatusCounts(
            statuses.Count(s => s == KpiStatus.OnTrack),
            statuses.Count(s => s == KpiStatus.Attention),
            statuses.Count(s => s == KpiStatus.OffTrack),
            statuses.Count(s => s is null));
    }
}
