using SocialDomain.Core.Calculations;

namespace SocialDomain.Web.Exports;

/// <summary>
/// How exports and the API write a computed ratio or average (deviation, percentile, recomputed mean, percent change):
/// rounded to <see cref="Decimals"/> decimals, half away from zero. Stored values are written exactly.
/// </summary>
public static class Computed
{
    public const int Decimals = 4;

    public static decimal? Round(decimal? value) => value is { } v ? DutchFormat.Round(v, Decimals) : null;
}
