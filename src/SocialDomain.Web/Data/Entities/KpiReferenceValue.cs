using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>A comparison value for a KPI from elsewhere (Nederland, Divosa benchmark) for one period.</summary>
public class KpiReferenceValue
{
    public int Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    public int Year { get; set; }

    public int? Quarter { get; set; }

    /// <summary>What the value describes, e.g. "Nederland" or "Divosa benchmark".</summary>
    public required string Reference { get; set; }

    public decimal Value { get; set; }

    /// <summary>How precisely the source gives the period (docs/time-model.md): exact, a month, a span of years, or none.</summary>
    public PeriodPrecision PeriodPrecision { get; set; }

    /// <summary>The month (1–12) for <see cref="PeriodPrecision.Month"/>, the first year for <see cref="PeriodPrecision.Span"/>, else null.</summary>
    public int? PeriodDetail { get; set; }

    public StatedPeriod StatedPeriod => new(PeriodPrecision, PeriodDetail);

    public required SourceReference Source { get; set; }
}
