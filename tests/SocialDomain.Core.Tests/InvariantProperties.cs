using FsCheck;
using FsCheck.Xunit;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using Outcome = SocialDomain.Core.Calculations.Outcome;

namespace SocialDomain.Core.Tests;

/// <summary>Property tests (FsCheck) for the invariants of the calculation layer.</summary>
public class InvariantProperties
{
    [Property]
    public bool Deviation_ChangesSign_WhenDirectionFlips(int actualCents, int targetCents)
    {
        var actual = actualCents / 100m;
        var target = targetCents / 100m;
        var higher = KpiAssessment.Deviation(actual, KpiTarget.HigherIsBetter(target));
        var lower = KpiAssessment.Deviation(actual, KpiTarget.LowerIsBetter(target));

        return higher.Absolute == -lower.Absolute
            && higher.RelativePercent == -lower.RelativePercent
            && (target == 0m) == (higher.RelativePercent is null);
    }

    [Property]
    public bool Status_IsNeverWorse_WhenTheValueImproves(int targetCents, int actualCents, NonNegativeInt improvementCents)
    {
        var target = KpiTarget.HigherIsBetter(Math.Abs(targetCents) / 100m + 1m);
        var before = KpiAssessment.Assess(actualCents / 100m, target).Status!.Value;
        var after = KpiAssessment.Assess((actualCents + improvementCents.Get) / 100m, target).Status!.Value;
        return after <= before; // OnTrack < Attention < OffTrack
    }

    [Property]
    public bool Rank_PositionsAreAPermutation(int[] raw)
    {
        var values = (raw ?? []).Select((v, i) => new MunicipalityValue($"G{i:D3}", v % 7 == 0 ? null : v / 10m)).ToArray();
        var ranking = Benchmark.Rank(values);
        var present = values.Count(v => v.Value is not null);

        return ranking.Ranked.Select(r => r.Position).Order().SequenceEqual(Enumerable.Range(1, present))
            && ranking.Ranked.All(r => r.Rank >= 1 && r.Rank <= r.Position)
            && ranking.Ranked.All(r => r.Percentile is null ? present == 1 : r.Percentile is >= 0m and <= 100m)
            && ranking.Missing.Count == values.Length - present
            && ranking.Ranked.Zip(ranking.Ranked.Skip(1)).All(pair => pair.First.Value >= pair.Second.Value);
    }

    [Property]
    public bool Projection_OfAPerfectlyLinearSeries_HitsItsOwnPoints(int interceptCents, int slopeCents, PositiveInt[] gaps, bool quarterly)
    {
        var steps = (gaps ?? []).Take(30).Select(g => (g.Get % 5) + 1).Prepend(0).Prepend(0).ToArray();
        steps[1] = 1; // at least two distinct periods
        var start = quarterly ? Period.OfQuarter(2000, 1) : Period.OfYear(1950);
        var a = interceptCents / 100m;
        var b = slopeCents / 100m;

        var x = 0;
        var series = steps.Select(step =>
        {
            x += step;
            return new TrendPoint(start.AddPeriods(x), a + (b * x));
        }).ToArray();

        var trend = Trend.Fit(series).Value;
        return series.All(p => trend.ValueAt(p.Period) == p.Value)
            && trend.SlopePerPeriod == b
            && (b == 0m ? trend.RSquared is null : trend.RSquared == 1m);
    }

    [Property]
    public bool RecomputedMean_LiesBetweenMinAndMax(int[] raw)
    {
        var values = (raw ?? []).Select((v, i) => new MunicipalityValue($"G{i}", v % 5 == 0 ? null : v / 10m)).ToArray();
        var average = Benchmark.Average(values);
        var present = values.Where(v => v.Value is not null).Select(v => v.Value!.Value).ToArray();

        if (present.Length == 0)
        {
            return average.Mean is null && average.N == 0;
        }

        return average.Mean >= average.Min
            && average.Mean <= average.Max
            && average.Min == present.Min()
            && average.Max == present.Max()
            && average.N == present.Length
            && average.Missing.Count == values.Length - present.Length;
    }

    [Property]
    public bool Growth_Percent_RoundTrips(int fromCents, int toCents)
    {
        var from = fromCents / 100m;
        var to = toCents / 100m;
        var growth = Growth.Percent(from, to);
        return from == 0m
            ? growth.Outcome == Outcome.NotApplicable
            : Math.Abs(from + (Math.Abs(from) * growth.Value / 100m) - to) < 0.000001m;
    }
}
