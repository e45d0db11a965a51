namespace SocialDomain.Core.Calculations;

/// <summary>A stated (printed or imported) aggregate compared with the recomputed one.</summary>
/// <param name="Stated">The figure as stated in the source.</param>
/// <param name="Recomputed">The figure recomputed from its parts; null when it cannot be recomputed.</param>
/// <param name="Difference">Stated − recomputed; null when there is no recomputed figure.</param>
/// <param name="Tolerance">Largest |difference| that still counts as consistent (inclusive).</param>
/// <param name="IsConsistent">|Difference| ≤ tolerance; null when it could not be checked.</param>
/// <param name="Message">Dutch message for the importer log and the page.</param>
public sealed record AggregateCheck(
    decimal Stated,
    decimal? Recomputed,
    decimal? Difference,
    decimal Tolerance,
    bool? IsConsistent,
    string Message);

/// <summary>
/// Data-quality checks: does a stated aggregate match the recomputed one? Used by the importer and shown on pages.
/// </summary>
public static class DataQuality
{
    /// <summary>Default tolerance: ±0,1, the rounding margin of figures printed with one decimal.</summary>
    public const decimal DefaultTolerance = 0.1m;

    /// <summary>Compares a stated figure with a recomputed one: difference = stated − recomputed.</summary>
    public static AggregateCheck CompareStated(decimal stated, decimal recomputed, decimal tolerance = DefaultTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var difference = stated - recomputed;
        var consistent = Math.Abs(difference) <= tolerance;
        var message = consistent
            ? $"klopt: vermeld {Show(stated)}, herberekend {Show(recomputed)}"
            : $"wijkt af: vermeld {Show(stated)}, herberekend {Show(recomputed)}, verschil {Show(difference)}";
        return new AggregateCheck(stated, recomputed, difference, tolerance, consistent, message);
    }

    /// <summary>
    /// Compares a stated average (for example "Gemiddelde van G40 gemeenten") with the unweighted mean of the
    /// members that have a value (see <see cref="Benchmark.Average"/>). The message names n and the missing members.
    /// </summary>
    public static AggregateCheck CompareStatedAverage(decimal stated, IReadOnlyList<MunicipalityValue> members, decimal tolerance = DefaultTolerance)
    {
        var average = Benchmark.Average(members);
        if (average.Mean is not { } mean)
        {
            return new AggregateCheck(stated, null, null, tolerance, null, $"niet te controleren: vermeld {Show(stated)}, {average.Reason}");
        }

        var check = CompareStated(stated, mean, tolerance);
        var detail = average.Missing.Count == 0
            ? $" (n = {average.N})"
            : $" (n = {average.N}; ontbreekt: {string.Join(", ", average.Missing)})";
        return check with { Message = check.Message + detail };
    }

    /// <summary>
    /// "Totaal = som van de delen" within ±<paramref name="tolerance"/> (default 0,1). A missing part makes the
    /// check not applicable (IsConsistent null) rather than counting it as 0.
    /// </summary>
    public static AggregateCheck TotalEqualsSumOfParts(decimal total, IReadOnlyList<decimal?> parts, decimal tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = 0m;
        var missing = 0;
        foreach (var part in parts)
        {
            if (part is { } p)
            {
                sum += p;
            }
            else
            {
                missing++;
            }
        }

        if (parts.Count == 0 || missing > 0)
        {
            var why = parts.Count == 0 ? "geen delen" : $"{missing} van de {parts.Count} delen {(missing == 1 ? "ontbreekt" : "ontbreken")}";
            return new AggregateCheck(total, null, null, tolerance, null, $"niet te controleren: totaal {Show(total)}, {why}");
        }

        return CompareStated(total, sum, tolerance);
    }

    // Up to two decimals, trailing zeros dropped: −287,502564 → "-287,5", 7,202564 → "7,2".
    private static string Show(decimal value) => DutchFormat.Compact(value, 2);
}
