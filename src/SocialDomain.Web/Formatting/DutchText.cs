using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Formatting;

/// <summary>Dutch names for the domain's enumerations (from <see cref="Vocabulary"/>), dates and source documents.</summary>
public static class DutchText
{
    /// <summary>The dashboard's time zone: dates a reader types or reads are Amsterdam dates.</summary>
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>An instant as a short Dutch date in Amsterdam: "12-03-2020".</summary>
    public static string ShortDate(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date as the pages print it: "12-03-2020".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today's date in Amsterdam, by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);

    /// <summary>An instant as a Dutch date and time in Amsterdam: "25 november 2026, 14:30".</summary>
    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>An instant as a Dutch date in Amsterdam: "25 november 2026".</summary>
    public static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    public static string Domain(SocialDomainArea domain) => Label(Vocabulary.Domains, domain);

    public static string Unit(KpiUnit unit) => Label(Vocabulary.Units, unit);

    public static string Direction(KpiDirection direction) => Label(Vocabulary.Directions, direction);

    public static string Frequency(KpiFrequency frequency) => Label(Vocabulary.Frequencies, frequency);

    public static string MeasurementStatus(MeasurementStatus status) => Label(Vocabulary.MeasurementStatuses, status);

    /// <summary>"concept" or "gepubliceerd".</summary>
    public static string CommentaryStatus(CommentaryStatus status) => Label(Vocabulary.CommentaryStatuses, status);

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

    public static string BudgetStage(BudgetStage stage) => Label(Vocabulary.BudgetStages, stage);

    public static string BenchmarkStage(BenchmarkStage stage) => Label(Vocabulary.BenchmarkStages, stage);

    // A value outside the table (an undefined cast) shows its name rather than failing the page.
    private static string Label<T>(EnumTable<T> table, T value)
        where T : struct, Enum => table.Find(value)?.Label ?? value.ToString();
}
