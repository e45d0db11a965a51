using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Overview;

/// <summary>A quarter's published commentary on a KPI: the head row readers see, and its published versions.</summary>
public sealed record QuarterCommentary(int Year, int Quarter, string Text, bool IsSynthetic, DateTimeOffset? PublishedAt = null, IReadOnlyList<PublishedCommentaryText>? PublishedVersions = null)
{
    /// <summary>The published commentary now, or at the end of the <paramref name="stand"/> day.</summary>
    public PublishedCommentary? At(Stand? stand) => PublishedFigureView.CommentaryAt(Text, PublishedAt, PublishedVersions ?? [], stand);
}

/// <summary>
/// A KPI with what its quarterly judgement needs: definition (and rule), every target version, published commentary,
/// and what the shown publication froze of it (<see cref="Frozen"/>; null when none is shown or the KPI was not in it).
/// </summary>
public sealed record OverviewKpi(KpiDefinition Kpi, IReadOnlyList<TargetVersion> Targets, IReadOnlyList<QuarterCommentary> PublishedCommentary, FrozenFigure? Frozen = null)
{
    /// <summary>The target version in force in <paramref name="quarter"/> (<see cref="TargetInForce"/>); null when none is.</summary>
    public TargetVersion? TargetAt(Period quarter) => TargetVersion.InForce(Targets, quarter);

    /// <summary>The published commentary of <paramref name="quarter"/>, if any.</summary>
    public QuarterCommentary? CommentaryOf(Period quarter) =>
        PublishedCommentary.FirstOrDefault(c => c.Year == quarter.Year && c.Quarter == quarter.Quarter);
}

/// <summary>Everything the Kwartaaloverzicht needs, as read from the database for one request.</summary>
/// <param name="Publications">Every publication, with the reader's stand and version (<see cref="PublicationChoice"/>).</param>
/// <param name="Shown">The publication whose snapshot is shown; null when the reader sees live figures (staff) or nothing is published.</param>
/// <param name="Windowed">True when <paramref name="Measurements"/> holds only each KPI's <see cref="MeasurementWindow"/>.</param>
/// <param name="Section">Whose rows the page shows; of the others only what their status needs is read. Null: every row.</param>
public sealed record OverviewData(
    PublicationChoice Publications,
    IReadOnlyDictionary<int, List<MeasurementPoint>> Measurements,
    OverviewSelection Selection,
    IReadOnlyList<OverviewKpi> Kpis,
    PublicationHeader? Shown = null,
    bool Windowed = false,
    OverviewSection? Section = null);

/// <summary>
/// The database round trips behind the Kwartaaloverzicht (/), its CSV and the publication snapshot: every KPI (with
/// its target versions and published commentary) and every measurement. Shared so that what is published is exactly
/// what the overview shows.
/// </summary>
public static class OverviewQuery
{
    /// <summary>
    /// The overview of the requested quarter text (empty = latest) for a reader. The public and council members, and
    /// anyone asking for a <paramref name="stand"/> or <paramref name="version"/>, get the snapshot of the shown
    /// publication. Five round trips: the publications, the KPIs, their target versions, the commentary of the KPIs shown
    /// (none when no rows are shown) and the measurements; one more for staff, who also get the quarters with data.
    /// </summary>
    /// <param name="fullHistory">Read every measurement up to the quarter (the council report's charts and projections, the
    /// CSV's "metingen in trend"); otherwise only the <see cref="MeasurementWindow"/> the page shows, which keeps the
    /// cost of a page independent of the length of the history (docs/adr/0015-windowed-overview-reads.md).</param>
    /// <param name="section">The page's programme and domain request (<see cref="OverviewSection.Choose"/>); null for every
    /// row (CSV, API, publication, report).</param>
    public static async Task<OverviewData> LoadAsync(SocialDomainDbContext db, string? quarterText, bool showsUnpublished, CancellationToken cancellationToken,
        string? stand = null, string? version = null, bool fullHistory = false, OverviewSectionRequest? section = null)
    {
        // Round trip 1: the publications (without figures).
        var choice = PublicationChoice.Resolve(await PublicationQuery.HeadersAsync(db, cancellationToken), stand, version);
        var live = showsUnpublished && !choice.AsPublished;

        // Staff only: the quarters with data (an index skip scan, not a read of every measurement).
        var withData = live ? await QuartersWithDataAsync(db, cancellationToken) : [];
        var selection = OverviewSelection.Choose(quarterText, choice.Quarters, withData, live);
        var shown = !live && selection.Quarter is { } q ? choice.Shown(q) : null;
        if (selection.Quarter is not { } quarter)
        {
            return new OverviewData(choice, new Dictionary<int, List<MeasurementPoint>>(), selection, [], shown);
        }

        // The KPIs with their target versions, this quarter's published commentary and the shown snapshot; then their
        // measurements up to the quarter: all of them, or the window the page shows.
        var kpis = await LoadDefinitionsAsync(db, quarter, shown?.Id, cancellationToken);
        var chosen = section is null
            ? OverviewSection.Everything
            : OverviewSection.Choose(section.Programme, section.Domain, kpis.Count, kpis.Select(k => (k.Kpi.ProgrammeCode, k.Kpi.Domain)));
        var shownIds = chosen.All ? null : kpis.Where(k => chosen.Shows(k.Kpi.ProgrammeCode, k.Kpi.Domain)).Select(k => k.Kpi.Id).ToList();
        kpis = await WithCommentaryAsync(db, kpis, quarter, shownIds, cancellationToken);
        var measurements = fullHistory
            ? await LoadMeasurementsAsync(db, cancellationToken)
            : await MeasurementWindow.LoadAsync(db, quarter, shown?.Id, cancellationToken, shownIds);
        return new OverviewData(choice, measurements, selection, kpis, shown, Windowed: !fullHistory, Section: chosen);
    }

    /// <summary>
    /// Every KPI with its target versions and published commentary, in overview order: three flat round trips (the
    /// KPIs with the shown publication's frozen figure, their target versions, the commentary).
    /// </summary>
    /// <remarks>
    /// Issue 21: these were one query with the targets and the commentary (with its versions) as nested collections.
    /// EF Core's shaper for nested collections compiles delegates on every execution; at 500 KPIs that was about 18 % of
    /// the app's CPU on the overview, and the nested commentary alone cost the start page 40 % of its throughput (A/B,
    /// docs/performance.md). Flat reads, grouped here, do the same work without it.
    /// </remarks>
    /// <param name="commentaryQuarter">Only this quarter's commentary, which is all the overview and a publication
    /// show (the query then reads one commentary per KPI instead of all of them); null for every quarter.</param>
    /// <param name="publicationId">The publication whose frozen figures to read with each KPI; null for none.</param>
    public static async Task<IReadOnlyList<OverviewKpi>> LoadKpisAsync(SocialDomainDbContext db, Period? commentaryQuarter, CancellationToken cancellationToken, int? publicationId = null)
    {
        var kpis = await LoadDefinitionsAsync(db, commentaryQuarter, publicationId, cancellationToken);
        return await WithCommentaryAsync(db, kpis, commentaryQuarter, null, cancellationToken);
    }

    /// <summary>
    /// The KPIs (with the frozen figure of <paramref name="publicationId"/>) and their target versions, without
    /// commentary (<see cref="WithCommentaryAsync"/>): two round trips.
    /// </summary>
    private static async Task<IReadOnlyList<OverviewKpi>> LoadDefinitionsAsync(SocialDomainDbContext db, Period? shownQuarter, int? publicationId, CancellationToken cancellationToken)
    {
        var frozenId = publicationId ?? 0;
        var allQuarters = shownQuarter is null;
        // An archived KPI leaves the overview from its archive quarter on (DefinitionRules.IsArchivedIn, in SQL), unless the
        // shown publication froze it: what was published stays as published.
        var shownOrdinal = shownQuarter is { } cq ? QuarterOrdinal.Of(QuarterOrdinal.EndQuarter(cq)) : 0;
        var kpis = await db.Kpis.AsNoTracking()
            .Where(k => allQuarters || k.ArchivedFromYear == null || (k.ArchivedFromYear * 4) + (k.ArchivedFromQuarter ?? 1) - 1 > shownOrdinal
                || db.PublishedFigures.Any(f => f.PublicationId == frozenId && f.KpiId == k.Id))
            .OrderBy(k => k.ProgrammeCode).ThenBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(KpiDefinition.FromEntity)
            .Select(k => new
            {
                Kpi = k,
                Frozen = db.PublishedFigures.Where(f => f.PublicationId == frozenId && f.KpiId == k.Id).Select(FrozenFigure.FromEntity).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var ids = kpis.Select(k => k.Kpi.Id).ToList();
        var targets = (await db.KpiTargets.AsNoTracking()
                .Where(t => ids.Contains(t.KpiId))
                .OrderBy(t => t.KpiId).ThenBy(t => t.Version)
                .Select(TargetVersion.FromEntity)
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.KpiCode, StringComparer.Ordinal);
        return kpis.Select(k => new OverviewKpi(k.Kpi, targets[k.Kpi.Code].ToList(), [], k.Frozen)).ToList();
    }

    /// <summary>
    /// The published commentary of <paramref name="commentaryQuarter"/> (null: of every quarter) with its published
    /// versions, of the KPIs in <paramref name="kpiIds"/> (null: of all of them): one flat round trip, none when the
    /// page shows no KPI's rows.
    /// </summary>
    private static async Task<IReadOnlyList<OverviewKpi>> WithCommentaryAsync(SocialDomainDbContext db, IReadOnlyList<OverviewKpi> kpis, Period? commentaryQuarter,
        IReadOnlyCollection<int>? kpiIds, CancellationToken cancellationToken)
    {
        if (kpis.Count == 0 || kpiIds is { Count: 0 })
        {
            return kpis;
        }

        var allQuarters = commentaryQuarter is null;
        var year = commentaryQuarter?.Year ?? 0;
        var quarter = commentaryQuarter?.Quarter ?? 0;
        var everyKpi = kpiIds is null;
        var ids = kpiIds?.ToList() ?? [];
        var rows = await db.KpiCommentaries.AsNoTracking()
            .Where(c => c.Status == CommentaryStatus.Published && (allQuarters || (c.Year == year && c.Quarter == quarter)) && (everyKpi || ids.Contains(c.KpiId)))
            .SelectMany(
                c => c.Versions.Where(v => v.Status == CommentaryStatus.Published).DefaultIfEmpty(),
                (c, v) => new
                {
                    c.Id,
                    c.KpiId,
                    c.Year,
                    c.Quarter,
                    c.Text,
                    c.IsSynthetic,
                    c.PublishedAt,
                    Version = v == null ? (int?)null : v.Version,
                    VersionText = v == null ? null : v.Text,
                    VersionPublishedAt = v == null ? null : v.PublishedAt,
                })
            .OrderBy(r => r.Id).ThenBy(r => r.Version)
            .ToListAsync(cancellationToken);
        var byKpi = rows
            .GroupBy(r => r.Id)
            .Select(g => (g.First().KpiId, Commentary: new QuarterCommentary(g.First().Year, g.First().Quarter, g.First().Text, g.First().IsSynthetic, g.First().PublishedAt,
                g.Where(r => r.Version is not null).Select(r => new PublishedCommentaryText(r.Version!.Value, r.VersionText!, r.VersionPublishedAt)).ToList())))
            .ToLookup(c => c.KpiId, c => c.Commentary);
        return kpis.Select(k => byKpi.Contains(k.Kpi.Id) ? k with { PublishedCommentary = byKpi[k.Kpi.Id].ToList() } : k).ToList();
    }

    /// <summary>Every measurement, per KPI id (one round trip).</summary>
    public static async Task<IReadOnlyDictionary<int, List<MeasurementPoint>>> LoadMeasurementsAsync(SocialDomainDbContext db, CancellationToken cancellationToken) =>
        (await db.KpiMeasurements.AsNoTracking()
            .Select(m => new { m.KpiId, m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic, m.PeriodPrecision, m.PeriodDetail, m.Bound })
            .ToListAsync(cancellationToken))
        .GroupBy(m => m.KpiId)
        .ToDictionary(g => g.Key, g => g.Select(m => new MeasurementPoint(new Period(m.Year, m.Quarter), m.Value, m.Status, m.IsSynthetic,
            new StatedPeriod(m.PeriodPrecision, m.PeriodDetail), m.Bound)).ToList());

    /// <summary>Every quarter in which some measurement becomes available, newest first.</summary>
    public static IReadOnlyList<Period> QuartersWithData(IReadOnlyDictionary<int, List<MeasurementPoint>> measurements) =>
        measurements.Values.SelectMany(s => s).Select(m => QuarterOrdinal.EndQuarter(m.Period)).Distinct().OrderDescending().ToList();

    /// <summary>
    /// Every quarter in which some measurement becomes available, newest first (one round trip): a loose index scan
    /// over kpi_measurements(quarter_ordinal) that visits one index entry per distinct quarter instead of every row.
    /// </summary>
    public static async Task<IReadOnlyList<Period>> QuartersWithDataAsync(SocialDomainDbContext db, CancellationToken cancellationToken)
    {
        var ordinals = await db.Database.SqlQueryRaw<int>(
            """
            WITH RECURSIVE q(o) AS (
                SELECT max(quarter_ordinal) FROM kpi_measurements
                UNION ALL
                SELECT (SELECT max(m.quarter_ordinal) FROM kpi_measurements m WHERE m.quarter_ordinal < q.o) FROM q WHERE q.o IS NOT NULL)
            SELECT o AS "Value" FROM q WHERE o IS NOT NULL
            """).ToListAsync(cancellationToken);
        return ordinals.Select(o => Period.OfQuarter(Math.DivRem(o, 4).Quotient, Math.DivRem(o, 4).Remainder + 1)).ToList();
    }
}
