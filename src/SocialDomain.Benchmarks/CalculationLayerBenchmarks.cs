using BenchmarkDotNet.Attributes;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Benchmarks;

/// <summary>
/// The calculation layer at scale. Each benchmark method is one whole workload; the data are generated once
/// (fixed seed) outside the measurement. The methods return a checksum so nothing can be optimised away.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CalculationLayerBenchmarks
{
    private MunicipalityData _municipal = null!;
    private KpiData[] _kpis = null!;

    [GlobalSetup]
    public void Setup()
    {
        _municipal = SyntheticData.Municipal();
        _kpis = SyntheticData.Kpi();
    }

    /// <summary>
    /// 342 municipalities × 25 years × 7 task fields. Per year × field: the recomputed national, G40 and
    /// size-class averages, the stated-vs-recomputed check of the G40 average, rank and percentile of all 342,
    /// each municipality's deviation from the G40 average, its size class and the national average, and the
    /// growth of net cost against the previous year.
    /// </summary>
    [Benchmark(Description = "Benchmarks: 342 municipalities x 25 years x 7 fields")]
    public decimal MunicipalBenchmarks()
    {
        var data = _municipal;
        var checksum = 0m;
        var g40 = new MunicipalityValue[data.G40.Length];
        var classes = new List<MunicipalityValue>[SyntheticData.SizeClasses];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = new List<MunicipalityValue>(SyntheticData.Municipalities);
        }

        var classMeans = new decimal?[SyntheticData.SizeClasses];
        for (var field = 0; field < SyntheticData.TaskFields; field++)
        {
            for (var year = 0; year < SyntheticData.Years; year++)
            {
                var values = data.Saldo[field][year];

                var national = Benchmark.Average(values);
                for (var i = 0; i < g40.Length; i++)
                {
                    g40[i] = values[data.G40[i]];
                }

                var g40Average = Benchmark.Average(g40);
                foreach (var list in classes)
                {
                    list.Clear();
                }

                for (var m = 0; m < values.Length; m++)
                {
                    classes[data.SizeClass[m]].Add(values[m]);
                }

                for (var c = 0; c < classes.Length; c++)
                {
                    classMeans[c] = Benchmark.Average(classes[c]).Mean;
                }

                if (g40Average.Mean is { } stated)
                {
                    checksum += DataQuality.CompareStatedAverage(Math.Round(stated, 1), g40).Difference ?? 0m;
                }

                var ranking = Benchmark.Rank(values);
                checksum += ranking.Ranked[0].Value + (ranking.Ranked[^1].Percentile ?? 0m);

                var previous = year > 0 ? data.Saldo[field][year - 1] : null;
                for (var m = 0; m < values.Length; m++)
                {
                    if (values[m].Value is not { } saldo)
                    {
                        continue;
                    }

                    var comparison = Benchmark.Compare(saldo, g40Average.Mean, classMeans[data.SizeClass[m]], national.Mean);
                    checksum += comparison.G40Average?.NetCostPercent ?? 0m;
                    checksum += comparison.SizeClass?.NetCostDifference ?? 0m;
                    checksum += comparison.Netherlands?.NetCostDifference ?? 0m;

                    if (previous?[m].Value is { } before)
                    {
                        checksum += Growth.NetCostPercent(before, saldo).ValueOrDefault;
                    }
                }
            }
        }

        return checksum;
    }

    /// <summary>
    /// 500 KPIs × 40 quarters. Per KPI: deviation and status of the latest value (and the legal-norm judgement for
    /// one in five), change against the previous quarter and the same quarter last year, compound annual growth,
    /// the least-squares trend with R², and the projection to the deadline with its Dutch verdict.
    /// </summary>
    [Benchmark(Description = "KPIs: 500 KPIs x 40 quarters")]
    public decimal KpiAssessments()
    {
        var checksum = 0m;
        foreach (var kpi in _kpis)
        {
            var latest = kpi.Series[^1].Value;
            var judgement = KpiAssessment.Assess(latest, kpi.Target);
            checksum += judgement.Deviation.Absolute + (int)(judgement.Status ?? KpiStatus.OffTrack);
            if (kpi.IsLegalNorm)
            {
                checksum += KpiAssessment.AssessLegalNorm(latest, 95m, kpi.Target).AgainstNorm.Deviation.Absolute;
            }

            checksum += Trend.ChangeAgainstPreviousPeriod(kpi.Series).ValueOrDefault;
            checksum += Trend.ChangeAgainstSamePeriodLastYear(kpi.Series).ValueOrDefault;
            checksum += Trend.CompoundAnnualGrowth(kpi.Series).ValueOrDefault;
            checksum += Trend.Fit(kpi.Series).Value.RSquared ?? 0m;

            var projection = Projection.ToDeadline(kpi.Series, kpi.Target, kpi.Deadline, KpiUnit.Percent);
            checksum += (projection.ExpectedAtDeadline ?? 0m) + projection.Text.Length;
        }

        return checksum;
    }
}
