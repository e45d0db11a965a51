using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Benchmarks;

/// <summary>
/// Synthetic, reproducible data sets (fixed seed) shaped like the real sources: saldi per inhabitant per task
/// field (negative = net cost), a few missing values, G40 members and size classes; quarterly KPI series with a
/// trend and noise.
/// </summary>
public static class SyntheticData
{
    public const int Seed = 20201;

    public const int Municipalities = 342;
    public const int Years = 25;
    public const int TaskFields = 7;
    public const int G40Members = 40;
    public const int SizeClasses = 8;

    public const int Kpis = 500;
    public const int Quarters = 40;

    /// <summary>saldo[field][year][municipality]; about 1% missing (null), like Lelystad's "-".</summary>
    public static MunicipalityData Municipal()
    {
        var random = new Random(Seed);
        var names = Enumerable.Range(0, Municipalities).Select(i => $"Gemeente {i:D3}").ToArray();
        var sizeClass = Enumerable.Range(0, Municipalities).Select(_ => random.Next(SizeClasses)).ToArray();
        var g40 = Enumerable.Range(0, Municipalities).OrderBy(_ => random.Next()).Take(G40Members).Order().ToArray();

        var saldo = new MunicipalityValue[TaskFields][][];
        for (var f = 0; f < TaskFields; f++)
        {
            saldo[f] = new MunicipalityValue[Years][];
            var level = Enumerable.Range(0, Municipalities).Select(_ => 50 + (random.NextDouble() * 350)).ToArray();
            for (var y = 0; y < Years; y++)
            {
                var row = new MunicipalityValue[Municipalities];
                for (var m = 0; m < Municipalities; m++)
                {
                    level[m] *= 1 + ((random.NextDouble() - 0.4) * 0.1);
                    decimal? value = random.NextDouble() < 0.01 ? null : -Math.Round((decimal)level[m], 1);
                    row[m] = new MunicipalityValue(names[m], value);
                }

                saldo[f][y] = row;
            }
        }

        return new MunicipalityData(names, sizeClass, g40, saldo);
    }

    /// <summary>500 quarterly KPI series of 40 quarters (2011-K1..2020-K4) with a target and a deadline two years out.</summary>
    public static KpiData[] Kpi()
    {
        var random = new Random(Seed);
        var first = Period.OfQuarter(2011, 1);
        var result = new KpiData[Kpis];
        for (var k = 0; k < Kpis; k++)
        {
            var start = 40 + (random.NextDouble() * 40);
            var slope = (random.NextDouble() - 0.5) * 1.5;
            var series = new TrendPoint[Quarters];
            for (var q = 0; q < Quarters; q++)
            {
                var value = start + (slope * q) + ((random.NextDouble() - 0.5) * 4);
                series[q] = new TrendPoint(first.AddPeriods(q), Math.Round((decimal)value, 1));
            }

            var targetValue = Math.Round((decimal)(start + (random.NextDouble() * 30) - 10), 0);
            var target = (k % 3) switch
            {
                0 => KpiTarget.HigherIsBetter(targetValue),
                1 => KpiTarget.LowerIsBetter(targetValue),
                _ => KpiTarget.Band(targetValue - 5m, targetValue + 5m),
            };

            result[k] = new KpiData(series, target, series[^1].Period.AddPeriods(8), k % 5 == 0);
        }

        return result;
    }
}

/// <summary>The municipal data set: names, size class and G40 membership per municipality, saldo[field][year][municipality].</summary>
public sealed record MunicipalityData(
    string[] Names,
    int[] SizeClass,
    int[] G40,
    MunicipalityValue[][][] Saldo);

/// <summary>One KPI: its quarterly series, target and deadline; IsLegalNorm marks a share-within-legal-term KPI.</summary>
public sealed record KpiData(
    TrendPoint[] Series,
    KpiTarget Target,
    Period Deadline,
    bool IsLegalNorm);
