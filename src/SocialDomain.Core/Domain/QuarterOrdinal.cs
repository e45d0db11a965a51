namespace SocialDomain.Core.Domain;

/// <summary>
/// When a period's figure counts in the quarterly cycle: a quarter counts in itself, a whole year from its fourth
/// quarter. The quarter ordinal (year × 4 + quarter − 1) numbers those quarters so that "published up to quarter N"
/// is one comparison. The SQL form lives in the Web project's publication feature and follows this definition.
/// </summary>
public static class QuarterOrdinal
{
    /// <summary>The quarter in which a period's figure becomes available: "2020" → 2020-K4, "2020-K2" → 2020-K2.</summary>
    public static Period EndQuarter(Period period) => period.IsQuarter ? period : Period.OfQuarter(period.Year, 4);

    /// <summary>The ordinal of the quarter in which a period's figure counts: year × 4 + (quarter or 4) − 1.</summary>
    public static int Of(int year, int? quarter) => (year * 4) + (quarter ?? 4) - 1;

    /// <summary>The ordinal of the quarter in which <paramref name="period"/>'s figure counts.</summary>
    public static int Of(Period period) => Of(period.Year, period.Quarter);

    /// <summary>True when <paramref name="period"/>'s figure counts in or before <paramref name="latestPublished"/>; false when nothing is published.</summary>
    public static bool IsPublished(Period period, Period? latestPublished) =>
        latestPublished is { } latest && EndQuarter(period) <= latest;
}
