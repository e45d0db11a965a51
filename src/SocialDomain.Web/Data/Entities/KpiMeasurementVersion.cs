using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One change of a KPI's value for one period (append-only): entered, corrected, withdrawn, confirmed or imported, with
/// the value and status after the change (null after a withdrawal), who, when, why and the source. The stored
/// <see cref="KpiMeasurement"/> holds the current state; these rows hold how it came about.
/// </summary>
public class KpiMeasurementVersion
{
    public long Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    public int Year { get; set; }

    /// <summary>1-4, or null for a whole year.</summary>
    public int? Quarter { get; set; }

    /// <summary>1 for the first change of this period, then 2, 3, …</summary>
    public int Version { get; set; }

    public MeasurementChange Change { get; set; }

    /// <summary>The value after this change; null after a withdrawal.</summary>
    public decimal? Value { get; set; }

    public MeasurementStatus? Status { get; set; }

    /// <summary>Why: required for corrections and withdrawals.</summary>
    public string? Reason { get; set; }

    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required SourceReference Source { get; set; }
}
