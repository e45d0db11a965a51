using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Formatting;

/// <summary>Dutch names for the domain's enumerations.</summary>
public static class DutchText
{
    public static string Domain(SocialDomainArea domain) => domain switch
    {
        SocialDomainArea.Wmo => "Wmo",
        SocialDomainArea.Jeugd => "Jeugd",
        SocialDomainArea.WerkInkomen => "Werk en inkomen",
        SocialDomainArea.SociaalPlein => "Sociaal Plein",
        SocialDomainArea.Voorveld => "Voorveld",
        SocialDomainArea.SociaalDomein => "Sociaal domein (totaal)",
        _ => domain.ToString(),
    };

    public static string Unit(KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => "%",
        KpiUnit.Weeks => "weken",
        KpiUnit.Days => "dagen",
        KpiUnit.Score => "rapportcijfer (1–10)",
        KpiUnit.Count => "aantal",
        KpiUnit.Euro => "€",
        KpiUnit.EuroPerInhabitant => "€ per inwoner",
        KpiUnit.Per10000 => "per 10.000 inwoners",
        _ => unit.ToString(),
    };

    public static string Direction(KpiDirection direction) => direction switch
    {
        KpiDirection.HigherIsBetter => "hoger is beter",
        KpiDirection.LowerIsBetter => "lager is beter",
        KpiDirection.WithinBand => "binnen een bandbreedte",
        KpiDirection.Informative => "beschrijvend (geen streefrichting)",
        _ => direction.ToString(),
    };

    public static string Frequency(KpiFrequency frequency) => frequency switch
    {
        KpiFrequency.Year => "jaarlijks",
        KpiFrequency.Quarter => "per kwartaal",
        _ => frequency.ToString(),
    };

    public static string BudgetStage(BudgetStage stage) => stage switch
    {
        Core.Domain.BudgetStage.OriginalBudget => "primitieve begroting",
        Core.Domain.BudgetStage.AmendedBudget => "gewijzigde begroting",
        Core.Domain.BudgetStage.Actuals => "realisatie",
        Core.Domain.BudgetStage.Change => "begrotingswijziging",
        _ => stage.ToString(),
    };

    public static string BenchmarkStage(BenchmarkStage stage) => stage switch
    {
        Core.Domain.BenchmarkStage.AnnualAccounts => "jaarrekening",
        Core.Domain.BenchmarkStage.Budget => "begroting",
        _ => stage.ToString(),
    };
}
