using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;

namespace SocialDomain.Benchmarks.Load;

/// <summary>Mean time of the two calculation-layer workloads, measured now or taken from docs/performance.md.</summary>
public sealed record CalculationResult(double BenchmarksMilliseconds, double KpisMilliseconds, string How);

/// <summary>Runs <see cref="CalculationLayerBenchmarks"/> (its own [ShortRunJob]) with BenchmarkDotNet, logging to a file.</summary>
public static partial class CalculationLayer
{
    public static CalculationResult? Run(string logFile, Action<string> log)
    {
        using var writer = new StreamWriter(logFile);
        // DefaultConfig without its console logger: BenchmarkDotNet's long report goes to the log file, not between our lines.
        var defaults = DefaultConfig.Instance;
        var quiet = ManualConfig.CreateEmpty()
            .AddColumnProvider(defaults.GetColumnProviders().ToArray())
            .AddExporter(defaults.GetExporters().ToArray())
            .AddAnalyser(defaults.GetAnalysers().ToArray())
            .AddValidator(defaults.GetValidators().ToArray())
            .AddDiagnoser(defaults.GetDiagnosers().ToArray())
            .AddLogger(new StreamLogger(writer))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<CalculationLayerBenchmarks>(quiet);
        double? Mean(string method) => summary.Reports
            .FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)?.ResultStatistics?.Mean / 1_000_000.0;
        var benchmarks = Mean(nameof(CalculationLayerBenchmarks.MunicipalBenchmarks));
        var kpis = Mean(nameof(CalculationLayerBenchmarks.KpiAssessments));
        if (benchmarks is null || kpis is null)
        {
            log($"  BenchmarkDotNet gave no result; see {logFile}");
            return null;
        }

        return new CalculationResult(benchmarks.Value, kpis.Value, "measured in this run, BenchmarkDotNet ShortRun");
    }

    /// <summary>The figures in the calculation-layer results table of docs/performance.md ("**44,2 ms**").</summary>
    public static CalculationResult? FromDocs(string performanceMarkdown)
    {
        if (!File.Exists(performanceMarkdown))
        {
            return null;
        }

        double? benchmarks = null;
        double? kpis = null;
        foreach (var line in File.ReadLines(performanceMarkdown))
        {
            var match = BoldMilliseconds().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var value = double.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), CultureInfo.InvariantCulture);
            if (line.StartsWith("| Benchmarks:", StringComparison.Ordinal))
            {
                benchmarks ??= value;
            }
            else if (line.StartsWith("| KPIs:", StringComparison.Ordinal))
            {
                kpis ??= value;
            }
        }

        return benchmarks is { } b && kpis is { } k ? new CalculationResult(b, k, "not run now: reused from docs/performance.md") : null;
    }

    [GeneratedRegex(@"\*\*([\d.,]+) ms\*\*")]
    private static partial Regex BoldMilliseconds();
}
