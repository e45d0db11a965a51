using System.Globalization;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// Dutch (nl-NL) formatting for user-facing strings, the one home for it (issue 18 item 6): decimal comma, dot as thousands
/// separator, the true minus sign (U+2212) for negative numbers, a non-breaking space between € and its amount (the sign
/// never wraps away from the figure). Percent arguments are percent values (6.7m → "6,7%"), as everywhere in the
/// calculation layer; the percent sign follows the figure without a space, as in the source documents.
/// Plurals: <see cref="DutchPlural"/>.
/// </summary>
public static class DutchFormat
{
    /// <summary>The true minus sign (U+2212), used for every negative number a reader sees.</summary>
    public const string Minus = "\u2212";

    /// <summary>The euro sign and the non-breaking space (U+00A0) that keeps it with its amount.</summary>
    public const string EuroPrefix = "€\u00A0";

    /// <summary>The nl-NL culture. Requires ICU (InvariantGlobalization is false in this solution).</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    // nl-NL with the true minus sign; the pattern "-n" puts it straight before the digits.
    private static readonly NumberFormatInfo Numbers = CreateNumbers();

    /// <summary>A number with a fixed number of decimals: 1234.5m, 1 → "1.234,5"; −280.3m, 2 → "−280,30".</summary>
    public static string Number(decimal value, int decimals = 1)
    {
        var rounded = Round(value, decimals);
        // −0,0 does not exist: a value that rounds to zero is shown without a sign.
        return (rounded == 0m ? 0m : rounded).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers);
    }

    /// <summary>A number with only the decimals it needs, at most <paramref name="maxDecimals"/>: −280.30m → "−280,3"; 7.2m → "7,2"; 1000m → "1.000".</summary>
    public static string Compact(decimal value, int maxDecimals = 2)
    {
        var rounded = Round(value, maxDecimals);
        return (rounded == 0m ? 0m : rounded).ToString("#,##0." + new string('#', maxDecimals), Numbers);
    }

    /// <summary>A whole count: 1163m → "1.163".</summary>
    public static string Count(long value) => Number(value, 0);

    /// <summary>A percent value: 6.73m → "6,7%". No space before the sign (as in the source documents).</summary>
    public static string Percent(decimal percent, int decimals = 1) => Number(percent, decimals) + "%";

    /// <summary>A money amount: 1163470m → "€ 1.163.470"; −184.3m, 2 → "€ −184,30" (non-breaking space after €).</summary>
    public static string Euro(decimal amount, int decimals = 0) => EuroPrefix + Number(amount, decimals);

    /// <summary>
    /// A money amount on its own (not in a column): whole euros without ",00" ("€ 5.200"), anything else with cents
    /// ("€ 344,50").
    /// </summary>
    public static string Money(decimal amount) => Euro(amount, HasCents(amount) ? 2 : 0);

    /// <summary>
    /// The decimals for a column of amounts: 2 when any amount has cents, otherwise 0 — so one column never mixes
    /// "€ 344,00" and "€ 5.200".
    /// </summary>
    public static int EuroDecimals(IEnumerable<decimal?> amounts) => amounts.Any(a => a is { } v && HasCents(v)) ? 2 : 0;

    /// <summary>An amount per inhabitant, always with cents: 155.61m → "€ 155,61 per inwoner".</summary>
    public static string PerInhabitant(decimal amount) => Euro(amount, 2) + " per inwoner";

    /// <summary>A signed number: +1.234 / −1.234 / ±0 (a change, a difference).</summary>
    public static string Signed(decimal value, int decimals = 1) => Sign(Round(value, decimals)) + Number(Math.Abs(value), decimals);

    /// <summary>A signed percent value: 9.1m → "+9,1%".</summary>
    public static string SignedPercent(decimal percent, int decimals = 1) => Signed(percent, decimals) + "%";

    /// <summary>A signed money amount: −280.3m, 2 → "−€ 280,30"; 12m → "+€ 12".</summary>
    public static string SignedEuro(decimal amount, int decimals = 0) => Sign(Round(amount, decimals)) + Euro(Math.Abs(amount), decimals);

    /// <summary>A difference between two percentages, in percentage points: 1.25m → "+1,3 procentpunt", −2m → "−2,0 procentpunt".</summary>
    public static string PercentagePoints(decimal points, int decimals = 1) => Signed(points, decimals) + " procentpunt";

    /// <summary>A KPI value with its unit: 72m, Percent → "72%"; 7.5m, Weeks → "7,5 weken".</summary>
    public static string Value(decimal value, KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => Percent(value, DecimalsFor(value)),
        KpiUnit.Weeks => Number(value, DecimalsFor(value)) + (value == 1m ? " week" : " weken"),
        KpiUnit.Days => Number(value, DecimalsFor(value)) + (value == 1m ? " dag" : " dagen"),
        KpiUnit.Score => Number(value, 1),
        KpiUnit.Count => Number(value, 0),
        KpiUnit.Euro => Euro(value),
        KpiUnit.EuroPerInhabitant => PerInhabitant(value),
        KpiUnit.Per10000 => Number(value, DecimalsFor(value)) + " per 10.000 inwoners",
        _ => Number(value, DecimalsFor(value)),
    };

    /// <summary>
    /// A change of a KPI value with its unit and sign: +2 weken, −1,5 dagen; a change of a percentage is in percentage
    /// points ("+3 procentpunt"), never "+3%".
    /// </summary>
    public static string Change(decimal change, KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => Sign(Round(change, DecimalsFor(change))) + Number(Math.Abs(change), DecimalsFor(change)) + " procentpunt",
        KpiUnit.Euro or KpiUnit.EuroPerInhabitant => Sign(Round(change, 2)) + Value(Math.Abs(change), unit),
        _ => Sign(Round(change, DecimalsFor(change))) + Value(Math.Abs(change), unit),
    };

    /// <summary>Rounds half away from zero ("commercial" rounding, as in the source spreadsheets).</summary>
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static string Sign(decimal rounded) => rounded > 0 ? "+" : rounded < 0 ? Minus : "±";

    private static bool HasCents(decimal amount) => Round(amount, 2) != decimal.Truncate(Round(amount, 2));

    // Whole numbers are shown without decimals ("72%"), anything else with one ("71,6%").
    private static int DecimalsFor(decimal value) => Round(value, 1) == decimal.Truncate(Round(value, 1)) ? 0 : 1;

    private static NumberFormatInfo CreateNumbers()
    {
        var numbers = (NumberFormatInfo)Culture.NumberFormat.Clone();
        numbers.NegativeSign = Minus;
        numbers.NumberNegativePattern = 1; // "-n"
        return NumberFormatInfo.ReadOnly(numbers);
    }
}

/// <summary>
/// Dutch singular and plural with the count (issue 18 item 6): "1 KPI heeft", "2 KPI's hebben", "1 regel gelezen",
/// "6 problemen". The count is formatted as <see cref="DutchFormat.Count"/> (1.000).
/// </summary>
public static class DutchPlural
{
    /// <summary>The form that agrees with <paramref name="count"/>: singular for exactly 1 (and −1), plural otherwise (0 included).</summary>
    public static string Form(long count, string singular, string plural) => Math.Abs(count) == 1 ? singular : plural;

    /// <summary>The count and the agreeing form: (1, "probleem", "problemen") → "1 probleem"; 6 → "6 problemen".</summary>
    public static string Count(long count, string singular, string plural) => DutchFormat.Count(count) + " " + Form(count, singular, plural);
}
