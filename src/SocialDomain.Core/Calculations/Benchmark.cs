namespace SocialDomain.Core.Calculations;

/// <summary>
/// A municipality's published value in a benchmark column. <see cref="Value"/> is null when the source
/// has no value ("-" in the tables). Benchmark values are saldi per inhabitant as printed: a negative
/// saldo is a net cost (−184,3 = € 184,30 net cost per inhabitant).
/// </summary>
public readonly record struct MunicipalityValue(string Municipality, decimal? Value);

/// <summary>
/// An average recomputed from the members: the unweighted mean of the members that have a value.
/// </summary>
/// <param name="Mean">The mean; null when no member has a value.</param>
/// <param name="N">Number of members with a value (the divisor).</param>
/// <param name="Members">Number of members passed in, with or without a value.</param>
/// <param name="Missing">Members without a value, in input order.</param>
/// <param name="Min">Smallest value; null when none.</param>
/// <param name="Max">Largest value; null when none.</param>
public sealed record RecomputedAverage(
    decimal? Mean,
    int N,
    int Members,
    IReadOnlyList<string> Missing,
    decimal? Min,
    decimal? Max)
{
    /// <summary>Dutch reason when there is no mean.</summary>
    public string? Reason => Mean is null ? "geen gemiddelde: geen enkele gemeente heeft een waarde" : null;
}

/// <summary>
/// The order of a ranking of saldi. Because a negative saldo is a net cost, "lowest net cost first"
/// puts the highest saldo first: −184,3 (€ 184,30 net cost) before −263,4. For the usual all-negative
/// columns that is the value closest to zero; a positive saldo (net income) comes before any net cost.
/// </summary>
public enum RankOrder
{
    /// <summary>Cheapest first: highest saldo first. Rank 1 = lowest net cost per inhabitant.</summary>
    LowestNetCostFirst,

    /// <summary>Most expensive first: lowest (most negative) saldo first.</summary>
    HighestNetCostFirst,
}

/// <summary>One municipality's place in a <see cref="Ranking"/>.</summary>
/// <param name="Municipality">Name.</param>
/// <param name="Value">The saldo it was ranked on.</param>
/// <param name="Position">1..N, unique (ties broken by name, ordinal): always a permutation of 1..N.</param>
/// <param name="Rank">Competition rank ("1224"): equal values share the best position of their group.</param>
/// <param name="Percentile">Percentage (0–100) of the other ranked municipalities that come strictly after it in the order
/// (for <see cref="RankOrder.LowestNetCostFirst"/>: that have a higher net cost). 100 = first, 0 = last; null when N = 1.</param>
public sealed record RankedMunicipality(
    string Municipality,
    decimal Value,
    int Position,
    int Rank,
    decimal? Percentile);

/// <summary>A ranking among the municipalities that have a value.</summary>
/// <param name="Order">The order used.</param>
/// <param name="Ranked">Ranked municipalities, in position order.</param>
/// <param name="Missing">Municipalities without a value: not ranked.</param>
public sealed record Ranking(
    RankOrder Order,
    IReadOnlyList<RankedMunicipality> Ranked,
    IReadOnlyList<string> Missing)
{
    /// <summary>Number of ranked municipalities.</summary>
    public int N => Ranked.Count;

    /// <summary>The entry for <paramref name="municipality"/> (ordinal, case-insensitive); null when not ranked.</summary>
    public RankedMunicipality? Find(string municipality)
    {
        foreach (var r in Ranked)
        {
            if (string.Equals(r.Municipality, municipality, StringComparison.OrdinalIgnoreCase))
            {
                return r;
            }
        }

        return null;
    }
}

/// <summary>
/// A municipality's saldo against a reference saldo (G40 average, size class, Nederland), expressed in
/// net cost (= −saldo) so that both numbers have the same sign: negative = cheaper than the reference.
/// </summary>
/// <param name="Saldo">The municipality's saldo.</param>
/// <param name="ReferenceSaldo">The reference saldo.</param>
/// <param name="NetCostDifference">Net cost − reference net cost = ReferenceSaldo − Saldo (−89,7: € 89,70 per inhabitant cheaper).</param>
/// <param name="NetCostPercent">NetCostDifference as a percentage of |reference net cost|; null when the reference is 0.</param>
/// <param name="Reason">Dutch reason why there is no percentage.</param>
public sealed record BenchmarkDeviation(
    decimal Saldo,
    decimal ReferenceSaldo,
    decimal NetCostDifference,
    decimal? NetCostPercent,
    string? Reason)
{
    /// <summary>
    /// Dutch description, for example "€ 89,70 per inwoner (31,9%) minder netto lasten dan het G40-gemiddelde".
    /// </summary>
    public string Describe(string referenceName)
    {
        if (NetCostDifference == 0m)
        {
            return $"gelijke netto lasten als {referenceName}";
        }

        var percent = NetCostPercent is { } p ? $" ({DutchFormat.Percent(Math.Abs(p))})" : string.Empty;
        var side = NetCostDifference < 0m ? "minder" : "meer";
        return $"{DutchFormat.Euro(Math.Abs(NetCostDifference), 2)} per inwoner{percent} {side} netto lasten dan {referenceName}";
    }
}

/// <summary>Deviations of one municipality from the published references; a reference that is not given is null.</summary>
public sealed record ReferenceComparison(
    BenchmarkDeviation? G40Average,
    BenchmarkDeviation? SizeClass,
    BenchmarkDeviation? Netherlands);

/// <summary>A municipality with its published characteristics (a missing characteristic is simply absent).</summary>
public sealed record MunicipalityProfile(string Municipality, IReadOnlyDictionary<string, decimal> Characteristics);

/// <summary>A characteristic used to find comparable municipalities, with its weight (≥ 0) in the distance.</summary>
public sealed record CharacteristicWeight(string Characteristic, decimal Weight);

/// <summary>How a characteristic was standardised, returned so the page can show the user what "zoals wij" means.</summary>
/// <param name="Characteristic">Name.</param>
/// <param name="Weight">Weight in the distance.</param>
/// <param name="Mean">Mean over the compared municipalities.</param>
/// <param name="StandardDeviation">Population standard deviation over the compared municipalities; 0 makes every z-score 0.</param>
/// <param name="N">Number of municipalities it was computed over.</param>
public sealed record CharacteristicScale(
    string Characteristic,
    decimal Weight,
    decimal Mean,
    decimal StandardDeviation,
    int N);

/// <summary>A comparable municipality: its distance and its z-scores.</summary>
public sealed record Peer(string Municipality, decimal Distance, IReadOnlyDictionary<string, decimal> ZScores);

/// <summary>The "gemeenten zoals wij" for one municipality.</summary>
/// <param name="Municipality">The municipality the peers are for.</param>
/// <param name="Characteristics">The characteristics and weights used, with their mean and standard deviation.</param>
/// <param name="ZScores">The municipality's own z-scores; empty when it could not be compared.</param>
/// <param name="Peers">The k closest municipalities, closest first (ties by name).</param>
/// <param name="Excluded">Municipalities left out because they miss a weighted characteristic.</param>
/// <param name="Reason">Dutch reason when no peers could be determined.</param>
public sealed record PeerSelection(
    string Municipality,
    IReadOnlyList<CharacteristicScale> Characteristics,
    IReadOnlyDictionary<string, decimal> ZScores,
    IReadOnlyList<Peer> Peers,
    IReadOnlyList<string> Excluded,
    string? Reason);

/// <summary>
/// The statistics of one benchmark column (domain or task field × year × stage) over the G40 members: the recomputed
/// average and the ranking. Computed once by <see cref="Benchmark.Column"/>; the benchmark page, its exports and the
/// bulk benchmark dataset all use it.
/// </summary>
/// <param name="Average">Unweighted mean of the members with a value.</param>
/// <param name="Ranking">Ranking of the members with a value, lowest net cost first.</param>
public sealed record ColumnStatistics(RecomputedAverage Average, Ranking Ranking)
{
    /// <summary>A saldo against the recomputed average; null when the saldo or the average is missing.</summary>
    public BenchmarkDeviation? DeviationOf(decimal? saldo) =>
        saldo is { } s && Average.Mean is { } mean ? Benchmark.DeviationFrom(s, mean) : null;
}

/// <summary>
/// Benchmarks: values per inhabitant, recomputed averages, deviations from references, rank and percentile,
/// and comparable municipalities ("gemeenten zoals wij").
/// </summary>
public static class Benchmark
{
    /// <summary>Amount per inhabitant; not applicable without inhabitants.</summary>
    public static Result<decimal> PerInhabitant(decimal amount, int inhabitants) =>
        inhabitants <= 0
            ? Result<decimal>.NotApplicable("geen bedrag per inwoner: aantal inwoners is 0 of onbekend")
            : Result<decimal>.Ok(amount / inhabitants);

    /// <summary>
    /// Recomputes an average (for example "Gemiddelde van G40 gemeenten") as the unweighted mean of the
    /// members that have a value, with n and the missing members. A missing value is left out, never counted as 0.
    /// </summary>
    public static RecomputedAverage Average(IReadOnlyList<MunicipalityValue> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var sum = 0m;
        var n = 0;
        decimal min = 0m, max = 0m;
        List<string>? missing = null;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Value is not { } v)
            {
                (missing ??= []).Add(members[i].Municipality);
                continue;
            }

            if (n == 0 || v < min)
            {
                min = v;
            }

            if (n == 0 || v > max)
            {
                max = v;
            }

            sum += v;
            n++;
        }

        IReadOnlyList<string> missingList = missing ?? (IReadOnlyList<string>)[];
        return n == 0
            ? new RecomputedAverage(null, 0, members.Count, missingList, null, null)
            : new RecomputedAverage(sum / n, n, members.Count, missingList, min, max);
    }

    /// <summary>
    /// The G40 column statistics: the recomputed average (<see cref="Average"/>) and the ranking (<see cref="Rank"/>,
    /// lowest net cost first) of the same members. A missing value is left out of both, never counted as 0.
    /// </summary>
    public static ColumnStatistics Column(IReadOnlyList<MunicipalityValue> members) => new(Average(members), Rank(members));

    /// <summary>
    /// A saldo against a reference saldo, in net cost: difference = reference − saldo (negative = cheaper),
    /// percent = difference / |reference| × 100 (null when the reference is 0).
    /// </summary>
    public static BenchmarkDeviation DeviationFrom(decimal saldo, decimal referenceSaldo)
    {
        var difference = referenceSaldo - saldo;
        return referenceSaldo == 0m
            ? new BenchmarkDeviation(saldo, referenceSaldo, difference, null, "geen percentage: de referentiewaarde is 0")
            : new BenchmarkDeviation(saldo, referenceSaldo, difference, difference / Math.Abs(referenceSaldo) * 100m, null);
    }

    /// <summary>A saldo against the G40 average, the size class and Nederland; a reference that is null gives null.</summary>
    public static ReferenceComparison Compare(decimal saldo, decimal? g40Average, decimal? sizeClassAverage, decimal? netherlands) =>
        new(
            g40Average is { } g ? DeviationFrom(saldo, g) : null,
            sizeClassAverage is { } s ? DeviationFrom(saldo, s) : null,
            netherlands is { } nl ? DeviationFrom(saldo, nl) : null);

    /// <summary>
    /// Ranks the municipalities that have a value. With <see cref="RankOrder.LowestNetCostFirst"/> (default),
    /// rank 1 is the highest saldo, i.e. the lowest net cost per inhabitant. Municipalities without a value are
    /// listed in <see cref="Ranking.Missing"/>.
    /// </summary>
    public static Ranking Rank(IReadOnlyList<MunicipalityValue> values, RankOrder order = RankOrder.LowestNetCostFirst)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = new List<MunicipalityValue>(values.Count);
        List<string>? missing = null;
        foreach (var v in values)
        {
            if (v.Value is null)
            {
                (missing ??= []).Add(v.Municipality);
            }
            else
            {
                present.Add(v);
            }
        }

        var descending = order == RankOrder.LowestNetCostFirst;
        present.Sort((a, b) =>
        {
            var byValue = a.Value!.Value.CompareTo(b.Value!.Value);
            return byValue != 0 ? (descending ? -byValue : byValue) : string.CompareOrdinal(a.Municipality, b.Municipality);
        });

        var n = present.Count;
        var ranked = new RankedMunicipality[n];
        var groupStart = 0;
        while (groupStart < n)
        {
            var value = present[groupStart].Value!.Value;
            var groupEnd = groupStart;
            while (groupEnd + 1 < n && present[groupEnd + 1].Value!.Value == value)
            {
                groupEnd++;
            }

            var after = n - groupEnd - 1;
            decimal? percentile = n > 1 ? (decimal)after / (n - 1) * 100m : null;
            for (var i = groupStart; i <= groupEnd; i++)
            {
                ranked[i] = new RankedMunicipality(present[i].Municipality, value, i + 1, groupStart + 1, percentile);
            }

            groupStart = groupEnd + 1;
        }

        return new Ranking(order, ranked, missing ?? (IReadOnlyList<string>)[]);
    }

    /// <summary>
    /// "Gemeenten zoals wij": the <paramref name="k"/> municipalities closest to <paramref name="municipality"/>
    /// on standardised characteristics. Each characteristic is turned into a z-score ((value − mean) / standard
    /// deviation, population standard deviation over the compared municipalities); the distance is
    /// √(Σ weight × (z − z_own)²). Municipalities missing a weighted characteristic are excluded and listed.
    /// The characteristics, weights, means and standard deviations are returned for display.
    /// </summary>
    public static PeerSelection Peers(
        string municipality,
        IReadOnlyList<MunicipalityProfile> population,
        IReadOnlyList<CharacteristicWeight> weights,
        int k)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ValidateWeights(weights);

        var used = weights.Where(w => w.Weight > 0m).ToArray();
        var eligible = new List<MunicipalityProfile>(population.Count);
        var excluded = new List<string>();
        foreach (var profile in population)
        {
            if (used.All(w => profile.Characteristics.ContainsKey(w.Characteristic)))
            {
                eligible.Add(profile);
            }
            else
            {
                excluded.Add(profile.Municipality);
            }
        }

        var scales = weights.Select(w => Scale(w, eligible)).ToArray();
        var own = eligible.Find(p => string.Equals(p.Municipality, municipality, StringComparison.OrdinalIgnoreCase));
        if (used.Length == 0 || own is null)
        {
            var reason = used.Length == 0
                ? "geen kenmerken met een gewicht groter dan 0"
                : $"{municipality} ontbreekt of mist een van de kenmerken";
            return new PeerSelection(municipality, scales, new Dictionary<string, decimal>(), [], excluded, reason);
        }

        var ownZ = ZScores(own, scales);
        var candidates = new List<Peer>(eligible.Count - 1);
        foreach (var profile in eligible)
        {
            if (ReferenceEquals(profile, own))
            {
                continue;
            }

            var z = ZScores(profile, scales);
            var squared = 0m;
            foreach (var scale in scales)
            {
                if (scale.Weight > 0m)
                {
                    var d = z[scale.Characteristic] - ownZ[scale.Characteristic];
                    squared += scale.Weight * d * d;
                }
            }

            candidates.Add(new Peer(profile.Municipality, Sqrt(squared), z));
        }

        candidates.Sort((a, b) =>
        {
            var byDistance = a.Distance.CompareTo(b.Distance);
            return byDistance != 0 ? byDistance : string.CompareOrdinal(a.Municipality, b.Municipality);
        });

        var peers = candidates.Take(k).ToArray();
        var peerReason = peers.Length == 0 ? "geen andere gemeenten om mee te vergelijken" : null;
        return new PeerSelection(own.Municipality, scales, ownZ, peers, excluded, peerReason);
    }

    /// <summary>Square root in decimal (Newton's method from the double estimate). Negative input is a programming error.</summary>
    internal static decimal Sqrt(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0m)
        {
            return 0m;
        }

        var x = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4 && x != 0m; i++)
        {
            var next = (x + (value / x)) / 2m;
            if (next == x)
            {
                break;
            }

            x = next;
        }

        return x;
    }

    private static void ValidateWeights(IReadOnlyList<CharacteristicWeight> weights)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in weights)
        {
            if (w.Weight < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w.Weight, $"Weight of '{w.Characteristic}' is negative.");
            }

            if (!seen.Add(w.Characteristic))
            {
                throw new ArgumentException($"Characteristic '{w.Characteristic}' is listed twice.", nameof(weights));
            }
        }
    }

    private static CharacteristicScale Scale(CharacteristicWeight weight, List<MunicipalityProfile> eligible)
    {
        var n = 0;
        var sum = 0m;
        foreach (var p in eligible)
        {
            if (p.Characteristics.TryGetValue(weight.Characteristic, out var v))
            {
                sum += v;
                n++;
            }
        }

        if (n == 0)
        {
            return new CharacteristicScale(weight.Characteristic, weight.Weight, 0m, 0m, 0);
        }

        var mean = sum / n;
        var squares = 0m;
        foreach (var p in eligible)
        {
            if (p.Characteristics.TryGetValue(weight.Characteristic, out var v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        return new CharacteristicScale(weight.Characteristic, weight.Weight, mean, Sqrt(squares / n), n);
    }

    private static Dictionary<string, decimal> ZScores(MunicipalityProfile profile, CharacteristicScale[] scales)
    {
        var z = new Dictionary<string, decimal>(scales.Length, StringComparer.Ordinal);
        foreach (var scale in scales)
        {
            if (profile.Characteristics.TryGetValue(scale.Characteristic, out var v))
            {
                z[scale.Characteristic] = scale.StandardDeviation == 0m ? 0m : (v - scale.Mean) / scale.StandardDeviation;
            }
        }

        return z;
    }
}
