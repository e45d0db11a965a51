using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One combination of domain, task field (null = the domain total), year and stage that benchmark_observations holds: the
/// benchmark's menu. Derived data, maintained in the same transaction as every write of observations and rebuilt from
/// them by <c>BenchmarkCatalogueStore</c> (ADR 0016); always equal to their DISTINCT.
/// </summary>
public class BenchmarkCatalogueEntry
{
    public long Id { get; set; }

    public SocialDomainArea Domain { get; set; }

    /// <summary>Task field code, or null for the domain total.</summary>
    public string? TaskFieldCode { get; set; }

    public TaskField? TaskField { get; set; }

    public int Year { get; set; }

    public BenchmarkStage Stage { get; set; }
}
