namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// A difference between a figure stated in a source and the value recomputed from its parts
/// (e.g. a printed G40 average against the mean of its members). Shown to users, never hidden.
/// </summary>
public class DataQualityFinding
{
    public int Id { get; set; }

    /// <summary>Dataset the finding is about, e.g. "g40-benchmark".</summary>
    public required string Dataset { get; set; }

    /// <summary>Stable key of the checked figure, so a re-import updates instead of duplicating.</summary>
    public required string Subject { get; set; }

    /// <summary>Dutch description of the check and its outcome.</summary>
    public required string Message { get; set; }

    public decimal? StatedValue { get; set; }

    public decimal? RecomputedValue { get; set; }

    public decimal? Difference { get; set; }

    /// <summary>Number of values the recomputation used.</summary>
    public int? Count { get; set; }

    /// <summary>Members without a value (codes), when relevant.</summary>
    public List<string> Missing { get; set; } = [];

    public required SourceReference Source { get; set; }
}
