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

    public required SourceReference Source { get; set; }
}
