using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Overview;

/// <summary>
/// The measurements the overview needs of each KPI at a quarter, instead of its whole history
/// (docs/adr/0015-windowed-overview-reads.md): the latest <see cref="Points"/> up to the quarter (the value shown and
/// the sparkline), the latest <see cref="TrendPoints"/> that count in a trend (the change against the previous one,
/// also when the measurements in between do not count), and the measurement of the period the shown publication froze
/// (its "changed after publication" mark). Every figure the overview shows is computed from these exactly as from the
/// whole history; only the projection to a deadline needs more, and the overview does not show it. One round trip of
/// per-KPI index range scans on kpi_measurements(kpi_id, quarter_ordinal), so its cost does not grow with the history.
/// </summary>
public static class MeasurementWindow
{
    /// <summary>Measurements per KPI in the sparkline, and in the window.</summary>
    public const int Points = 12;

    /// <summary>
    /// Measurements that count in a trend per KPI: the current one and the one before it, plus one for the period a
    /// publication froze, which the frozen value replaces.
    /// </summary>
    public const int TrendPoints = 3;

    /// <summary>The window of every KPI at <paramref name="quarter"/>, per KPI id, oldest first.</summary>
    /// <param name="publicationId">The shown publication, whose frozen periods are read too; null for none.</param>
    /// <param name="shownKpiIds">The KPIs whose rows the page shows (<see cref="OverviewSection"/>); null for all. Of the
    /// others only the latest measurement up to the quarter (and the frozen period) is read: all their status and the
    /// summary's counts need (<c>KpiEvaluation.Evaluate</c> judges the latest value).</param>
    public static async Task<IReadOnlyDictionary<int, List<MeasurementPoint>>> LoadAsync(
        SocialDomainDbContext db, Period quarter, int? publicationId, CancellationToken cancellationToken, IReadOnlyCollection<int>? shownKpiIds = null)
    {
        var ordinal = QuarterOrdinal.Of(quarter);
        var frozenId = publicationId ?? 0;
        var everyKpi = shownKpiIds is null;
        var shown = shownKpiIds?.ToArray() ?? [];

        // Written in SQL because EF Core translates a per-KPI Take into ROW_NUMBER() over every measurement up to the
        // quarter (a full read and sort of the history: 57 ms at 500 KPIs × 40 quarters, growing with history); LATERAL
        // with LIMIT reads at most Points + TrendPoints rows per KPI from the index on (kpi_id, quarter_ordinal), and
        // UNION ALL leaves the overlap to be removed here rather than by a sort in the database. Parameters only: FromSql
        // turns the interpolated values into parameters.
        // MeasurementPoint.CountsInTrend in SQL: an exact value of a comparable period (exact, or a month).
        var exact = ValueBound.Exact.ToString();
        var exactPeriod = PeriodPrecision.Exact.ToString();
        var month = PeriodPrecision.Month.ToString();
        var rows = await db.KpiMeasurements.FromSql($"""
                SELECT w.* FROM kpis k CROSS JOIN LATERAL (
                    SELECT x.* FROM kpi_measurements x
                    WHERE x.kpi_id = k.id AND x.quarter_ordinal <= {ordinal}
                    ORDER BY x.quarter_ordinal DESC, COALESCE(x.quarter, 0) DESC
                    LIMIT CASE WHEN {everyKpi} OR k.id = ANY({shown}) THEN {Points} ELSE 1 END) w
                UNION ALL
                SELECT w.* FROM kpis k CROSS JOIN LATERAL (
                    SELECT x.* FROM kpi_measurements x
                    WHERE x.kpi_id = k.id AND x.quarter_ordinal <= {ordinal}
                      AND x.bound = {exact} AND x.period_precision IN ({exactPeriod}, {month})
                    ORDER BY x.quarter_ordinal DESC, COALESCE(x.quarter, 0) DESC
                    LIMIT {TrendPoints}) w
                WHERE {everyKpi} OR k.id = ANY({shown})
                UNION ALL
                SELECT x.* FROM published_figures f
                JOIN kpi_measurements x ON x.kpi_id = f.kpi_id AND x.year = f.measurement_year
                    AND x.quarter IS NOT DISTINCT FROM f.measurement_quarter
                WHERE f.publication_id = {frozenId}
                """)
            .AsNoTracking()
            .Select(m => new { m.Id, m.KpiId, m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic, m.PeriodPrecision, m.PeriodDetail, m.Bound })
            .ToListAsync(cancellationToken);
        // The three parts overlap (a trend point is usually among the latest twelve): each measurement once.
        return rows
            .DistinctBy(m => m.Id)
            .GroupBy(m => m.KpiId)
            .ToDictionary(g => g.Key, g => g
                .Select(m => new MeasurementPoint(new Period(m.Year, m.Quarter), m.Value, m.Status, m.IsSynthetic, new StatedPeriod(m.PeriodPrecision, m.PeriodDetail), m.Bound))
                .OrderBy(m => QuarterOrdinal.EndQuarter(m.Period)).ThenBy(m => m.Period)
                .ToList());
    }
}
