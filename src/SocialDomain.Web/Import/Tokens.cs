using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Import;

/// <summary>
/// The tokens the documented CSV formats use for the domain's enumerations (case-sensitive, in the order they are
/// offered). Each is derived from the enumeration's one table in <see cref="Vocabulary"/>.
/// </summary>
public static class Tokens
{
    /// <summary>The table of <see cref="StatedSummaryKind"/> (an importer-only enumeration, so its table lives here).</summary>
    public static EnumTable<StatedSummaryKind> SummaryKinds { get; } = new(
        (StatedSummaryKind.Growth, "growth", "groei van de lasten"),
        (StatedSummaryKind.BudgetDeficit, "budget_deficit", "begroot tekort"));

    /// <summary>The check kinds a row of source_checks.csv may name (docs/data-sources/checks.md).</summary>
    public static EnumTable<Data.Entities.DataQualityCheck> SourceCheckKinds { get; } = new(
        (Data.Entities.DataQualityCheck.Sum, "sum", "totaal tegen delen"),
        (Data.Entities.DataQualityCheck.ChangePercent, "change_percent", "veranderingspercentage"),
        (Data.Entities.DataQualityCheck.Ratio, "ratio", "verhouding"),
        (Data.Entities.DataQualityCheck.SameValue, "same_value", "zelfde cijfer elders"),
        (Data.Entities.DataQualityCheck.AllAbove, "all_above", "alle hoger"),
        (Data.Entities.DataQualityCheck.AllBelow, "all_below", "alle lager"),
        (Data.Entities.DataQualityCheck.WholeBase, "whole_base", "heel aantal als basis"));

    public static readonly IReadOnlyDictionary<string, SocialDomainArea> Domain = Vocabulary.Domains.ByToken;

    public static readonly IReadOnlyDictionary<string, KpiUnit> Unit = Vocabulary.Units.ByToken;

    public static readonly IReadOnlyDictionary<string, KpiDirection> Direction = Vocabulary.Directions.ByToken;

    public static readonly IReadOnlyDictionary<string, KpiFrequency> Frequency = Vocabulary.Frequencies.ByToken;

    public static readonly IReadOnlyDictionary<string, MeasurementStatus> Status = Vocabulary.MeasurementStatuses.ByToken;

    public static readonly IReadOnlyDictionary<string, BenchmarkStage> BenchmarkStage = Vocabulary.BenchmarkStages.ByToken;

    public static readonly IReadOnlyDictionary<string, BenchmarkEntityKind> EntityKind = Vocabulary.EntityKinds.ByToken;

    public static readonly IReadOnlyDictionary<string, BudgetScope> BudgetScope = Vocabulary.BudgetScopes.ByToken;

    public static readonly IReadOnlyDictionary<string, BudgetStage> BudgetStage = Vocabulary.BudgetStages.ByToken;

    public static readonly IReadOnlyDictionary<string, BudgetMeasure> BudgetMeasure = Vocabulary.BudgetMeasures.ByToken;

    public static readonly IReadOnlyDictionary<string, DecisionBody> DecisionBody = Vocabulary.DecisionBodies.ByToken;

    public static readonly IReadOnlyDictionary<string, StatedSummaryKind> SummaryKind = SummaryKinds.ByToken;
}

/// <summary>Kinds of percentage printed under the G40 tables.</summary>
public enum StatedSummaryKind
{
    Growth,
    BudgetDeficit,
}
