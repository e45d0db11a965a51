using System.Globalization;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// Dutch (nl-NL) formatting for user-facing strings: decimal comma, dot as thousands separator.
/// Percent arguments are percent values (6.7m → "6,7%"), as everywhere in the calculation layer.
/// </summary>
public static class DutchFormat
{
    /// <summary>The nl-NL culture. Requires ICU (InvariantGlobalization is false in this solution).</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A number with a fixed number of decimals: 1234.5m, 1 → "1.234,5".</summary>
    public static string Number(decimal value, int decimals = 1) =>
        Round(value, decimals).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A percent value: 6.73m → "6,7%". No space before the sign (as in the source documents).</summary>
    public static string Percent(decimal percent, int decimals = 1) => Number(percent, decimals) + "%";

    /// <summary>A money amount: 1163470m → "€ 1.163.470"; −184.3m, 2 → "€ -184,30".</summary>
    public static string Euro(decimal amount, int decimals = 0) => "€ " + Number(amount, decimals);

    /// <summary>A KPI value with its unit: 72m, Percent → "72%"; 7.5m, Weeks → "7,5 weken".</summary>
    public static string Value(decimal value, KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => Percent(value, DecimalsFor(value)),
        KpiUnit.Weeks => Number(value, DecimalsFor(value)) + (value == 1m ? " week" : " weken"),
        KpiUnit.Days => Number(value, DecimalsFor(value)) + (value == 1m ? " dag" : " dagen"),
        KpiUnit.Score => Number(value, 1),
        KpiUnit.Count => Number(value, 0),
        KpiUnit.Euro => Euro(value),
        KpiUnit.EuroPerInhabitant => Euro(value, 2) + " per inwoner",
        KpiUnit.Per10000 => Number(value, DecimalsFor(value)) + " per 10.000 inwoners",
        _ => Number(value, DecimalsFor(value)),
    };

    /// <summary>Rounds half away from zero ("commercial" rounding, as in the source spreadsheets).</summary>
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    // Whole numbers are shown without decimals ("72%"), anything else with one ("71,6%").
    private static int DecimalsFor(decimal value) => Round(value, 1) == decimal.Truncate(Round(value, 1)) ? 0 : 1;
}
