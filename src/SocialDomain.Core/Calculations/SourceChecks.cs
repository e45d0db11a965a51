namespace SocialDomain.Core.Calculations;

/// <summary>What a check of a printed figure against the figures it summarises found (docs/data-sources/checks.md).</summary>
public enum CheckOutcome
{
    /// <summary>The printed figure lies within what the rounding of it and of its inputs allows: no finding.</summary>
    Consistent,

    /// <summary>The printed figure is explained only by rounding (e.g. printed with fewer decimals than its table, or a
    /// count that is whole only when the printed percentage is read as rounded). A finding, labelled "alleen afronding".</summary>
    RoundingOnly,

    /// <summary>The printed figure lies outside what rounding allows: a real difference.</summary>
    Deviation,

    /// <summary>A figure the check needs is missing (or a division by zero): "niet na te rekenen".</summary>
    NotVerifiable,
}

/// <summary>A closed interval [Low, High].</summary>
public readonly record struct Interval(decimal Low, decimal High)
{
    public static Interval Around(decimal value, decimal halfWidth) => new(value - halfWidth, value + halfWidth);

    /// <summary>The smallest interval holding every value.</summary>
    public static Interval Spanning(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return new(list.Min(), list.Max());
    }

    public bool Contains(decimal value) => value >= Low && value <= High;

    public Interval Widen(decimal by) => new(Low - by, High + by);

    /// <summary>Distance from the value to the interval (0 inside it).</summary>
    public decimal DistanceTo(decimal value) => value < Low ? Low - value : value > High ? value - High : 0m;
}

/// <summary>The result of one check.</summary>
/// <param name="Stated">The printed figure (in the same unit as <paramref name="Recomputed"/>).</param>
/// <param name="Recomputed">The figure recomputed from its inputs at face value; null when it could not be computed.</param>
/// <param name="Allowed">The values the printed figure may take given the rounding of it and its inputs.</param>
/// <param name="Message">Dutch, for the finding.</param>
public sealed record SourceCheckResult(CheckOutcome Outcome, decimal? Stated, decimal? Recomputed, Interval? Allowed, string Message)
{
    /// <summary>Everything but <see cref="CheckOutcome.Consistent"/> is stored as a finding.</summary>
    public bool IsFinding => Outcome != CheckOutcome.Consistent;

    public decimal? Difference => Stated is { } s && Recomputed is { } r ? s - r : null;

    public static SourceCheckResult Missing(string what) => new(CheckOutcome.NotVerifiable, null, null, null, $"niet na te rekenen: {what}");
}

/// <summary>A pair in an "all above" statement: <paramref name="Value"/> should be above <paramref name="Reference"/>.</summary>
public sealed record ComparedPair(string Label, decimal? Value, decimal? Reference);

/// <summary>
/// Pure checks of printed figures against the figures they summarise (docs/data-sources/checks.md has a worked example
/// for each). Every check compares with an INTERVAL: a printed figure with d decimals stands for anything within half a
/// unit of its last digit, and its inputs are rounded as well, so the recomputed value is a range, not a point.
/// </summary>
public static class SourceChecks
{
    /// <summary>Half a unit of the last printed digit times the unit the figure is printed in: 6,7 → 0,05; 4,50 → 0,005;
    /// 8,2 (mln, unit 1.000.000) → 50.000; 25.000 → 0,5.</summary>
    public static decimal HalfUnit(decimal printed, decimal unit = 1m)
    {
        var scale = (decimal.GetBits(printed)[3] >> 16) & 0xFF;
        var half = 0.5m;
        for (var i = 0; i < scale; i++)
        {
            half /= 10m;
        }

        return half * unit;
    }

    /// <summary>
    /// The range of the change percentage (to − from) / |from| × 100 when <paramref name="from"/> and
    /// <paramref name="to"/> may each lie anywhere within ±<paramref name="inputHalfUnit"/>. The percentage is monotone
    /// in each input as long as "from" keeps its sign, so the extremes are at the four corners. Null when "from" may be 0.
    /// </summary>
    public static Interval? ChangePercentRange(decimal from, decimal to, decimal inputHalfUnit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputHalfUnit);
        if (Interval.Around(from, inputHalfUnit).Contains(0m))
        {
            return null;
        }

        return Interval.Spanning(
            from f in new[] { @from - inputHalfUnit, @from + inputHalfUnit }
            from t in new[] { to - inputHalfUnit, to + inputHalfUnit }
            select (t - f) / Math.Abs(f) * 100m);
    }

    /// <summary>
    /// A printed change percentage against the two figures it summarises. Consistent when the printed value lies in the
    /// range of <see cref="ChangePercentRange"/> widened by its own half unit (<paramref name="statedHalfUnit"/>).
    /// With <paramref name="tableHalfUnit"/> (the precision of the other percentages of the same table, smaller than the
    /// printed one) a value that fits only at its own coarser precision is <see cref="CheckOutcome.RoundingOnly"/>.
    /// </summary>
    public static SourceCheckResult ChangePercent(
        decimal stated, decimal statedHalfUnit, decimal from, decimal to, decimal inputHalfUnit, decimal? tableHalfUnit = null)
    {
        if (ChangePercentRange(from, to, inputHalfUnit) is not { } range)
        {
            return SourceCheckResult.Missing($"de beginwaarde {Show(from)} kan 0 zijn");
        }

        var face = (to - from) / Math.Abs(from) * 100m;
        var allowed = range.Widen(statedHalfUnit);
        var detail = $"vermeld {Show(stated)}%, herberekend {Show(face)}% ({Show(from)} → {Show(to)}; binnen de afronding {Show(allowed.Low)} tot {Show(allowed.High)}%)";
        if (!allowed.Contains(stated))
        {
            return new(CheckOutcome.Deviation, stated, face, allowed, "wijkt af: " + detail);
        }

        if (tableHalfUnit is { } table && table < statedHalfUnit && !range.Widen(table).Contains(stated))
        {
            return new(CheckOutcome.RoundingOnly, stated, face, allowed,
                $"alleen afronding: {detail}; met de precisie van de rest van de tabel zou het {Show(DutchFormat.Round(face, Decimals(table)))}% zijn");
        }

        return new(CheckOutcome.Consistent, stated, face, allowed, "klopt: " + detail);
    }

    /// <summary>
    /// A printed total against the sum of its parts. Allowed: the sum ± (the total's half unit + each part's half unit).
    /// A missing part makes it <see cref="CheckOutcome.NotVerifiable"/>, never counted as 0.
    /// </summary>
    public static SourceCheckResult Sum(decimal stated, decimal statedHalfUnit, IReadOnlyList<decimal?> parts, decimal partHalfUnit = 0m)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var missing = parts.Count(p => p is null);
        if (parts.Count == 0 || missing > 0)
        {
            return SourceCheckResult.Missing(parts.Count == 0 ? "geen delen" : $"{missing} van de {parts.Count} delen {(missing == 1 ? "ontbreekt" : "ontbreken")}");
        }

        var sum = parts.Sum(p => p!.Value);
        var allowed = Interval.Around(sum, statedHalfUnit + (parts.Count * partHalfUnit));
        return Outcome(stated, sum, allowed, $"totaal {Show(stated)}, som van {parts.Count} delen {Show(sum)}");
    }

    /// <summary>
    /// A printed ratio (cost per client, share of clients, per 10.000 inhabitants) against numerator / denominator ×
    /// <paramref name="factor"/>, with each input within ±<paramref name="inputHalfUnit"/>, widened by the printed value's
    /// half unit and, for a statement with "circa", by <paramref name="circaPercent"/> % of the printed value.
    /// </summary>
    public static SourceCheckResult Ratio(
        decimal stated, decimal statedHalfUnit, decimal? numerator, decimal? denominator, decimal factor = 1m, decimal inputHalfUnit = 0m, decimal circaPercent = 0m)
    {
        if (numerator is not { } n || denominator is not { } d)
        {
            return SourceCheckResult.Missing("teller of noemer ontbreekt");
        }

        if (Interval.Around(d, inputHalfUnit).Contains(0m))
        {
            return SourceCheckResult.Missing("de noemer kan 0 zijn");
        }

        var face = n / d * factor;
        var range = Interval.Spanning(
            from x in new[] { n - inputHalfUnit, n + inputHalfUnit }
            from y in new[] { d - inputHalfUnit, d + inputHalfUnit }
            select x / y * factor);
        var allowed = range.Widen(statedHalfUnit + (Math.Abs(stated) * circaPercent / 100m));
        var circa = circaPercent > 0m ? $" (circa: ±{Show(circaPercent)}%)" : string.Empty;
        return Outcome(stated, face, allowed, $"vermeld {Show(stated)}{circa}, herberekend {Show(n)} / {Show(d)}{(factor == 1m ? string.Empty : " × " + Show(factor))} = {Show(face)}");
    }

    /// <summary>The same quantity printed in two places: the printed value against the other (± both half units).</summary>
    public static SourceCheckResult SameValue(decimal stated, decimal statedHalfUnit, decimal? other, decimal otherHalfUnit = 0m)
    {
        if (other is not { } o)
        {
            return SourceCheckResult.Missing("het andere cijfer ontbreekt");
        }

        return Outcome(stated, o, Interval.Around(o, statedHalfUnit + otherHalfUnit), $"vermeld {Show(stated)}, elders {Show(o)}");
    }

    /// <summary>
    /// A statement about all items of a table ("op alle percelen hoger", "minder dan gemiddeld"): every pair's value must
    /// be above (or, with <paramref name="above"/> false, below) its reference. The message names the pairs that are not.
    /// </summary>
    public static SourceCheckResult AllAbove(IReadOnlyList<ComparedPair> pairs, bool above = true)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var missing = pairs.Where(p => p.Value is null || p.Reference is null).Select(p => p.Label).ToList();
        if (pairs.Count == 0 || missing.Count > 0)
        {
            return SourceCheckResult.Missing(pairs.Count == 0 ? "geen cijfers" : $"geen cijfer voor {string.Join(", ", missing)}");
        }

        var word = above ? "hoger" : "lager";
        var wrong = pairs.Where(p => above ? p.Value <= p.Reference : p.Value >= p.Reference).ToList();
        var count = pairs.Count - wrong.Count;
        if (wrong.Count == 0)
        {
            return new(CheckOutcome.Consistent, pairs.Count, count, null, $"klopt: {count} van de {pairs.Count} {word}");
        }

        var list = string.Join("; ", wrong.Select(p => $"{p.Label}: {Show(p.Value!.Value)} tegen {Show(p.Reference!.Value)}"));
        return new(CheckOutcome.Deviation, pairs.Count, count, null, $"wijkt af: {count} van de {pairs.Count} {word}; niet {word}: {list}");
    }

    /// <summary>
    /// "<paramref name="percent"/> % more (<paramref name="result"/>)": the base result / (1 + p/100) must be a whole
    /// count. Consistent when it is; <see cref="CheckOutcome.RoundingOnly"/> when a whole base exists only for a
    /// percentage within its half unit; a deviation when none does.
    /// </summary>
    public static SourceCheckResult WholeBase(decimal result, decimal percent, decimal percentHalfUnit)
    {
        var face = result / (1m + (percent / 100m));
        var allowed = Interval.Spanning([result / (1m + ((percent - percentHalfUnit) / 100m)), result / (1m + ((percent + percentHalfUnit) / 100m))]);
        var detail = $"{Show(result)} is {Show(percent)}% meer dan {Show(face)}";
        if (face == decimal.Truncate(face))
        {
            return new(CheckOutcome.Consistent, result, face, allowed, "klopt: " + detail);
        }

        var wholes = Enumerable.Range((int)Math.Ceiling(allowed.Low), Math.Max(0, (int)Math.Floor(allowed.High) - (int)Math.Ceiling(allowed.Low) + 1)).ToList();
        return wholes.Count > 0
            ? new(CheckOutcome.RoundingOnly, result, face, allowed,
                $"alleen afronding: {detail}, geen heel aantal; met {Show(percent)}% als afgerond getal past een basis van {string.Join(" of ", wholes)}")
            : new(CheckOutcome.Deviation, result, face, allowed, $"wijkt af: {detail}, en geen heel aantal past binnen de afronding van {Show(percent)}%");
    }

    /// <summary>Minimum distance (€ per inhabitant) before a benchmark row counts as swapped or far outside its own years.</summary>
    public const decimal PlausibilityFloor = 20m;

    /// <summary>How much closer a swap must bring both values to their own medians (factor).</summary>
    public const decimal SwapFactor = 4m;

    /// <summary>
    /// Two task fields of one column look swapped when exchanging them brings both much closer to the median of the
    /// municipality's own other columns: distance now &gt; <see cref="PlausibilityFloor"/> and
    /// <see cref="SwapFactor"/> × distance after the swap &lt; distance now.
    /// </summary>
    public static bool LooksSwapped(decimal a, decimal b, decimal medianA, decimal medianB)
    {
        var now = Math.Abs(a - medianA) + Math.Abs(b - medianB);
        var swapped = Math.Abs(b - medianA) + Math.Abs(a - medianB);
        return now > PlausibilityFloor && SwapFactor * swapped < now;
    }

    /// <summary>
    /// A value far outside the municipality's own other columns (at least three): |value − their median| &gt;
    /// max(€ 100, 3 × |median|). Null when there are fewer than three other values.
    /// </summary>
    public static bool? IsFarOutsideOwnYears(decimal value, IReadOnlyList<decimal> otherYears)
    {
        ArgumentNullException.ThrowIfNull(otherYears);
        if (otherYears.Count < 3)
        {
            return null;
        }

        var median = Median(otherYears);
        return Math.Abs(value - median) > Math.Max(100m, 3m * Math.Abs(median));
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    private static SourceCheckResult Outcome(decimal stated, decimal recomputed, Interval allowed, string detail) =>
        allowed.Contains(stated)
            ? new(CheckOutcome.Consistent, stated, recomputed, allowed, "klopt: " + detail)
            : new(CheckOutcome.Deviation, stated, recomputed, allowed, $"wijkt af: {detail}, verschil {Show(stated - recomputed)}");

    private static int Decimals(decimal halfUnit)
    {
        var decimals = 0;
        for (var unit = 0.5m; unit > halfUnit && decimals < 10; unit /= 10m)
        {
            decimals++;
        }

        return decimals;
    }

    // Up to two decimals, trailing zeros dropped, nl-NL: 6047,3 → "6.047,3".
    private static string Show(decimal value) => DutchFormat.Round(value, 2).ToString("#,##0.##", DutchFormat.Culture);
}
