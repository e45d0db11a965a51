using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>What a data-quality finding checked.</summary>
public enum DataQualityCheck
{
    /// <summary>A stated average (G40, G4) against the unweighted mean of its members, in one benchmark column.</summary>
    Average,

    /// <summary>A printed growth of the lasten ("Stijging gemiddeld lasten") against the averages it summarises.</summary>
    Growth,

    /// <summary>A printed budget deficit against last year's lasten ("Tekort begroot t.o.v. lasten jaar ervoor").</summary>
    BudgetDeficit,
}

/// <summary>
/// A difference between a figure stated in a source and the value recomputed from its parts
/// (e.g. a printed G40 average against the mean of its members). Shown to users, never hidden.
/// What was checked is stored in columns (<see cref="Kind"/>, <see cref="EntityCode"/>, <see cref="Domain"/>,
/// <see cref="TaskFieldCode"/>, <see cref="Year"/>, <see cref="Stage"/> and for a printed change the column it starts
/// from); <see cref="Subject"/> is the stable text key composed from them (DataQualityChecks.SubjectOf).
/// </summary>
public class DataQualityFinding
{
    public int Id { get; set; }

    /// <summary>Dataset the finding is about, e.g. "g40".</summary>
    public required string Dataset { get; set; }

    /// <summary>Stable key of the checked figure, so a re-import updates instead of duplicating, e.g.
    /// "average/G40/jeugd/totaal/2020/Budget". Composed from the structured columns, never parsed.</summary>
    public required string Subject { get; set; }

    /// <summary>Dutch description of the check and its outcome.</summary>
    public required string Message { get; set; }

    /// <summary>What was checked; null for a finding that is not about a benchmark figure.</summary>
    public DataQualityCheck? Kind { get; set; }

    /// <summary>Code of the average that was checked: "G40" or "G4".</summary>
    public string? EntityCode { get; set; }

    public SocialDomainArea? Domain { get; set; }

    /// <summary>Task field of the checked column; null for the domain total.</summary>
    public string? TaskFieldCode { get; set; }

    /// <summary>Year of the checked column (for a printed change: the column it ends in).</summary>
    public int? Year { get; set; }

    public BenchmarkStage? Stage { get; set; }

    /// <summary>For a printed change: the year of the column it starts from.</summary>
    public int? FromYear { get; set; }

    public BenchmarkStage? FromStage { get; set; }

    public decimal? StatedValue { get; set; }

    public decimal? RecomputedValue { get; set; }

    public decimal? Difference { get; set; }

    /// <summary>Number of values the recomputation used.</summary>
    public int? Count { get; set; }

    /// <summary>Members without a value (codes), when relevant.</summary>
    public List<string> Missing { get; set; } = [];

    public required SourceReference Source { get; set; }
}
