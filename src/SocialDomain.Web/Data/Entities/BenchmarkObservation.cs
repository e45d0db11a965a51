using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// A published per-inhabitant figure (net cost, negative = expense) for a municipality or
/// aggregate, for one domain and task field (null = the domain total), year and stage.
/// </summary>
public class BenchmarkObservation
{
    public long Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public Municipality? Municipality { get; set; }

    public SocialDomainArea Domain { get; set; }

    /// <summary>Task field code, or null for the domain total.</summary>
    public string? TaskFieldCode { get; set; }

    public TaskField? TaskField { get; set; }

    public int Year { get; set; }

    public BenchmarkStage Stage { get; set; }

    /// <summary>€ per inhabitant; null when the source prints "-" (missing, never zero).</summary>
    public decimal? ValuePerInhabitant { get; set; }

    /// <summary>The row label as printed in the source ("Gemeente 's-Gravenhage").</summary>
    public string? SourceName { get; set; }

    public required SourceReference Source { get; set; }
}
