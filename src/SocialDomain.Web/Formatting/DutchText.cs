using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Formatting;

/// <summary>Dutch names for the domain's enumerations (from <see cref="Vocabulary"/>) and dates; source document names are data (<see cref="SourceDocumentNames"/>).</summary>
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

    public static string BudgetStage(BudgetStage stage) => Label(Vocabulary.BudgetStages, stage);

    public static string BenchmarkStage(BenchmarkStage stage) => Label(Vocabulary.BenchmarkStages, stage);

    // A value outside the table (an undefined cast) shows its name rather than failing the page.
    private static string Label<T>(EnumTable<T> table, T value)
        where T : struct, Enum => table.Find(value)?.Label ?? value.ToString();
}
