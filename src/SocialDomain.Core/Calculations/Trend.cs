using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>One measurement in a time series.</summary>
public readonly record struct TrendPoint(Period Period, decimal Value);

/// <summary>
/// A least-squares line through a series: value = <see cref="Intercept"/> + <see cref="SlopePerPeriod"/> × (periods since <see cref="First"/>).
/// </summary>
/// <param name="SlopePerPeriod">Change per period (per quarter for a quarterly series, per year for a yearly one).</param>
/// <param name="Intercept">Fitted value at <paramref name="First"/>.</param>
/// <param name="RSquared">Coefficient of determination as a fraction 0–1 (not a percentage); null for a constant series, where it is undefined.</param>
/// <param name="Points">Number of measurements the line was fitted on.</param>
/// <param name="First">First period of the series.</param>
/// <param name="Last">Last period of the series.</param>
public sealed record LinearTrend(
    decimal SlopePerPeriod,
    decimal Intercept,
    decimal? RSquared,
    int Points,
    Period First,
    Period Last)
{
    /// <summary>Change per year (slope × 4 for a quarterly series).</summary>
    public decimal SlopePerYear => SlopePerPeriod * First.PeriodsPerYear;

    /// <summary>The fitted (or extrapolated) value in <paramref name="period"/>, which must have the series' granularity.</summary>
    public decimal ValueAt(Period period) => Intercept + (SlopePerPeriod * First.PeriodsUntil(period));
}

/// <summary>
/// Trends over a series of periods: change against the previous period and the same period last year,
/// compound annual growth and a least-squares line. Fewer than two points is an explicit
/// <see cref="Outcome.InsufficientData"/> result. Percentages are percent values.
/// </summary>
public static class Trend
{
    internal const string TooFewPointsReason = "onvoldoende gegevens: minder dan twee metingen";

    /// <summary>
    /// Percent change of the value in <paramref name="at"/> (default: the last point) against the previous
    /// period (2020-K1 against 2019-K4). Not applicable when that period is missing.
    /// </summary>
    public static Result<decimal> ChangeAgainstPreviousPeriod(IReadOnlyList<TrendPoint> series, Period? at = null) =>
        ChangeAgainst(series, at, static p => p.Previous());

    /// <summary>Percent change of the value in <paramref name="at"/> (default: the last point) against the same quarter (or year) one year earlier.</summary>
    public static Result<decimal> ChangeAgainstSamePeriodLastYear(IReadOnlyList<TrendPoint> series, Period? at = null) =>
        ChangeAgainst(series, at, static p => p.SamePeriodLastYear());

    /// <summary>
    /// Compound annual growth from the first to the last point, over (periods between them) / (periods per year) years.
    /// Only for positive values; see <see cref="Growth.CompoundAnnual"/>.
    /// </summary>
    public static Result<decimal> CompoundAnnualGrowth(IReadOnlyList<TrendPoint> series) =>
        Prepare(series).Bind(s =>
        {
            var first = s[0];
            var last = s[^1];
            var years = (decimal)first.Period.PeriodsUntil(last.Period) / first.Period.PeriodsPerYear;
            return Growth.CompoundAnnual(first.Value, last.Value, years);
        });

    /// <summary>
    /// Ordinary least-squares line through the series, with x = periods since the first point (gaps are
    /// respected) and R². Insufficient data below two points; not applicable for a mix of years and quarters
    /// or a period that occurs twice.
    /// </summary>
    public static Result<LinearTrend> Fit(IReadOnlyList<TrendPoint> series) => Prepare(series).Bind(FitOrdered);

    /// <summary>
    /// Checks a series: at least two points, one granularity, no period twice. Returns it ordered by period
    /// (the input itself when it already is).
    /// </summary>
    internal static Result<IReadOnlyList<TrendPoint>> Prepare(IReadOnlyList<TrendPoint> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2)
        {
            return Result<IReadOnlyList<TrendPoint>>.InsufficientData(TooFewPointsReason);
        }

        var sorted = true;
        var isQuarter = series[0].Period.IsQuarter;
        for (var i = 1; i < series.Count; i++)
        {
            if (series[i].Period.IsQuarter != isQuarter)
            {
                return Result<IReadOnlyList<TrendPoint>>.NotApplicable("de reeks mengt jaren en kwartalen");
            }

            var order = series[i - 1].Period.CompareTo(series[i].Period);
            if (order == 0)
            {
                return Result<IReadOnlyList<TrendPoint>>.NotApplicable($"periode {series[i].Period} komt twee keer voor");
            }

            sorted &= order < 0;
        }

        if (sorted)
        {
            return Result<IReadOnlyList<TrendPoint>>.Ok(series);
        }

        var copy = series.ToArray();
        Array.Sort(copy, static (a, b) => a.Period.CompareTo(b.Period));
        for (var i = 1; i < copy.Length; i++)
        {
            if (copy[i - 1].Period == copy[i].Period)
            {
                return Result<IReadOnlyList<TrendPoint>>.NotApplicable($"periode {copy[i].Period} komt twee keer voor");
            }
        }

        return Result<IReadOnlyList<TrendPoint>>.Ok(copy);
    }

    // s is ordered, has at least two points and distinct periods of one granularity.
    private static Result<LinearTrend> FitOrdered(IReadOnlyList<TrendPoint> s)
    {
        var n = s.Count;
        var first = s[0].Period;
        long sumX = 0;
        long sumXx = 0;
        var sumY = 0m;
        var sumXy = 0m;
        for (var i = 0; i < n; i++)
        {
            long x = first.PeriodsUntil(s[i].Period);
            sumX += x;
            sumXx += x * x;
            sumY += s[i].Value;
            sumXy += x * s[i].Value;
        }

        // Distinct periods guarantee at least two distinct x values, so the denominator is positive.
        var denominator = ((decimal)n * sumXx) - ((decimal)sumX * sumX);
        var slope = ((n * sumXy) - (sumX * sumY)) / denominator;
        var intercept = (sumY - (slope * sumX)) / n;

        var meanY = sumY / n;
        var totalSquares = 0m;
        var residualSquares = 0m;
        for (var i = 0; i < n; i++)
        {
            var y = s[i].Value;
            var fitted = intercept + (slope * first.PeriodsUntil(s[i].Period));
            totalSquares += (y - meanY) * (y - meanY);
            residualSquares += (y - fitted) * (y - fitted);
        }

        decimal? rSquared = totalSquares == 0m
            ? null
            : Math.Clamp(1m - (residualSquares / totalSquares), 0m, 1m);

        return Result<LinearTrend>.Ok(new LinearTrend(slope, intercept, rSquared, n, first, s[^1].Period));
    }

    private static Result<decimal> ChangeAgainst(IReadOnlyList<TrendPoint> series, Period? at, Func<Period, Period> reference)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2)
        {
            return Result<decimal>.InsufficientData(TooFewPointsReason);
        }

        var current = at ?? Latest(series);
        if (!Growth.TryFind(series, current, out var currentValue))
        {
            return Result<decimal>.NotApplicable($"periode {current} ontbreekt");
        }

        var previous = reference(current);
        return Growth.TryFind(series, previous, out var previousValue)
            ? Growth.Percent(previousValue, currentValue)
            : Result<decimal>.NotApplicable($"vergelijkingsperiode {previous} ontbreekt");
    }

    private static Period Latest(IReadOnlyList<TrendPoint> series)
    {
        var latest = series[0].Period;
        for (var i = 1; i < series.Count; i++)
        {
            if (series[i].Period > latest)
            {
                latest = series[i].Period;
            }
        }

        return latest;
    }
}
