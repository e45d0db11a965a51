using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SocialDomain.Web.Pages.Bench;

namespace SocialDomain.Benchmarks.Load;

/// <summary>
/// The whole-stack load benchmark (<c>dotnet run -c Release --project src/SocialDomain.Benchmarks -- load</c>):
/// <list type="number">
/// <item>a throwaway PostgreSQL cluster in a temp folder with the synthetic dataset (<see cref="SyntheticDataset"/>),
/// migrated and published with the app's own code;</item>
/// <item>the app's Release build in Production mode against it, with the baseline page on (<c>Benchmark__Enabled=true</c>);</item>
/// <item>wrk at fixed concurrencies against the baseline page (/bench/fortunes), the quarterly overview, a KPI page
/// and the benchmark page: requests/s, p50/p95/p99, errors, and each page's throughput as a ratio to the baseline's
/// in the same run;</item>
/// <item>p95 at half of each page's maximum throughput. wrk2 (constant request rate) is not in Debian, so this is
/// approximated: every connection waits a fixed delay after each response (wrk's Lua <c>delay()</c>), with the
/// number of connections and the delay chosen so the offered rate is half the maximum; one corrective rerun when the
/// achieved rate is off by more than 10 %. This is a closed loop: a slow response delays the next request on its
/// connection, so tail latency can be understated against a true open-loop (wrk2) measurement.</item>
/// <item>the CSV export of the measurements (1,000,000 rows) against <c>psql \copy</c> of the same rows, with the
/// app's peak VmRSS growth;</item>
/// <item>the calculation-layer BenchmarkDotNet workloads;</item>
/// <item>one table, printed and written into docs/performance.md.</item>
/// </list>
/// Every step has a time limit; the whole command stays within <see cref="LoadOptions.Budget"/>.
/// </summary>
public static class LoadCommand
{
    /// <summary>What a browser sends; the cached dashboard pages are stored and served compressed (see docs/performance.md).</summary>
    private static readonly string[] BrowserHeaders = ["Accept-Encoding: gzip, deflate, br"];

    private static readonly Stopwatch Clock = new();

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args is ["-h" or "--help"])
        {
            Console.WriteLine(LoadOptions.Usage);
            return 0;
        }

        var options = LoadOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        Clock.Start();
        using var cancellation = new CancellationTokenSource(options.Budget + TimeSpan.FromMinutes(2));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return await RunAsync(options, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Load benchmark cancelled (Ctrl+C or hard time limit).");
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or HttpRequestException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"Load benchmark failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot() ?? throw new InvalidOperationException("Run this from the repository (SocialDomain.sln not found).");
        var machine = MachineInfo.Read();
        var started = DateTimeOffset.Now;
        Log($"Load benchmark on {machine.Describe(CultureInfo.InvariantCulture)}");
        var work = Directory.CreateTempSubdirectory("socialdomain-load-run-").FullName;
        Log($"Work folder (logs, scripts): {work}");

        var wrk = await Wrk.FindOrInstallAsync(Log, cancellationToken);
        var wrkVersion = (await ProcessRunner.RunAsync(wrk, ["-v"], TimeSpan.FromSeconds(10), cancellationToken: cancellationToken)).Output
            .Split('\n').FirstOrDefault(l => l.StartsWith("wrk", StringComparison.Ordinal))?.Split('[')[0].Trim() ?? "wrk";
        var scripts = Wrk.WriteScripts(work);
        var webDll = await EnsureWebBuildAsync(root, cancellationToken);
        var psql = BenchDatabase.Psql;

        var rows = new List<ReportRow>();
        string dataset;
        IReadOnlyList<PageResult> pages;
        ExportResult export;
        IReadOnlyList<ReportRow> extra;
        var reportRows = new List<ReportRow>();
        Log("Creating the benchmark cluster and database (separate from .local/pgdata and the seed data)…");
        using (var database = BenchDatabase.Create(options.Keep, m => Log("  " + m)))
        {
            Log($"  cluster {database.DataDirectory} on 127.0.0.1:{database.Port}, database {BenchDatabase.DatabaseName}");
            dataset = await database.PrepareAsync(Log, cancellationToken);

            var port = Web.Infrastructure.LocalPostgres.FreePort();
            Log($"Starting the app (Release, Production, Benchmark__Enabled=true) on 127.0.0.1:{port}…");
            var staffPassword = StaffSession.NewPassword();
            var environment = new Dictionary<string, string>
            {
                ["Bootstrap__AdminUser"] = StaffSession.UserName,
                ["Bootstrap__AdminPassword"] = staffPassword,
            };
            await using (var app = await AppUnderTest.StartAsync(webDll, Path.Combine(root, "src", "SocialDomain.Web"), database.ConnectionString, port,
                Path.Combine(work, "app.log"), environment, TimeSpan.FromSeconds(90), cancellationToken))
            {
                var specs = new[]
                {
                    new PageSpec("Baseline /bench/fortunes", "bench/fortunes", FortunesModel.AddedMessage, IsBaseline: true),
                    new PageSpec("Kwartaaloverzicht /", "", "Synthetische KPI 001", IsBaseline: false),
                    new PageSpec($"KPI page /kpis/{SyntheticDataset.KpiCode(1)}", $"kpis/{SyntheticDataset.KpiCode(1)}", "Synthetische KPI 001", IsBaseline: false),
                    new PageSpec("Benchmark G40 /benchmark", "benchmark", "Synthetische gemeente", IsBaseline: false),
                };
                await PreCheckAsync(app, specs, cancellationToken);
                pages = await MeasurePagesAsync(app, wrk, scripts, specs, options, cancellationToken);
                string? staffCookie = null;
                try
                {
                    staffCookie = await StaffSession.LogInAsync(app.BaseAddress, staffPassword, cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
                {
                    Log($"  signing in as staff failed: {ex.Message}");
                }

                extra = await MeasureUncachedAsync(app, wrk, scripts.Plain, pages, staffCookie, options, cancellationToken);
                Log("Council report PDF…");
                reportRows.AddRange(await ReportBenchmark.RunAsync(app, "500 KPIs × 40 quarters (synthetic)", "2020-K4", TimeSpan.FromSeconds(30), Log, cancellationToken));
            }

            Log("App stopped.");
            Log("Council report PDF of the seed (demo) data…");
            await using (var seedApp = await AppUnderTest.StartAsync(webDll, Path.Combine(root, "src", "SocialDomain.Web"), database.CreateSeedDatabase(),
                Web.Infrastructure.LocalPostgres.FreePort(), Path.Combine(work, "app-seed.log"), new Dictionary<string, string> { ["Database__SeedOnStartup"] = "true" },
                TimeSpan.FromSeconds(120), cancellationToken))
            {
                reportRows.InsertRange(0, await ReportBenchmark.RunAsync(seedApp, "seed data", "2020-K4", TimeSpan.FromSeconds(3), Log, cancellationToken));
            }
            var exportBudgetLeft = options.Budget - Clock.Elapsed - TimeSpan.FromMinutes(2.5);
            if (exportBudgetLeft > TimeSpan.FromMinutes(1))
            {
                Log("CSV export…");
                var fill = Stopwatch.StartNew();
                var added = await SyntheticDataset.AddExportMeasurementsAsync(database.ConnectionString, options.ExportRows, cancellationToken);
                Log($"  {added:N0} measurement rows added (binary COPY, {fill.Elapsed.TotalSeconds:0.0} s); kpi_measurements now holds {options.ExportRows:N0}");

                // A fresh app, so that the memory it grows by is the export's, not what the load test left behind.
                await using var exportApp = await AppUnderTest.StartAsync(webDll, Path.Combine(root, "src", "SocialDomain.Web"), database.ConnectionString,
                    Web.Infrastructure.LocalPostgres.FreePort(), Path.Combine(work, "app-export.log"), environment, TimeSpan.FromSeconds(90), cancellationToken);
                string? exportCookie = null;
                try
                {
                    exportCookie = await StaffSession.LogInAsync(exportApp.BaseAddress, staffPassword, cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
                {
                    Log($"  signing in as staff failed: {ex.Message}");
                }

                export = await ExportBenchmark.RunAsync(exportApp, database, psql, exportCookie, options.Budget - Clock.Elapsed - TimeSpan.FromMinutes(2), Log, cancellationToken);
            }
            else
            {
                export = ExportResult.NotRun("skipped: time budget used up");
            }
        }

        Log(options.Keep ? "Benchmark cluster stopped (folder kept)." : "Benchmark cluster stopped and removed.");
        var calc = MeasureCalculationLayer(root, options, work);

        rows.AddRange(PageRows(pages, options));
        rows.AddRange(extra);
        rows.AddRange(reportRows);
        rows.AddRange(export.Rows(options.ExportRows));
        rows.AddRange(CalcRows(calc));
        rows.Add(new ReportRow("Database round trips per page (overview, KPI page, benchmark page)", "not measured by this command",
            "≤ 3", "asserted by the tests *_NeedsAtMostThreeDatabaseRoundTrips / NeedAtMostThreeDatabaseRoundTrips"));

        var table = LoadReport.Table(rows);
        var header = new StringBuilder();
        header.AppendLine(CultureInfo.InvariantCulture, $"* **Date:** {started:yyyy-MM-dd HH:mm} (machine clock); the command took {Clock.Elapsed.TotalMinutes.ToString("0.0", LoadReport.Format)} min");
        header.AppendLine(CultureInfo.InvariantCulture, $"* **Machine:** {machine.Describe(LoadReport.Format)}");
        header.AppendLine(CultureInfo.InvariantCulture, $"* **Load generator:** {wrkVersion}, 2 threads, on the same machine as the app and PostgreSQL; {options.Duration.TotalSeconds:0} s per measured run after {options.WarmUp.TotalSeconds:0} s warm-up per page; concurrencies {string.Join(", ", options.Connections)}");
        header.AppendLine(CultureInfo.InvariantCulture, $"* **Dataset (synthetic, own cluster):** {dataset}");
        header.AppendLine("* **Command:** `dotnet run -c Release --project src/SocialDomain.Benchmarks -- load`");

        Console.WriteLine();
        Console.WriteLine(header.ToString());
        Console.WriteLine(table);
        if (options.UpdateDocs)
        {
            var docs = Path.Combine(root, "docs", "performance.md");
            LoadReport.UpdateDocs(docs, header + "\n" + table);
            Log($"Updated {Path.GetRelativePath(root, docs)}.");
        }

        if (options.Keep || export.NotMeasuredReason is { } reason && !reason.StartsWith("skipped", StringComparison.Ordinal))
        {
            Log($"Done in {Clock.Elapsed.TotalMinutes:0.0} min. Logs: {work}");
        }
        else
        {
            // The app's request logs of a run are a few hundred MB; a failed run keeps them (the folder is printed at the start).
            TryDelete(work);
            Log($"Done in {Clock.Elapsed.TotalMinutes:0.0} min (logs removed; --keep keeps them).");
        }

        return 0;
    }

    public static void Log(string message) =>
        Console.WriteLine($"[{(int)Clock.Elapsed.TotalMinutes:00}:{Clock.Elapsed.Seconds:00}] {message}");

    private static async Task<string> EnsureWebBuildAsync(string root, CancellationToken cancellationToken)
    {
        var project = Path.Combine(root, "src", "SocialDomain.Web", "SocialDomain.Web.csproj");
        var dll = Path.Combine(root, "src", "SocialDomain.Web", "bin", "Release", "net10.0", "SocialDomain.Web.dll");
#if DEBUG
        const bool builtWithThisCommand = false;
#else
        const bool builtWithThisCommand = true;
#endif
        // "dotnet run -c Release" of this project has just built the Web project in Release (a project reference).
        if (builtWithThisCommand && File.Exists(dll))
        {
            return dll;
        }

        Log("Building the web app in Release…");
        var build = await ProcessRunner.RunAsync("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"], TimeSpan.FromMinutes(6),
            cancellationToken: cancellationToken);
        return build.Succeeded && File.Exists(dll) ? dll : throw new InvalidOperationException(build.Describe("dotnet build (Release) of the web app"));
    }

    private static async Task PreCheckAsync(AppUnderTest app, IEnumerable<PageSpec> specs, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.All };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var spec in specs)
        {
            var watch = Stopwatch.StartNew();
            using var first = await client.GetAsync(new Uri(spec.Path, UriKind.Relative), cancellationToken);
            var firstMs = watch.Elapsed.TotalMilliseconds;
            var body = await first.Content.ReadAsStringAsync(cancellationToken);
            if (first.StatusCode != HttpStatusCode.OK || !body.Contains(spec.Expect, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Pre-check of /{spec.Path}: status {(int)first.StatusCode}, expected 200 with '{spec.Expect}'. "
                    + $"App log:{Environment.NewLine}{AppUnderTest.Tail(app.LogFile)}");
            }

            watch.Restart();
            using var second = await client.GetAsync(new Uri(spec.Path, UriKind.Relative), cancellationToken);
            var cached = second.Headers.Age is not null ? "served from the output cache (Age header)" : "not cached";
            var cookies = first.Headers.Contains("Set-Cookie") ? ", sets a cookie" : string.Empty;
            var encoding = second.Content.Headers.ContentEncoding.Count > 0 ? $", {string.Join(',', second.Content.Headers.ContentEncoding)}-compressed" : string.Empty;
            Log($"  /{spec.Path}: 200, {body.Length / 1024.0:0.0} KB, first request {firstMs:0} ms, second {watch.Elapsed.TotalMilliseconds:0} ms, {cached}{encoding}{cookies}");
        }
    }

    private static async Task<IReadOnlyList<PageResult>> MeasurePagesAsync(
        AppUnderTest app, string wrk, (string Plain, string Delayed) scripts, IReadOnlyList<PageSpec> specs, LoadOptions options, CancellationToken cancellationToken)
    {
        var results = specs.Select(s => new PageResult(s)).ToList();
        Log($"Warm-up: {options.WarmUp.TotalSeconds:0} s per page at {options.Connections[^1]} connections (not measured)…");
        foreach (var result in results)
        {
            var warm = await Wrk.RunAsync(wrk, scripts.Plain, Url(app, result.Spec), options.Connections[^1], options.WarmUp, 0, BrowserHeaders, cancellationToken);
            result.WarmUpErrors += warm.Errors;
        }

        foreach (var connections in options.Connections)
        {
            foreach (var result in results)
            {
                var run = await Wrk.RunAsync(wrk, scripts.Plain, Url(app, result.Spec), connections, options.Duration, 0, BrowserHeaders, cancellationToken);
                result.Max[connections] = run;
                Log($"  {result.Spec.Name,-34} c={connections,-3} {run.RequestsPerSecond,9:N0} req/s  p50 {run.P50Micros / 1000,7:0.00} ms  "
                    + $"p95 {run.P95Micros / 1000,7:0.00} ms  p99 {run.P99Micros / 1000,7:0.00} ms  errors {run.Errors}");
            }
        }

        Log("Half of each page's maximum throughput (rate-limited by a per-connection delay)…");
        foreach (var result in results)
        {
            var target = result.Best.RequestsPerSecond / 2;
            // Enough connections that each waits ~25 ms between requests (wrk's delay() has millisecond resolution).
            var connections = (int)Math.Clamp(Math.Ceiling(target * 0.025), 2, 256);
            var delay = Math.Max(1, (int)Math.Round(1000.0 * connections / target));
            var run = await Wrk.RunAsync(wrk, scripts.Delayed, Url(app, result.Spec), connections, options.Duration, delay, BrowserHeaders, cancellationToken);
            var ratio = run.RequestsPerSecond / target;
            if (ratio is < 0.9 or > 1.1 && run.RequestsPerSecond > 0)
            {
                // Correct once: the cycle per connection is delay + latency; solve for the delay (or add connections).
                var latency = Math.Max(0, (connections / run.RequestsPerSecond) - (delay / 1000.0));
                var newDelay = (int)Math.Round(((connections / target) - latency) * 1000);
                if (newDelay < 5)
                {
                    connections = (int)Math.Clamp(Math.Ceiling(target * (latency + 0.02)), 2, 512);
                    newDelay = Math.Max(1, (int)Math.Round(((connections / target) - latency) * 1000));
                }

                Log($"  {result.Spec.Name,-34} first try {run.RequestsPerSecond:N0} req/s for a target of {target:N0}; retrying with {connections} × {newDelay} ms");
                run = await Wrk.RunAsync(wrk, scripts.Delayed, Url(app, result.Spec), connections, options.Duration, newDelay, BrowserHeaders, cancellationToken);
            }

            result.Half = run;
            result.HalfTarget = target;
            Log($"  {result.Spec.Name,-34} target {target,8:N0} req/s, achieved {run.RequestsPerSecond,8:N0} with {run.Connections} conn × {run.DelayMilliseconds} ms: "
                + $"p50 {run.P50Micros / 1000:0.00} ms  p95 {run.P95Micros / 1000:0.00} ms  p99 {run.P99Micros / 1000:0.00} ms  errors {run.Errors}");
        }

        if (app.HasExited)
        {
            throw new InvalidOperationException($"The app stopped during the load test; see {app.LogFile}");
        }

        return results;
    }

    /// <summary>
    /// For reference, without a goal: the overview as a client that does not accept compression gets it, and the three
    /// pages as a signed-in staff member gets them (never cached: the full database and rendering work per request).
    /// </summary>
    private static async Task<IReadOnlyList<ReportRow>> MeasureUncachedAsync(
        AppUnderTest app, string wrk, string script, IReadOnlyList<PageResult> pages, string? cookie, LoadOptions options, CancellationToken cancellationToken)
    {
        var rows = new List<ReportRow>();
        var baseline = pages.Single(p => p.Spec.IsBaseline);
        var overview = pages.Single(p => p.Spec.Path.Length == 0);
        var connections = overview.Best.Connections;
        var plain = await Wrk.RunAsync(wrk, script, Url(app, overview.Spec), connections, options.Duration, 0, [], cancellationToken);
        Log($"  {overview.Spec.Name + " (no Accept-Encoding)",-34} c={connections,-3} {plain.RequestsPerSecond,9:N0} req/s  p95 {plain.P95Micros / 1000,7:0.00} ms  errors {plain.Errors}");
        rows.Add(new ReportRow($"For reference: {overview.Spec.Name} for a client without Accept-Encoding (uncompressed), c={connections}",
            $"{LoadReport.Number(plain.RequestsPerSecond)} req/s ({(plain.RequestsPerSecond / baseline.Max[connections].RequestsPerSecond).ToString("0.00", LoadReport.Format)}× baseline); "
            + $"p50 / p95 / p99 {LoadReport.Millis(plain.P50Micros)} / {LoadReport.Millis(plain.P95Micros)} / {LoadReport.Millis(plain.P99Micros)}; errors {plain.Errors}",
            "–", "–"));

        if (cookie is null)
        {
            return rows;
        }

        const int staffConnections = 8;
        foreach (var page in pages.Where(p => !p.Spec.IsBaseline))
        {
            string[] headers = [.. BrowserHeaders, cookie];
            await Wrk.RunAsync(wrk, script, Url(app, page.Spec), staffConnections, TimeSpan.FromSeconds(3), 0, headers, cancellationToken);
            var run = await Wrk.RunAsync(wrk, script, Url(app, page.Spec), staffConnections, options.Duration, 0, headers, cancellationToken);
            Log($"  {page.Spec.Name + " (staff)",-34} c={staffConnections,-3} {run.RequestsPerSecond,9:N0} req/s  p50 {run.P50Micros / 1000,7:0.00} ms  "
                + $"p95 {run.P95Micros / 1000,7:0.00} ms  p99 {run.P99Micros / 1000,7:0.00} ms  errors {run.Errors}");
            rows.Add(new ReportRow($"For reference: {page.Spec.Name} signed in as staff (never cached), c={staffConnections}",
                $"{LoadReport.Number(run.RequestsPerSecond, run.RequestsPerSecond < 100 ? 1 : 0)} req/s; p50 / p95 / p99 {LoadReport.Millis(run.P50Micros)} / {LoadReport.Millis(run.P95Micros)} / {LoadReport.Millis(run.P99Micros)}; errors {run.Errors}",
                "–", "–"));
        }

        return rows;
    }

    private static Uri Url(AppUnderTest app, PageSpec spec) => new(app.BaseAddress, spec.Path);

    private static IEnumerable<ReportRow> PageRows(IReadOnlyList<PageResult> pages, LoadOptions options)
    {
        var f = LoadReport.Format;
        var baseline = pages.Single(p => p.Spec.IsBaseline);
        foreach (var page in pages)
        {
            var best = page.Best;
            var perConcurrency = string.Join("; ", options.Connections.Select(c =>
            {
                var run = page.Max[c];
                var ratio = run.RequestsPerSecond / baseline.Max[c].RequestsPerSecond;
                return page.Spec.IsBaseline
                    ? $"c={c}: {LoadReport.Number(run.RequestsPerSecond)} req/s"
                    : $"c={c}: {LoadReport.Number(run.RequestsPerSecond)} req/s ({ratio.ToString("0.00", f)}×)";
            }));
            if (page.Spec.IsBaseline)
            {
                yield return new ReportRow($"{page.Spec.Name}: throughput (one raw Npgsql query, minimal Razor page)", perConcurrency, "reference (1,00×)", "–");
            }
            else
            {
                var ratio = best.RequestsPerSecond / baseline.Best.RequestsPerSecond;
                yield return new ReportRow($"{page.Spec.Name}: throughput, × baseline (best concurrency of each)", $"{perConcurrency}; best {ratio.ToString("0.00", f)}×",
                    "≥ 0,30 × baseline", ratio >= 0.30 ? LoadReport.Met : LoadReport.Gap($"{ratio.ToString("0.00", f)}× (needs {(0.30 / ratio).ToString("0.0", f)}× more)"));
            }

            yield return new ReportRow($"{page.Spec.Name}: latency at max throughput (c={best.Connections}) p50 / p95 / p99",
                $"{LoadReport.Millis(best.P50Micros)} / {LoadReport.Millis(best.P95Micros)} / {LoadReport.Millis(best.P99Micros)}", "–", "–");
            if (page.Half is { } half)
            {
                yield return new ReportRow(
                    $"{page.Spec.Name}: p95 at half of max throughput (target {LoadReport.Number(page.HalfTarget)} req/s; achieved {LoadReport.Number(half.RequestsPerSecond)} with {half.Connections} conn. × {half.DelayMilliseconds} ms delay)",
                    $"{LoadReport.Millis(half.P95Micros)} (p50 {LoadReport.Millis(half.P50Micros)}, p99 {LoadReport.Millis(half.P99Micros)})",
                    "≤ 50 ms", half.P95Micros <= 50_000 ? LoadReport.Met : LoadReport.Gap($"{LoadReport.Millis(half.P95Micros)}"));
            }

            var runs = page.Max.Values.Concat(page.Half is null ? [] : [page.Half]).ToList();
            var errors = runs.Sum(r => r.Errors);
            var requests = runs.Sum(r => r.Requests);
            var detail = errors == 0 ? string.Empty
                : $" (non-2xx/3xx {runs.Sum(r => r.Non2xx)}, connect {runs.Sum(r => r.ConnectErrors)}, read {runs.Sum(r => r.ReadErrors)}, write {runs.Sum(r => r.WriteErrors)}, timeout {runs.Sum(r => r.Timeouts)})";
            var warm = page.WarmUpErrors == 0 ? string.Empty : $"; warm-up: {page.WarmUpErrors}";
            yield return new ReportRow($"{page.Spec.Name}: errors in the measured runs", $"{LoadReport.Number(errors)} of {LoadReport.Number(requests)} requests{detail}{warm}",
                "0", errors == 0 ? LoadReport.Met : LoadReport.Gap($"{errors} errors"));
        }
    }

    private static CalculationResult? MeasureCalculationLayer(string root, LoadOptions options, string work)
    {
        var docs = Path.Combine(root, "docs", "performance.md");
        var mode = options.Calc;
#if DEBUG
        if (mode is CalcMode.Auto or CalcMode.Run)
        {
            Log("This command was built in Debug; BenchmarkDotNet needs Release, so the documented calculation-layer figures are reused.");
            mode = CalcMode.Reuse;
        }
#endif
        if (mode == CalcMode.Auto)
        {
            mode = options.Budget - Clock.Elapsed > TimeSpan.FromMinutes(2.5) ? CalcMode.Run : CalcMode.Reuse;
        }

        if (mode == CalcMode.Run)
        {
            Log("Calculation layer: BenchmarkDotNet (ShortRun)…");
            var log = Path.Combine(work, "calculation-layer.log");
            var measured = CalculationLayer.Run(log, Log);
            if (measured is not null)
            {
                Log($"  {measured.BenchmarksMilliseconds:0.0} ms and {measured.KpisMilliseconds:0.0} ms (log: {log})");
                return measured;
            }

            mode = CalcMode.Reuse;
        }

        return mode == CalcMode.Reuse ? CalculationLayer.FromDocs(docs) : null;
    }

    private static IEnumerable<ReportRow> CalcRows(CalculationResult? calc)
    {
        if (calc is null)
        {
            yield return new ReportRow("Calculation layer (BenchmarkDotNet)", "not measured", "each < 1 s", "–");
            yield break;
        }

        var met = calc.BenchmarksMilliseconds < 1000 && calc.KpisMilliseconds < 1000;
        yield return new ReportRow("Calculation layer, mean per run: benchmarks 342 × 25 years × 7 fields / KPIs 500 × 40 quarters",
            $"{calc.BenchmarksMilliseconds.ToString("0.0", LoadReport.Format)} ms / {calc.KpisMilliseconds.ToString("0.0", LoadReport.Format)} ms ({calc.How})",
            "each < 1 s", met ? LoadReport.Met : LoadReport.Gap("over 1 s"));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log($"Could not remove {directory}: {ex.Message}");
        }
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocialDomain.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private sealed record PageSpec(string Name, string Path, string Expect, bool IsBaseline);

    private sealed class PageResult(PageSpec spec)
    {
        public PageSpec Spec { get; } = spec;

        public Dictionary<int, WrkResult> Max { get; } = [];

        public WrkResult Best => Max.Values.MaxBy(r => r.RequestsPerSecond)!;

        public WrkResult? Half { get; set; }

        public double HalfTarget { get; set; }

        public long WarmUpErrors { get; set; }
    }
}
