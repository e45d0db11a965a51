using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Formatting;

/// <summary>Dutch names for the domain's enumerations.</summary>
public static class DutchText
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>An instant as a Dutch date and time in Amsterdam: "25 november 2026, 14:30".</summary>
    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>An instant as a Dutch date in Amsterdam: "25 november 2026".</summary>
    public static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

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

    public static string MeasurementStatus(MeasurementStatus status) => status switch
    {
        Core.Domain.MeasurementStatus.Final => "definitief",
        Core.Domain.MeasurementStatus.Provisional => "voorlopig",
        _ => status.ToString(),
    };

    /// <summary>"document 000" with its name, for source references.</summary>
    public static string SourceDocument(string document) => document switch
    {
        "000" => "raadsbrief 2019 over WINST (000)",
        "001" => "investeringsvoorstel WINST 2017 (001)",
        "002" => "raadsbrief 2016 over WINST (002)",
        "003" => "KPMG-rapport en raadsbrief 2020 (003)",
        "004" => "raadsbrief 2020 Focus op werk (004)",
        "" => "onbekend",
        _ => document,
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
