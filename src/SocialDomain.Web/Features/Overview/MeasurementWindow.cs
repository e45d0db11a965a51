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
    public static async Task<IReadOnlyDictionary<int, List<MeasurementPoint>>> LoadAsync(
        SocialDomainDbContext db, Period quarter, int? publicationId, CancellationToken cancellationToken)
    {
        var ordinal = QuarterOrdinal.Of(quarter);
        var frozenId = publicationId ?? 0;

        // MeasurementPoint.CountsInTrend in SQL: an exact value of a comparable period (exact, or a month).
        var recent = db.Kpis.SelectMany(k => db.KpiMeasurements
            .Where(m => m.KpiId == k.Id && m.QuarterOrdinal <= ordinal)
            .OrderByDescending(m => m.QuarterOrdinal).ThenByDescending(m => m.Quarter ?? 0)
            .Take(Points));
        var trend = db.Kpis.SelectMany(k => db.KpiMeasurements
            .Where(m => m.KpiId == k.Id && m.QuarterOrdinal <= ordinal && m.Bound == ValueBound.Exact
                && (m.PeriodPrecision == PeriodPrecision.Exact || m.PeriodPrecision == PeriodPrecision.Month))
            .OrderByDescending(m => m.QuarterOrdinal).ThenByDescending(m => m.Quarter ?? 0)
            .Take(TrendPoints));
        var frozen = db.KpiMeasurements.Where(m => db.PublishedFigures.Any(f =>
            f.PublicationId == frozenId && f.KpiId == m.KpiId && f.MeasurementYear == m.Year && f.MeasurementQuarter == m.Quarter));

        var rows = await recent.Union(trend).Union(frozen)
            .Select(m => new { m.KpiId, m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic, m.PeriodPrecision, m.PeriodDetail, m.Bound })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(m => m.KpiId)
            .ToDictionary(g => g.Key, g => g
                .Select(m => new MeasurementPoint(new Period(m.Year, m.Quarter), m.Value, m.Status, m.IsSynthetic, new StatedPeriod(m.PeriodPrecision, m.PeriodDetail), m.Bound))
                .OrderBy(m => QuarterOrdinal.EndQuarter(m.Period)).ThenBy(m => m.Period)
                .ToList());
    }
}
