using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>A measured value of a KPI for one period (a year, or a quarter).</summary>
public class KpiMeasurement
{
    public long Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    public int Year { get; set; }

    /// <summary>1-4, or null when the value covers the whole year.</summary>
    public int? Quarter { get; set; }

    /// <summary>
    /// The ordinal of the quarter in which the figure counts (Core <c>QuarterOrdinal.Of</c>: year × 4 + (quarter or 4) − 1),
    /// computed by PostgreSQL (a stored generated column) so that "the latest measurements up to a quarter" is an index
    /// range scan (docs/adr/0015-windowed-overview-reads.md). Never set by code.
    /// </summary>
    public int QuarterOrdinal { get; private set; }

    public decimal Value { get; set; }

    /// <summary>How precisely the source gives the period (docs/time-model.md): exact, a month, a span of years, or none.</summary>
    public PeriodPrecision PeriodPrecision { get; set; }

    /// <summary>The month (1–12) for <see cref="PeriodPrecision.Month"/>, the first year for <see cref="PeriodPrecision.Span"/>, else null.</summary>
    public int? PeriodDetail { get; set; }

    public StatedPeriod StatedPeriod => new(PeriodPrecision, PeriodDetail);

    /// <summary>Exact, or a bound the source gives instead of the value ("ten minste 267": the ambition was reached).</summary>
    public ValueBound Bound { get; set; }

    public MeasurementStatus Status { get; set; }

    /// <summary>True for generated demonstration data that is not in any source document.</summary>
    public bool IsSynthetic { get; set; }

    public string? Note { get; set; }

    public required SourceReference Source { get; set; }

    /// <summary>PostgreSQL xmin: a correction based on a stale value is refused (optimistic concurrency).</summary>
    public uint RowVersion { get; set; }

    public Period Period => new(Year, Quarter);
}
