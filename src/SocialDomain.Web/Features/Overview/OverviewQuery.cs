using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Kpis;

namespace SocialDomain.Web.Features.Overview;

/// <summary>A quarter's published commentary on a KPI.</summary>
public sealed record QuarterCommentary(int Year, int Quarter, string Text, bool IsSynthetic);

/// <summary>A KPI with what its quarterly judgement needs: definition (and rule), every target version, published commentary.</summary>
public sealed record OverviewKpi(KpiDefinition Kpi, IReadOnlyList<TargetVersion> Targets, IReadOnlyList<QuarterCommentary> PublishedCommentary)
{
    /// <summary>The target version in force in <paramref name="quarter"/> (<see cref="TargetInForce"/>); null when none is.</summary>
    public TargetVersion? TargetAt(Period quarter) => TargetVersion.InForce(Targets, quarter);

    /// <summary>The published commentary of <paramref name="quarter"/>, if any.</summary>
    public QuarterCommentary? CommentaryOf(Period quarter) =>
        PublishedCommentary.FirstOrDefault(c => c.Year == quarter.Year && c.Quarter == quarter.Quarter);
}

/// <summary>What a publication froze of one KPI: the measurement shown (none: null) and the commentary.</summary>
public sealed record FrozenFigure(int KpiId, int? MeasurementYear, int? MeasurementQuarter, decimal? Value, string? Commentary);

/// <summary>A published quarter; <see cref="Figures"/> only for the quarter the public will see (empty otherwise).</summary>
public sealed record OverviewPublication(Period Quarter, DateTimeOffset PublishedAt, IReadOnlyList<FrozenFigure> Figures);

/// <summary>Everything the Kwartaaloverzicht needs, as read from the database for one request.</summary>
public sealed record OverviewData(
    IReadOnlyList<OverviewPublication> Publications,
    IReadOnlyDictionary<int, List<MeasurementPoint>> Measurements,
    OverviewSelection Selection,
    IReadOnlyList<OverviewKpi> Kpis);

/// <summary>
/// The database round trips behind the Kwartaaloverzicht (/), its CSV and the publication snapshot: every KPI (with
/// its target versions and published commentary) and every measurement. Shared so that what is published is exactly
/// what the overview shows.
/// </summary>
public static class OverviewQuery
{
    /// <summary>The overview of the requested quarter text (empty = latest) for a reader (three round trips).</summary>
    public static async Task<OverviewData> LoadAsync(SocialDomainDbContext db, string? quarterText, bool showsUnpublished, CancellationToken cancellationToken)
    {
        var requested = OverviewSelection.Parse(quarterText);

        // Round trip 1: the publications, with the frozen figures of only the quarter the public will see: the requested
        // quarter when it is published, otherwise the latest. Staff see live figures and need none.
        var frozenWanted = !showsUnpublished;
        int? requestedYear = requested?.Year;
        int? requestedQuarter = requested?.Quarter;
        var publications = (await db.QuarterPublications.AsNoTracking()
            .Select(p => new
            {
                p.Year,
                p.Quarter,
                p.PublishedAt,
                Figures = p.Figures
                    .Where(f => frozenWanted
                        && ((p.Year == requestedYear && p.Quarter == requestedQuarter)
                            || (!db.QuarterPublications.Any(x => x.Year == requestedYear && x.Quarter == requestedQuarter)
                                && p.Id == db.QuarterPublications.OrderByDescending(x => x.Year).ThenByDescending(x => x.Quarter).Select(x => x.Id).FirstOrDefault())))
                    .Select(f => new FrozenFigure(f.KpiId, f.MeasurementYear, f.MeasurementQuarter, f.Value, f.Commentary))
                    .ToList(),
            })
            .ToListAsync(cancellationToken))
            .Select(p => new OverviewPublication(Period.OfQuarter(p.Year, p.Quarter), p.PublishedAt, p.Figures))
            .ToList();

        // Round trip 2: all measurements.
        var measurements = await LoadMeasurementsAsync(db, cancellationToken);
        var selection = OverviewSelection.Choose(quarterText, publications.Select(p => p.Quarter), measurements, showsUnpublished);

        // Round trip 3: the KPIs with the target in force and the published commentary of this quarter.
        var kpis = selection.Quarter is { } quarter ? await LoadKpisAsync(db, quarter, cancellationToken) : [];
        return new OverviewData(publications, measurements, selection, kpis);
    }

    /// <summary>
    /// Every KPI with its target in force and published commentary (one round trip), in overview order.
    /// </summary>
    /// <param name="commentaryQuarter">Only this quarter's commentary, which is all the overview and a publication
    /// show (the query then reads one commentary per KPI instead of all of them); null for every quarter.</param>
    public static async Task<IReadOnlyList<OverviewKpi>> LoadKpisAsync(SocialDomainDbContext db, Period? commentaryQuarter, CancellationToken cancellationToken)
    {
        var allQuarters = commentaryQuarter is null;
        var year = commentaryQuarter?.Year ?? 0;
        var quarter = commentaryQuarter?.Quarter ?? 0;
        var kpis = await db.Kpis.AsNoTracking()
            .OrderBy(k => k.ProgrammeCode).ThenBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(KpiDefinition.FromEntity)
            .Select(k => new
            {
                Kpi = k,
                Targets = db.KpiTargets.Where(t => t.KpiId == k.Id).OrderBy(t => t.Version).Select(TargetVersion.FromEntity).ToList(),
                Commentaries = db.KpiCommentaries
                    .Where(c => c.KpiId == k.Id && c.Status == CommentaryStatus.Published && (allQuarters || (c.Year == year && c.Quarter == quarter)))
                    .Select(c => new QuarterCommentary(c.Year, c.Quarter, c.Text, c.IsSynthetic)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return kpis.Select(k => new OverviewKpi(k.Kpi, k.Targets, k.Commentaries)).ToList();
    }

    /// <summary>Every measurement, per KPI id (one round trip).</summary>
    public static async Task<IReadOnlyDictionary<int, List<MeasurementPoint>>> LoadMeasurementsAsync(SocialDomainDbContext db, CancellationToken cancellationToken) =>
        (await db.KpiMeasurements.AsNoTracking()
            .Select(m => new { m.KpiId, m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic })
            .ToListAsync(cancellationToken))
        .GroupBy(m => m.KpiId)
        .ToDictionary(g => g.Key, g => g.Select(m => new MeasurementPoint(new Period(m.Year, m.Quarter), m.Value, m.Status, m.IsSynthetic)).ToList());

    /// <summary>Every quarter in which some measurement becomes available, newest first.</summary>
    public static IReadOnlyList<Period> QuartersWithData(IReadOnlyDictionary<int, List<MeasurementPoint>> measurements) =>
        measurements.Values.SelectMany(s => s).Select(m => QuarterOrdinal.EndQuarter(m.Period)).Distinct().OrderDescending().ToList();
}
