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

    /// <summary>A municipality's per-inhabitant domain total against the sum of its own task fields.</summary>
    TotalOfTaskFields,

    /// <summary>Two task fields of one benchmark column that look swapped (SourceChecks.LooksSwapped).</summary>
    SwappedTaskFields,

    /// <summary>A benchmark value far outside the municipality's own other years (SourceChecks.IsFarOutsideOwnYears).</summary>
    OutsideOwnYears,

    /// <summary>Source check (source_checks.csv): a printed total against its parts.</summary>
    Sum,

    /// <summary>Source check: a printed growth or change percentage against the two figures it summarises.</summary>
    ChangePercent,

    /// <summary>Source check: a printed ratio (per client, share, per 10.000) against its numerator and denominator.</summary>
    Ratio,

    /// <summary>Source check: the same quantity printed in two places.</summary>
    SameValue,

    /// <summary>Source check: a statement that every item is above its reference.</summary>
    AllAbove,

    /// <summary>Source check: a statement that every item is below its reference (e.g. "minder dan gemiddeld").</summary>
    AllBelow,

    /// <summary>Source check: "p % meer (n)": the base n / (1 + p/100) must be a whole count.</summary>
    WholeBase,
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

    /// <summary>Code of the average that was checked ("G40", "G4"), or of the municipality whose benchmark row was checked.</summary>
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

    /// <summary>True when the difference is explained by rounding only ("alleen afronding", docs/data-sources/checks.md).</summary>
    public bool RoundingOnly { get; set; }

    /// <summary>Link to the KPI page whose figures the finding concerns (Hilversum checks), e.g. "JEUGD_COST_PER_CLIENT".</summary>
    public string? KpiCode { get; set; }

    /// <summary>Link to the budget page: the part of it the finding concerns, a budget scope token ("programme", "lot",
    /// "total") or "project" / "reserve"; with <see cref="BudgetCode"/> and <see cref="Year"/>.</summary>
    public string? BudgetScope { get; set; }

    /// <summary>Code within <see cref="BudgetScope"/>: programme number, lot code, project code or reserve name.</summary>
    public string? BudgetCode { get; set; }

    public required SourceReference Source { get; set; }
}
