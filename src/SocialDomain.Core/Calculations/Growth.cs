using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// Growth between two values and year-to-date totals. All results are percent values (6.7m = 6,7%).
/// </summary>
public static class Growth
{
    /// <summary>
    /// Change from <paramref name="from"/> to <paramref name="to"/> as a percentage of |from|:
    /// (to − from) / |from| × 100. The sign is the direction of the change of the number itself.
    /// Not applicable when <paramref name="from"/> is 0.
    /// </summary>
    public static Result<decimal> Percent(decimal from, decimal to) =>
        from == 0m
            ? Result<decimal>.NotApplicable("geen groeipercentage: de beginwaarde is 0")
            : Result<decimal>.Ok((to - from) / Math.Abs(from) * 100m);

    /// <summary>
    /// Growth of net cost (lasten) between two saldi as printed in the benchmark tables, where a
    /// negative saldo is a net cost (−263,4 = € 263,40 net cost per inhabitant). Net cost = −saldo, so
    /// this is <see cref="Percent"/>(−from, −to): −263,4 → −281,1 is +6,7% (more net cost).
    /// Also used for "tekort begroot t.o.v. lasten jaar ervoor": from = last year's actual saldo,
    /// to = this year's budgeted saldo (−281,1 → −247,6 is −11,9%).
    /// </summary>
    public static Result<decimal> NetCostPercent(decimal fromSaldo, decimal toSaldo) => Percent(-fromSaldo, -toSaldo);

    /// <summary>
    /// Compound annual growth rate: ((to / from)^(1 / years) − 1) × 100. Only for positive quantities
    /// (pass net cost, not a negative saldo); not applicable when either value is ≤ 0 or years ≤ 0.
    /// Computed in double precision (a power with a fractional exponent) and returned as decimal.
    /// </summary>
    public static Result<decimal> CompoundAnnual(decimal from, decimal to, decimal years)
    {
        if (years <= 0m)
        {
            return Result<decimal>.NotApplicable("geen jaarlijkse groei: de periode is niet langer dan 0 jaar");
        }

        if (from <= 0m || to <= 0m)
        {
            return Result<decimal>.NotApplicable("geen jaarlijkse groei: begin- en eindwaarde moeten groter dan 0 zijn");
        }

        var rate = Math.Pow((double)(to / from), 1d / (double)years) - 1d;
        return Result<decimal>.Ok(Math.Round((decimal)rate * 100m, 10, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// Year-to-date total: the sum of quarters K1 up to and including <paramref name="upTo"/> of that year.
    /// Not applicable when a quarter is missing (named in the reason) or <paramref name="upTo"/> is not a quarter.
    /// </summary>
    public static Result<decimal> YearToDateTotal(IReadOnlyList<TrendPoint> quarterly, Period upTo)
    {
        ArgumentNullException.ThrowIfNull(quarterly);
        if (!upTo.IsQuarter)
        {
            return Result<decimal>.NotApplicable("year-to-date vraagt om een kwartaal");
        }

        var total = 0m;
        List<Period>? missing = null;
        foreach (var quarter in upTo.YearToDate())
        {
            if (TryFind(quarterly, quarter, out var value))
            {
                total += value;
            }
            else
            {
                (missing ??= []).Add(quarter);
            }
        }

        return missing is null
            ? Result<decimal>.Ok(total)
            : Result<decimal>.NotApplicable("ontbrekende kwartalen: " + string.Join(", ", missing));
    }

    /// <summary>
    /// Year-to-date growth: <see cref="Percent"/> from the year-to-date total of the same quarters last year
    /// to this year's year-to-date total up to <paramref name="upTo"/>.
    /// </summary>
    public static Result<decimal> YearToDateChange(IReadOnlyList<TrendPoint> quarterly, Period upTo)
    {
        var current = YearToDateTotal(quarterly, upTo);
        if (!current.IsOk)
        {
            return current;
        }

        var previous = YearToDateTotal(quarterly, upTo.SamePeriodLastYear());
        return previous.IsOk ? Percent(previous.Value, current.Value) : previous;
    }

    internal static bool TryFind(IReadOnlyList<TrendPoint> series, Period period, out decimal value)
    {
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i].Period == period)
            {
                value = series[i].Value;
                return true;
            }
        }

        value = 0m;
        return false;
    }
}
