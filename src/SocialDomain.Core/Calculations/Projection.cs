using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>The plain verdict of a projection.</summary>
public enum ProjectionVerdict
{
    /// <summary>Fewer than two measurements: no trend, no projection.</summary>
    InsufficientData,

    /// <summary>No projection possible (deadline not after the last measurement, mixed granularities, ...).</summary>
    NotApplicable,

    /// <summary>The last measurement already meets the target and the trend still meets it at the deadline.</summary>
    AlreadyMet,

    /// <summary>The trend reaches the target in <see cref="ProjectionResult.MetIn"/>, at or before the deadline.</summary>
    MetBeforeDeadline,

    /// <summary>The trend does not meet the target at the deadline.</summary>
    NotMetBeforeDeadline,
}

/// <summary>A trend projected to a target's deadline.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Deadline">The target's deadline.</param>
/// <param name="MetIn">First period after the last measurement in which the trend meets the target; only for <see cref="ProjectionVerdict.MetBeforeDeadline"/>.</param>
/// <param name="ExpectedAtDeadline">The trend's value at the deadline; null without a trend.</param>
/// <param name="Trend">The fitted line; null without one.</param>
/// <param name="Text">The verdict in plain Dutch, for example "haalt de streefwaarde in 2021-K2 bij huidige trend".</param>
public sealed record ProjectionResult(
    ProjectionVerdict Verdict,
    Period Deadline,
    Period? MetIn,
    decimal? ExpectedAtDeadline,
    LinearTrend? Trend,
    string Text);

/// <summary>Projection of the least-squares trend to a target's deadline.</summary>
public static class Projection
{
    // Projected values are compared with the target after rounding to this many decimals, so that
    // 84,99999999999999999999 (a rounding artefact of an exact line) counts as reaching 85.
    private const int ComparisonDecimals = 10;

    /// <summary>
    /// Fits the least-squares line through <paramref name="series"/> and extrapolates it period by period
    /// up to <paramref name="deadline"/> (same granularity as the series). The verdict says whether, and in
    /// which period, the trend meets <paramref name="target"/>; <paramref name="unit"/> is used for the text.
    /// </summary>
    public static ProjectionResult ToDeadline(
        IReadOnlyList<TrendPoint> series,
        KpiTarget target,
        Period deadline,
        KpiUnit unit = KpiUnit.Percent)
    {
        ArgumentNullException.ThrowIfNull(series);
        var fit = Trend.Fit(series);
        if (!fit.TryGetValue(out var line))
        {
            return fit.Outcome == Outcome.InsufficientData
                ? new ProjectionResult(ProjectionVerdict.InsufficientData, deadline, null, null, null, "onvoldoende gegevens voor een trend (minder dan twee metingen)")
                : new ProjectionResult(ProjectionVerdict.NotApplicable, deadline, null, null, null, "geen trend: " + fit.Reason);
        }

        if (!line.Last.HasSameGranularity(deadline))
        {
            return new ProjectionResult(ProjectionVerdict.NotApplicable, deadline, null, null, line, "geen projectie: de deadline en de metingen hebben een andere periode-indeling");
        }

        if (deadline <= line.Last)
        {
            return new ProjectionResult(ProjectionVerdict.NotApplicable, deadline, null, null, line, $"geen projectie: de deadline {deadline} ligt niet na de laatste meting ({line.Last})");
        }

        var expected = Rounded(line.ValueAt(deadline));
        var expectedText = DutchFormat.Value(expected, unit);
        if (!target.IsMetBy(expected))
        {
            return new ProjectionResult(ProjectionVerdict.NotMetBeforeDeadline, deadline, null, expected, line, $"haalt de streefwaarde niet vóór de deadline; verwacht {expectedText}");
        }

        Growth.TryFind(series, line.Last, out var lastValue);
        if (target.IsMetBy(lastValue))
        {
            return new ProjectionResult(ProjectionVerdict.AlreadyMet, deadline, null, expected, line, $"haalt de streefwaarde al; bij huidige trend verwacht {expectedText} in {deadline}");
        }

        var period = line.Last.Next();
        while (!target.IsMetBy(Rounded(line.ValueAt(period))))
        {
            period = period.Next(); // terminates: the target is met at the deadline
        }

        return new ProjectionResult(ProjectionVerdict.MetBeforeDeadline, deadline, period, expected, line, $"haalt de streefwaarde in {period} bij huidige trend");
    }

    private static decimal Rounded(decimal value) => Math.Round(value, ComparisonDecimals, MidpointRounding.AwayFromZero);
}
