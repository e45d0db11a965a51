using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Import;

/// <summary>The tokens the documented CSV formats use for the domain's enumerations.</summary>
public static class Tokens
{
    public static readonly IReadOnlyDictionary<string, SocialDomainArea> Domain = new Dictionary<string, SocialDomainArea>(StringComparer.Ordinal)
    {
        ["wmo"] = SocialDomainArea.Wmo,
        ["jeugd"] = SocialDomainArea.Jeugd,
        ["werk_inkomen"] = SocialDomainArea.WerkInkomen,
        ["sociaal_plein"] = SocialDomainArea.SociaalPlein,
        ["voorveld"] = SocialDomainArea.Voorveld,
        ["sociaal_domein"] = SocialDomainArea.SociaalDomein,
    };

    public static readonly IReadOnlyDictionary<string, KpiUnit> Unit = new Dictionary<string, KpiUnit>(StringComparer.Ordinal)
    {
        ["percent"] = KpiUnit.Percent,
        ["weeks"] = KpiUnit.Weeks,
        ["days"] = KpiUnit.Days,
        ["score"] = KpiUnit.Score,
        ["count"] = KpiUnit.Count,
        ["euro"] = KpiUnit.Euro,
        ["euro_per_inhabitant"] = KpiUnit.EuroPerInhabitant,
        ["per_10000"] = KpiUnit.Per10000,
    };

    public static readonly IReadOnlyDictionary<string, KpiDirection> Direction = new Dictionary<string, KpiDirection>(StringComparer.Ordinal)
    {
        ["higher_is_better"] = KpiDirection.HigherIsBetter,
        ["lower_is_better"] = KpiDirection.LowerIsBetter,
        ["within_band"] = KpiDirection.WithinBand,
        ["informative"] = KpiDirection.Informative,
    };

    public static readonly IReadOnlyDictionary<string, KpiFrequency> Frequency = new Dictionary<string, KpiFrequency>(StringComparer.Ordinal)
    {
        ["year"] = KpiFrequency.Year,
        ["quarter"] = KpiFrequency.Quarter,
    };

    public static readonly IReadOnlyDictionary<string, MeasurementStatus> Status = new Dictionary<string, MeasurementStatus>(StringComparer.Ordinal)
    {
        ["final"] = MeasurementStatus.Final,
        ["provisional"] = MeasurementStatus.Provisional,
    };

    public static readonly IReadOnlyDictionary<string, BenchmarkStage> BenchmarkStage = new Dictionary<string, BenchmarkStage>(StringComparer.Ordinal)
    {
        ["jaarrekening"] = Core.Domain.BenchmarkStage.AnnualAccounts,
        ["begroting"] = Core.Domain.BenchmarkStage.Budget,
    };

    public static readonly IReadOnlyDictionary<string, BenchmarkEntityKind> EntityKind = new Dictionary<string, BenchmarkEntityKind>(StringComparer.Ordinal)
    {
        ["municipality"] = BenchmarkEntityKind.Municipality,
        ["g40_average"] = BenchmarkEntityKind.G40Average,
        ["g4_average"] = BenchmarkEntityKind.G4Average,
        ["size_class"] = BenchmarkEntityKind.SizeClass,
        ["nederland"] = BenchmarkEntityKind.Netherlands,
    };

    public static readonly IReadOnlyDictionary<string, BudgetScope> BudgetScope = new Dictionary<string, BudgetScope>(StringComparer.Ordinal)
    {
        ["programme"] = Core.Domain.BudgetScope.Programme,
        ["task_field"] = Core.Domain.BudgetScope.TaskField,
        ["lot"] = Core.Domain.BudgetScope.Lot,
        ["total"] = Core.Domain.BudgetScope.Total,
    };

    public static readonly IReadOnlyDictionary<string, BudgetStage> BudgetStage = new Dictionary<string, BudgetStage>(StringComparer.Ordinal)
    {
        ["primitieve_begroting"] = Core.Domain.BudgetStage.OriginalBudget,
        ["gewijzigde_begroting"] = Core.Domain.BudgetStage.AmendedBudget,
        ["realisatie"] = Core.Domain.BudgetStage.Actuals,
        ["wijziging"] = Core.Domain.BudgetStage.Change,
    };

    public static readonly IReadOnlyDictionary<string, BudgetMeasure> BudgetMeasure = new Dictionary<string, BudgetMeasure>(StringComparer.Ordinal)
    {
        ["lasten"] = Core.Domain.BudgetMeasure.Expenses,
        ["baten"] = Core.Domain.BudgetMeasure.Income,
        ["saldo"] = Core.Domain.BudgetMeasure.Net,
    };

    public static readonly IReadOnlyDictionary<string, StatedSummaryKind> SummaryKind = new Dictionary<string, StatedSummaryKind>(StringComparer.Ordinal)
    {
        ["growth"] = StatedSummaryKind.Growth,
        ["budget_deficit"] = StatedSummaryKind.BudgetDeficit,
    };
}

/// <summary>Kinds of percentage printed under the G40 tables.</summary>
public enum StatedSummaryKind
{
    Growth,
    BudgetDeficit,
}
