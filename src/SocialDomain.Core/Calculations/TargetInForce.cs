using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>A target version as far as time goes: its number and the period from which it applies ("geldig vanaf").</summary>
public sealed record TargetValidity(int Version, Period ValidFrom);

/// <summary>
/// Which target version is in force in a quarter (docs/time-model.md). A version applies from the first quarter of its
/// "geldig vanaf" period (a year counts from its first quarter) until a later-recorded version takes over: in a quarter
/// the version in force is the highest version whose start lies at or before that quarter. A newer decision therefore
/// replaces older ones from its own start onward, also when it is made retroactively, and never changes the quarters
/// before its start. Before the first start no target is in force.
/// </summary>
public static class TargetInForce
{
    /// <summary>The first quarter a "geldig vanaf" period covers: a quarter itself, a year its first quarter.</summary>
    public static Period StartQuarter(Period validFrom) => validFrom.IsQuarter ? validFrom : Period.OfQuarter(validFrom.Year, 1);

    /// <summary>The version in force in <paramref name="quarter"/>; null when none applies yet (or there are none).</summary>
    public static T? At<T>(IEnumerable<T> versions, Func<T, TargetValidity> validity, Period quarter)
        where T : class
    {
        var ordinal = QuarterOrdinal.Of(QuarterOrdinal.EndQuarter(quarter));
        T? inForce = null;
        var best = int.MinValue;
        foreach (var version in versions)
        {
            var v = validity(version);
            if (QuarterOrdinal.Of(StartQuarter(v.ValidFrom)) <= ordinal && v.Version > best)
            {
                best = v.Version;
                inForce = version;
            }
        }

        return inForce;
    }

    /// <summary>
    /// The versions in force over a range of quarters, as steps: each entry is the first quarter of a stretch and the
    /// version in force from then on (null: none). Consecutive quarters with the same version make one step.
    /// </summary>
    public static IReadOnlyList<(Period From, TargetValidity? Version)> Steps(IReadOnlyList<TargetValidity> versions, Period firstQuarter, Period lastQuarter)
    {
        var steps = new List<(Period, TargetValidity?)>();
        var last = QuarterOrdinal.EndQuarter(lastQuarter);
        int? previous = -1;
        for (var q = StartQuarter(firstQuarter); QuarterOrdinal.Of(q) <= QuarterOrdinal.Of(last); q = q.Next())
        {
            var inForce = At(versions, v => v, q);
            if (inForce?.Version != previous)
            {
                steps.Add((q, inForce));
                previous = inForce?.Version;
            }
        }

        return steps;
    }
}
