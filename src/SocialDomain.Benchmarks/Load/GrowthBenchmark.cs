using System.Diagnostics;

namespace SocialDomain.Benchmarks.Load;

/// <summary>The running main app (on the main dataset) and how to start another on a growth database.</summary>
public sealed record GrowthContext(
    BenchDatabase Cluster,
    PreparedDatabase Main,
    AppUnderTest MainApp,
    StaffAccount MainStaff,
    Func<PreparedDatabase, CancellationToken, Task<AppUnderTest>> StartApp,
    string Password,
    string Wrk,
    string Script,
    LoadOptions Options,
    ReportMeasurement? MainPrint,
    Func<TimeSpan> TimeLeft,
    Action<string> Log);

/// <summary>The growth part's table rows, its two goal figures for the before/after line, and its databases (for the report prints).</summary>
public sealed record GrowthResult(IReadOnlyList<ReportRow> Rows, double? HistoryRatio, double? CostPerKpiRise, IReadOnlyDictionary<DatasetShape, PreparedDatabase> Databases);

/// <summary>
/// Growth (issue 21): what the signed-in (uncached) pages cost as the data grow. Each size is a database of its own in the
/// same cluster (<see cref="BenchDatabase.PrepareAsync"/>) that differs from its neighbour in one dimension only, with an
/// app of its own; all apps run at once and the points are measured in interleaved rounds (the best round counts), so
/// that a burst of other work on the machine does not land on one size only.
/// <list type="bullet">
/// <item>history: the overview at 40 (the main dataset) and 160 quarters, 500 KPIs;</item>
/// <item>size: the overview at 50, 500 (main) and 2.000 KPIs, 40 quarters; cost per KPI shown = 1 / (throughput × KPIs);</item>
/// <item>municipalities: the benchmark page at 40, 342 and 3.420 municipalities (50 KPIs each);</item>
/// <item>the council report's PDF at 50, 500 and 2.000 KPIs (<see cref="PrintAsync"/>, when the report part runs too).</item>
/// </list>
/// </summary>
public static class GrowthBenchmark
{
    /// <summary>
    /// Connections per growth point: one per core keeps both busy (the app and PostgreSQL take turns), and a slow page
    /// (2.000 KPIs) still completes requests within a short run and stays under wrk's 5 s timeout.
    /// </summary>
    private const int Connections = 2;

    private static readonly DatasetShape Q160 = new(500, 160, 342);
    private static readonly DatasetShape K50 = new(50, 40, 342);
    private static readonly DatasetShape K2000 = new(2000, 40, 342);
    private static readonly DatasetShape M40 = new(50, 40, 40);
    private static readonly DatasetShape M3420 = new(50, 40, 3420);

    /// <summary>Prepares the growth databases and measures the signed-in pages on them (the main app is the main point).</summary>
    public static async Task<GrowthResult> MeasureAsync(GrowthContext context, CancellationToken cancellationToken)
    {
        var log = context.Log;
        var f = LoadReport.Format;
        log("Growth datasets (databases of their own in the same cluster)…");
        var prepare = Stopwatch.StartNew();
        var databases = new Dictionary<DatasetShape, PreparedDatabase> { [context.Main.Shape] = context.Main };
        foreach (var (name, shape) in new[] { ("growth_k50", K50), ("growth_q160", Q160), ("growth_k2000", K2000), ("growth_m40", M40), ("growth_m3420", M3420) })
        {
            databases[shape] = await context.Cluster.PrepareAsync(name, shape, log, cancellationToken);
        }

        log($"  growth datasets ready in {prepare.Elapsed.TotalMinutes:0.0} min");
        var apps = new Dictionary<DatasetShape, AppUnderTest> { [context.Main.Shape] = context.MainApp };
        try
        {
            foreach (var (shape, database) in databases.Where(d => d.Key != context.Main.Shape))
            {
                apps[shape] = await context.StartApp(database, cancellationToken);
            }

            // A fresh login per app (the main app's too: its earlier session may be near its idle timeout).
            var cookies = new Dictionary<DatasetShape, string>();
            foreach (var (shape, app) in apps)
            {
                var account = shape == context.Main.Shape ? context.MainStaff : new StaffAccount(context.Password);
                cookies[shape] = await account.LogInAsync(app.BaseAddress, cancellationToken);
            }

            // Every row on one page (?programma=alle): the cost per KPI shown, comparable with the runs before the overview
            // showed one programme or domain at a time above 60 KPIs.
            PageSpec Overview(DatasetShape s) => new($"Kwartaaloverzicht /?programma=alle signed in, {s.Describe(f)}", "?programma=alle",
                [StaffAccount.SignedInMarker, SyntheticDataset.KpiName(1)], PageKind.SignedIn, [cookies[s]]);
            PageSpec Benchmark(DatasetShape s) => new($"Benchmark G40 /benchmark signed in, {s.Describe(f)}", "benchmark",
                [StaffAccount.SignedInMarker, "Synthetische gemeente"], PageKind.SignedIn, [cookies[s]]);
            var main = context.Main.Shape;
            var points = new List<(DatasetShape Shape, PageSpec Spec)>
            {
                (main, Overview(main)), (Q160, Overview(Q160)), (K50, Overview(K50)), (K2000, Overview(K2000)),
                (M40, Benchmark(M40)), (K50, Benchmark(K50)), (M3420, Benchmark(M3420)),
            };
            foreach (var (shape, spec) in points)
            {
                await PageLoad.PreCheckAsync(apps[shape], [spec], log, cancellationToken);
            }

            var warmUp = TimeSpan.FromSeconds(Math.Max(2, context.Options.WarmUp.TotalSeconds));
            log($"Growth: {warmUp.TotalSeconds:0} s warm-up per point, then {context.Options.GrowthRounds} round(s) of {context.Options.GrowthDuration.TotalSeconds:0} s per point at c={Connections}…");
            foreach (var (shape, spec) in points)
            {
                await PageLoad.SettleAsync(
                    await Wrk.RunAsync(context.Wrk, context.Script, PageLoad.Url(apps[shape], spec), Connections, warmUp, 0, spec.WrkHeaders, cancellationToken),
                    cancellationToken);
            }

            var best = new Dictionary<PageSpec, WrkResult>();
            for (var round = 0; round < context.Options.GrowthRounds; round++)
            {
                foreach (var (shape, spec) in points)
                {
                    var run = await Wrk.RunAsync(context.Wrk, context.Script, PageLoad.Url(apps[shape], spec), Connections, context.Options.GrowthDuration, 0,
                        spec.WrkHeaders, cancellationToken);
                    log($"  {spec.Name,-80} {PageLoad.Describe(run)}");
                    await PageLoad.SettleAsync(run, cancellationToken);
                    if (!best.TryGetValue(spec, out var earlier) || run.RequestsPerSecond > earlier.RequestsPerSecond)
                    {
                        best[spec] = run;
                    }
                }
            }

            var results = points.Select(p => (p.Shape, Run: best[p.Spec])).ToList();
            var rows = new List<ReportRow>
            {
                HistoryRow(results[0].Run, results[1].Run),
                SizeRow(results[2].Run, results[0].Run, results[3].Run, main),
                MunicipalitiesRow(results[4].Run, results[5].Run, results[6].Run),
            };
            var errors = results.Sum(r => r.Run.Errors);
            rows.Add(new ReportRow("Growth points: errors in the counted runs", $"{LoadReport.Number(errors)} of {LoadReport.Number(results.Sum(r => r.Run.Requests))} requests",
                "0", errors == 0 ? LoadReport.Met : LoadReport.Gap($"{errors} errors")));

            return new GrowthResult(rows, Ratio(results[1].Run, results[0].Run), CostRise(results[0].Run, main.Kpis, results[3].Run, K2000.Kpis), databases);
        }
        finally
        {
            foreach (var (shape, app) in apps.Where(a => a.Key != context.Main.Shape))
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>The datasets of the growth part, for the header of the table.</summary>
    public static string Describe() => string.Join("; ", new[] { Q160, K50, K2000, M40, M3420 }.Select(s => s.Describe(LoadReport.Format)));

    private static string Point(WrkResult run) => run.Requests == 0
        ? $"no request completed in {run.Seconds.ToString("0", LoadReport.Format)} s"
        : $"{PageLoad.Rate(run.RequestsPerSecond)} req/s (p50 {LoadReport.Millis(run.P50Micros)}, p95 {LoadReport.Millis(run.P95Micros)})";

    /// <summary>Throughput of <paramref name="a"/> against <paramref name="b"/>; null when either run completed no request.</summary>
    private static double? Ratio(WrkResult a, WrkResult b) => a.Requests > 0 && b.Requests > 0 ? a.RequestsPerSecond / b.RequestsPerSecond : null;

    private static string Times(double? ratio) => ratio is { } r ? PageLoad.Ratio(r) + "×" : "–";

    private static ReportRow HistoryRow(WrkResult at40, WrkResult at160)
    {
        var ratio = Ratio(at160, at40);
        return new ReportRow($"History: Kwartaaloverzicht, every row (/?programma=alle) signed in (uncached), 500 KPIs at 40 and 160 quarters, c={Connections}",
            $"40 quarters: {Point(at40)}; 160 quarters: {Point(at160)}; 160 against 40: {Times(ratio)}",
            "160 quarters ≥ 0,80× the throughput at 40",
            ratio is not { } r ? LoadReport.Gap("not measured") : r >= 0.8 ? LoadReport.Met : LoadReport.Gap(Times(r)));
    }

    /// <summary>How much the cost per KPI shown (1 / (req/s × KPIs)) rises from <paramref name="smaller"/> to <paramref name="larger"/>.</summary>
    private static double? CostRise(WrkResult smaller, int smallerKpis, WrkResult larger, int largerKpis) =>
        Ratio(smaller, larger) is { } r ? r * smallerKpis / largerKpis : null;

    private static ReportRow SizeRow(WrkResult at50, WrkResult at500, WrkResult at2000, DatasetShape main)
    {
        string Cost(WrkResult run, int kpis) => run.Requests == 0 ? Point(run)
            : $"{Point(run)}, {(1000.0 / (run.RequestsPerSecond * kpis)).ToString("0.000", LoadReport.Format)} ms per KPI";
        var rise = CostRise(at500, main.Kpis, at2000, K2000.Kpis);
        return new ReportRow($"Size: Kwartaaloverzicht, every row (/?programma=alle) signed in (uncached) at 50, 500 and 2.000 KPIs, 40 quarters, c={Connections}; cost per KPI shown = 1 / (req/s × KPIs)",
            $"50: {Cost(at50, K50.Kpis)}; 500: {Cost(at500, main.Kpis)}; 2.000: {Cost(at2000, K2000.Kpis)}; cost per KPI 2.000 against 500: "
            + $"{Times(rise)} (50 → 500: {Times(CostRise(at50, K50.Kpis, at500, main.Kpis))})",
            "cost per KPI from 500 to 2.000 rises ≤ 20 % (≤ 1,20×)",
            rise is not { } r ? LoadReport.Gap("not measured") : r <= 1.2 ? LoadReport.Met : LoadReport.Gap($"+{((r - 1) * 100).ToString("0", LoadReport.Format)} %"));
    }

    private static ReportRow MunicipalitiesRow(WrkResult at40, WrkResult at342, WrkResult at3420) =>
        new($"Municipalities: Benchmark G40 /benchmark signed in (uncached) at 40, 342 and 3.420 municipalities (25 years, 50 KPIs), c={Connections}",
            $"40: {Point(at40)}; 342: {Point(at342)} ({Times(Ratio(at342, at40))} of 40); 3.420: {Point(at3420)} ({Times(Ratio(at3420, at342))} of 342)",
            "– (no goal in issue 21; for comparison)", "–");

    /// <summary>
    /// The council report's print time at 50, 500 and 2.000 KPIs: an app of its own on the 50 and 2.000 KPI databases
    /// (started again: this runs after the export, which comes first because it has goals), the report part's median for
    /// the main database (whose measurements the export has since filled up).
    /// </summary>
    public static async Task<ReportRow> PrintAsync(GrowthContext context, IReadOnlyDictionary<DatasetShape, PreparedDatabase> databases, CancellationToken cancellationToken)
    {
        const string what = "Council report PDF (2020-K4) at 50, 500 and 2.000 KPIs, 40 quarters: the second print of an app of its own (the first starts its browser), "
            + "or the first when that took a minute or more; at 500 the report part's median";
        IReadOnlyList<DatasetShape> sizes = [K50, context.Main.Shape, K2000];
        var quarter = context.Main.Shape.LastQuarter.ToString();
        var parts = new List<string>();
        var seconds = new Dictionary<int, double>();
        foreach (var size in sizes)
        {
            if (context.TimeLeft() < TimeSpan.FromMinutes(3))
            {
                parts.Add($"{LoadReport.Number(size.Kpis)}: skipped (time budget)");
                continue;
            }

            (double Seconds, long Bytes, bool FirstCounts, string? Failure) print;
            if (size == context.Main.Shape)
            {
                print = context.MainPrint is { MedianSeconds: { } median } mainPrint ? (median, mainPrint.Bytes, false, null) : (0, 0, false, "the report part did not measure it");
            }
            else
            {
                context.Log($"Growth: council report PDF at {size.Kpis:N0} KPIs…");
                await using var app = await context.StartApp(databases[size], cancellationToken);
                print = await ReportBenchmark.PrintTimeAsync(app, quarter, TimeSpan.FromMinutes(1), context.Log, $"{size.Kpis:N0} KPIs", cancellationToken);
            }

            var (time, bytes, firstCounts, failure) = print;
            if (failure is not null)
            {
                parts.Add($"{LoadReport.Number(size.Kpis)}: not printed ({failure})");
                continue;
            }

            seconds[size.Kpis] = time;
            parts.Add($"{LoadReport.Number(size.Kpis)}: {LoadReport.Number(time, 1)} s{(firstCounts ? " (first print)" : string.Empty)} "
                + $"({LoadReport.Number(bytes / 1024.0)} KB, {LoadReport.Number(time / size.Kpis * 100, 2)} s per 100 KPIs)");
        }

        var ratios = new List<string>();
        for (var i = 1; i < sizes.Count; i++)
        {
            if (seconds.TryGetValue(sizes[i - 1].Kpis, out var smaller) && seconds.TryGetValue(sizes[i].Kpis, out var larger))
            {
                ratios.Add($"{LoadReport.Number(sizes[i].Kpis)} against {LoadReport.Number(sizes[i - 1].Kpis)}: {LoadReport.Number(larger / smaller, 2)}× the time for "
                    + $"{LoadReport.Number((double)sizes[i].Kpis / sizes[i - 1].Kpis, 0)}× the KPIs");
            }
        }

        return new ReportRow(what, string.Join("; ", parts.Concat(ratios)), "– (no goal in issue 21; for comparison)", "–");
    }
}
