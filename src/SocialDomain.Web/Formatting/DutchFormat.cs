using System.Globalization;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Formatting;

/// <summary>nl-NL number formatting for everything a user reads: € 1.163.470, 6,4, 72%.</summary>
public static class DutchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Whole euros with thousands separators: "€ 1.163.470", "-€ 1.125.000" as "€ -1.125.000".</summary>
    public static string Euro(decimal amount) =>
        "€ " + Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Culture);

    /// <summary>Euros with cents where they matter: "€ 184,30".</summary>
    public static string EuroCents(decimal amount) => "€ " + amount.ToString("#,##0.00", Culture);

    /// <summary>A number with at most <paramref name="maxDecimals"/> decimals: 6,4 / 90.612.</summary>
    public static string Number(decimal value, int maxDecimals = 2) =>
        value.ToString("#,##0." + new string('#', maxDecimals), Culture);

    /// <summary>A percentage: "72%" or "6,7%".</summary>
    public static string Percent(decimal value, int maxDecimals = 1) => Number(value, maxDecimals) + "%";

    /// <summary>A KPI value in its unit.</summary>
    public static string Value(decimal value, KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => Percent(value),
        KpiUnit.Euro => Euro(value),
        KpiUnit.EuroPerInhabitant => EuroCents(value),
        KpiUnit.Weeks => Number(value, 1) + (value == 1 ? " week" : " weken"),
        KpiUnit.Days => Number(value, 0) + (value == 1 ? " dag" : " dagen"),
        KpiUnit.Score => Number(value, 1),
        KpiUnit.Per10000 => Number(value, 1) + " per 10.000",
        _ => Number(value, 2),
    };
}
