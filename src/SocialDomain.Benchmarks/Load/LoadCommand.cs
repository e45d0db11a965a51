using System.Diagnostics;
using System.Globalization;
using System.Text;
using SocialDomain.Web.Pages.Bench;

namespace SocialDomain.Benchmarks.Load;

/// <summary>
/// The whole-stack load benchmark (<c>dotnet run -c Release --project src/SocialDomain.Benchmarks -- load</c>):
/// <list type="number">
/// <item>a throwaway PostgreSQL cluster in a temp folder with the synthetic dataset (<see cref="SyntheticDataset"/>),
/// migrated and published with the app's own code;</item>
/// <item>the app's Release build in Production mode against it, with the baseline page on (<c>Benchmark__Enabled=true</c>);</item>
/// <item>wrk at fixed concurrencies against the baseline page (/bench/fortunes) and, anonymously (output cache) and
/// signed in as staff (never cached), the quarterly overview, a KPI page, the benchmark page and the overview at a
/// <c>?stand=</c> date: requests/s, p50/p95/p99, errors, and each page's throughput as a ratio to the baseline's in the
/// same run (<see cref="PageLoad"/>);</item>
/// <item>p95 at half of each page's maximum throughput. wrk2 (constant request rate) is not in Debian, so this is
/// approximated: every connection waits a fixed delay after each response (wrk's Lua <c>delay()</c>), with the
/// number of connections and the delay chosen so the offered rate is half the maximum; one corrective rerun when the
/// achieved rate is off by more than 10 %. This is a closed loop: a slow response delays the next request on its
/// connection, so tail latency can be understated against a true open-loop (wrk2) measurement.</item>
/// <item>the council report's PDF (<see cref="ReportBenchmark"/>);</item>
/// <item>growth: the signed-in overview, benchmark page and report at other dataset sizes (<see cref="GrowthBenchmark"/>);</item>
/// <item>the CSV export of the measurements (1,000,000 rows) against <c>psql \copy</c> of the same rows, in rounds,
/// with the app's peak VmRSS growth (<see cref="ExportBenchmark"/>);</item>
/// <item>the calculation-layer BenchmarkDotNet workloads;</item>
/// <item>one table, printed and written into docs/performance.md, and a line for its "what made it fast" table.</item>
/// </list>
/// Every step has a time limit; the whole command stays within <see cref="LoadOptions.Budget"/>.
/// </summary>
public static class LoadCommand
{
    private static readonly Stopwatch Clock = new();

    /// <summary>The arguments after "load", for the table's header (how to repeat the run).</summary>
    private static string _arguments = string.Empty;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        _arguments = string.Join(' ', args);
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
        // SIGTERM too (a background job ignores Ctrl+C's SIGINT): the cluster and the app are still cleaned up.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

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

    private static TimeSpan TimeLeft(LoadOptions options) => options.Budget - Clock.Elapsed;

    private static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot() ?? throw new InvalidOperationException("Run this from the repository (SocialDomain.sln not found).");
        var machine = MachineInfo.Read();
        var started = DateTimeOffset.Now;
        Log($"Load benchmark on {machine.Describe(CultureInfo.InvariantCulture)}; parts: {options.Parts}");
        var work = Directory.CreateTempSubdirectory("socialdomain-load-run-").FullName;
        Log($"Work folder (logs, scripts): {work}");

        var wrk = await Wrk.FindOrInstallAsync(Log, cancellationToken);
        var wrkVersion = (await ProcessRunner.RunAsync(wrk, ["-v"], TimeSpan.FromSeconds(10), cancellationToken: cancellationToken)).Output
            .Split('\n').FirstOrDefault(l => l.StartsWith("wrk", StringComparison.Ordinal))?.Split('[')[0].Trim() ?? "wrk";
        var scripts = Wrk.WriteScripts(work);
        var webDll = await EnsureWebBuildAsync(root, cancellationToken);
        var contentRoot = Path.Combine(root, "src", "SocialDomain.Web");

        var rows = new List<ReportRow>();
        var reportRows = new List<ReportRow>();
        var exportRows = new List<ReportRow>();
        var line = new BeforeAfterLine();
        string dataset;
        var password = StaffAccount.NewPassword();
        var staffEnvironment = new Dictionary<string, string>
        {
            ["Bootstrap__AdminUser"] = StaffAccount.UserName,
            ["Bootstrap__AdminPassword"] = password,
        };
        var apps = 0;
        Task<AppUnderTest> StartAppAsync(PreparedDatabase database, CancellationToken token)
        {
            var port = Web.Infrastructure.LocalPostgres.FreePort();
            Log($"Starting the app (Release, Production, Benchmark__Enabled=true) on 127.0.0.1:{port} against {database.Name}…");
            return AppUnderTest.StartAsync(webDll, contentRoot, database.ConnectionString, port, Path.Combine(work, $"app-{++apps}-{database.Name}.log"),
                staffEnvironment, TimeSpan.FromSeconds(90), token);
        }

        Log("Creating the benchmark cluster and database (separate from .local/pgdata and the seed data)…");
        using (var database = BenchDatabase.Create(options.Keep, m => Log("  " + m)))
        {
            Log($"  cluster {database.DataDirectory} on 127.0.0.1:{database.Port}");
            var main = await database.PrepareAsync(BenchDatabase.DatabaseName, SyntheticDataset.Default, Log, cancellationToken);
            dataset = main.Description;

            // One account object per database: the second factor set up by the first login is needed by the later ones.
            var staff = new StaffAccount(password);
            ReportMeasurement? mainPrint = null;
            GrowthContext? growthContext = null;
            GrowthResult? growth = null;
            if (options.Runs(LoadParts.Pages | LoadParts.Report | LoadParts.Growth))
            {
                await using var app = await StartAppAsync(main, cancellationToken);
                if (options.Hold)
                {
                    await HoldAsync(app, staff, cancellationToken);
                }

                if (options.Runs(LoadParts.Pages))
                {
                    rows.AddRange(await MeasureMainPagesAsync(app, staff, main, wrk, scripts, options, line, cancellationToken));
                }

                if (options.Runs(LoadParts.Report))
                {
                    Log("Council report PDF…");
                    mainPrint = await ReportBenchmark.RunAsync(app, "500 KPIs × 40 quarters (synthetic)", main.Shape.LastQuarter.ToString(), TimeSpan.FromSeconds(30),
                        options.ReportPrints, Log, cancellationToken);
                    reportRows.AddRange(mainPrint.Rows);
                }

                if (options.Runs(LoadParts.Growth))
                {
                    if (TimeLeft(options) > TimeSpan.FromMinutes(8))
                    {
                        growthContext = new GrowthContext(database, main, app, staff, StartAppAsync, password, wrk, scripts.Plain, options, mainPrint, () => TimeLeft(options), Log);
                        growth = await GrowthBenchmark.MeasureAsync(growthContext, cancellationToken);
                        reportRows.AddRange(growth.Rows);
                        line.History = growth.HistoryRatio;
                        line.CostPerKpi = growth.CostPerKpiRise;
                    }
                    else
                    {
                        reportRows.Add(new ReportRow("Growth (history, size, municipalities, report)", "skipped: time budget used up", "see issue 21", LoadReport.Gap("not measured")));
                    }
                }

                Log("Stopping the app…");
            }

            // The parts with goals first: the export, then the report of the seed data; the report per size (reference) last.
            if (options.Runs(LoadParts.Export))
            {
                var export = await MeasureExportAsync(database, main, StartAppAsync, staff, options, cancellationToken);
                exportRows.AddRange(export.Rows(options.ExportRows));
                line.Export = export.SlowerDialectRatio;
            }

            if (options.Runs(LoadParts.Report))
            {
                Log("Council report PDF of the seed (demo) data…");
                await using (var seedApp = await AppUnderTest.StartAsync(webDll, contentRoot, database.CreateSeedDatabase(),
                    Web.Infrastructure.LocalPostgres.FreePort(), Path.Combine(work, "app-seed.log"), new Dictionary<string, string> { ["Database__SeedOnStartup"] = "true" },
                    TimeSpan.FromSeconds(120), cancellationToken))
                {
                    reportRows.InsertRange(0, (await ReportBenchmark.RunAsync(seedApp, "seed data", "2020-K4", TimeSpan.FromSeconds(3), options.ReportPrints, Log, cancellationToken)).Rows);
                }
            }

            if (options.Runs(LoadParts.Report) && growth is not null && growthContext is not null)
            {
                reportRows.Add(TimeLeft(options) > TimeSpan.FromMinutes(3)
                    ? await GrowthBenchmark.PrintAsync(growthContext with { MainPrint = mainPrint }, growth.Databases, cancellationToken)
                    : new ReportRow("Council report PDF at 50, 500 and 2.000 KPIs", "skipped: time budget used up", "–", "–"));
            }
        }

        Log(options.Keep ? "Benchmark cluster stopped (folder kept)." : "Benchmark cluster stopped and removed.");
        rows.AddRange(reportRows);
        rows.AddRange(exportRows);
        if (options.Runs(LoadParts.Calc))
        {
            rows.AddRange(CalcRows(MeasureCalculationLayer(root, options, work)));
        }

        rows.Add(new ReportRow("Database round trips per page (public overview, KPI page, benchmark page)", "not measured by this command",
            "≤ 5 / ≤ 5 / ≤ 4", "asserted by Overview_NeedsAtMostFiveDatabaseRoundTrips, KpiPages_NeedAtMostFiveDatabaseRoundTrips, Benchmark_NeedsAtMostFourDatabaseRoundTrips"));

        var table = LoadReport.Table(rows);
        var header = new StringBuilder();
        header.AppendLine(CultureInfo.InvariantCulture, $"* **Date:** {started:yyyy-MM-dd HH:mm} (machine clock); the command took {Clock.Elapsed.TotalMinutes.ToString("0.0", LoadReport.Format)} min");
        header.AppendLine(CultureInfo.InvariantCulture, $"* **Machine:** {machine.Describe(LoadReport.Format)}");
        header.AppendLine(CultureInfo.InvariantCulture, $"* **Load generator:** {wrkVersion}, 2 threads, on the same machine as the app and PostgreSQL; {options.Duration.TotalSeconds:0} s per measured run after {options.WarmUp.TotalSeconds:0} s warm-up per page; concurrencies {string.Join(", ", options.Connections)}");
        header.AppendLine(CultureInfo.InvariantCulture, $"* **Dataset (synthetic, own cluster):** {dataset}");
        if (options.Runs(LoadParts.Growth))
        {
            header.AppendLine(CultureInfo.InvariantCulture, $"* **Growth datasets (same cluster, a database each, prepared the same way):** {GrowthBenchmark.Describe()}; {options.GrowthRounds} round(s) of {options.GrowthDuration.TotalSeconds:0} s per point, the best counts");
        }

        header.AppendLine(CultureInfo.InvariantCulture, $"* **Command:** `dotnet run -c Release --project src/SocialDomain.Benchmarks -- load{(_arguments.Length > 0 ? " " + _arguments : string.Empty)}`");

        Console.WriteLine();
        Console.WriteLine(header.ToString());
        Console.WriteLine(table);
        Console.WriteLine("Line for the table \"What made it fast (issue 21)\" in docs/performance.md (replace the step):");
        Console.WriteLine(line.Format());
        Console.WriteLine();
        if (options.UpdateDocs)
        {
            var docs = Path.Combine(root, "docs", "performance.md");
            LoadReport.UpdateDocs(docs, header + "\n" + table);
            Log($"Updated {Path.GetRelativePath(root, docs)}.");
        }

        if (options.Keep)
        {
            Log($"Done in {Clock.Elapsed.TotalMinutes:0.0} min. Logs: {work}");
        }
        else
        {
            // The app's request logs of a run are a few hundred MB.
            TryDelete(work);
            Log($"Done in {Clock.Elapsed.TotalMinutes:0.0} min (logs removed; --keep keeps them).");
        }

        return 0;
    }

    public static void Log(string message) =>
        Console.WriteLine($"[{(int)Clock.Elapsed.TotalMinutes:00}:{Clock.Elapsed.Seconds:00}] {message}");

    /// <summary>
    /// --hold: the prepared app stays up for profiling until Ctrl+C (which cancels the run and removes the cluster as
    /// usual); the signed-in staff cookie is printed for wrk or curl (<c>-H "Cookie: …"</c>).
    /// </summary>
    private static async Task HoldAsync(AppUnderTest app, StaffAccount staff, CancellationToken cancellationToken)
    {
        var cookie = await staff.LogInAsync(app.BaseAddress, cancellationToken);
        Log($"Holding: the app answers at {app.BaseAddress} (process {app.ProcessId}); signed in as {StaffAccount.UserName}:");
        Console.WriteLine(cookie);
        Log("Press Ctrl+C (or send SIGTERM) to stop.");
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>
    /// The main dataset's pages: the baseline; anonymously (from the output cache) the overview (its start page, one
    /// domain, every row), a KPI page, the benchmark page and the overview at a stand date; signed in as staff (never
    /// cached) the same six; and, for reference, the overview's start page for a client that does not accept compression.
    /// </summary>
    private static async Task<IReadOnlyList<ReportRow>> MeasureMainPagesAsync(
        AppUnderTest app, StaffAccount staff, PreparedDatabase main, string wrk, (string Plain, string Delayed) scripts, LoadOptions options, BeforeAfterLine line,
        CancellationToken cancellationToken)
    {
        var rows = new List<ReportRow>();
        string? cookie = null;
        try
        {
            cookie = await staff.LogInAsync(app.BaseAddress, cancellationToken);
            Log($"  signed in as {StaffAccount.UserName} (second factor set up with a computed TOTP code)");
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            Log($"  signing in as staff failed: {ex.Message}");
        }

        var kpi = SyntheticDataset.KpiCode(1);
        var kpiName = SyntheticDataset.KpiName(1);
        var stand = main.StandDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var standText = main.StandDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        (string Name, string Path, string[] Expect, double UncachedRatio, double UncachedP95)[] pages =
        [
            // Above 60 KPIs the overview shows the counts of every programme and domain, and the rows of the one chosen
            // (docs/adr/0019): its start page, one domain (KPI 1 is Wmo in programme 2: about 83 of the 500 rows), and
            // every row on one page as before.
            ("Kwartaaloverzicht /", string.Empty, ["Dit overzicht telt"], 0.02, 100),
            ("Kwartaaloverzicht, one domain /?programma=2&domein=wmo", "?programma=2&domein=wmo", [kpiName], 0.02, 100),
            ("Kwartaaloverzicht, every row /?programma=alle", "?programma=alle", [kpiName], 0.02, 100),
            ($"KPI page /kpis/{kpi}", $"kpis/{kpi}", [kpiName], 0.10, 0),
            ("Benchmark G40 /benchmark", "benchmark", ["Synthetische gemeente"], 0.05, 0),
            ($"Overview at a stand /?stand={stand}", $"?stand={stand}", ["Dit overzicht telt", standText], 0.02, 100),
        ];
        var specs = new List<PageSpec> { new("Baseline /bench/fortunes", "bench/fortunes", [FortunesModel.AddedMessage], PageKind.Baseline, []) };
        specs.AddRange(pages.Select(p => new PageSpec($"{p.Name} (anonymous)", p.Path, p.Expect, PageKind.Anonymous, [], 0.30, 50)));
        if (cookie is not null)
        {
            specs.AddRange(pages.Select(p => new PageSpec($"{p.Name} (signed in, uncached)", p.Path, [StaffAccount.SignedInMarker, .. p.Expect], PageKind.SignedIn, [cookie], p.UncachedRatio, p.UncachedP95)));
        }

        var results = await PageLoad.MeasureAsync(app, wrk, scripts, specs, options, Log, cancellationToken);
        rows.AddRange(PageLoad.Rows(results, options));
        if (cookie is null)
        {
            rows.AddRange(pages.Select(p => new ReportRow($"{p.Name} (signed in, uncached)", "not measured: signing in as staff failed (see the log)",
                $"≥ {p.UncachedRatio.ToString("0.00", LoadReport.Format)}× baseline", LoadReport.Gap("not measured"))));
        }

        var baseline = results.Single(p => p.Spec.IsBaseline);
        line.Baseline = baseline.Max.GetValueOrDefault(options.Connections[^1])?.RequestsPerSecond;
        foreach (var signedIn in results.Where(r => r.Spec.Kind == PageKind.SignedIn && r.Best.Requests > 0))
        {
            var ratio = signedIn.Best.RequestsPerSecond / baseline.Best.RequestsPerSecond;
            switch (signedIn.Spec.Path)
            {
                case "":
                    line.Overview = ratio;
                    line.OverviewHalfP95 = signedIn.Half?.P95Micros;
                    break;
                case "benchmark":
                    line.Benchmark = ratio;
                    break;
                default:
                    if (signedIn.Spec.Path.StartsWith("kpis/", StringComparison.Ordinal))
                    {
                        line.Kpi = ratio;
                    }

                    break;
            }
        }

        // For reference: the overview for a client that does not accept compression (anonymous, from the cache).
        var overview = results.Single(p => p.Spec.Kind == PageKind.Anonymous && p.Spec.Path.Length == 0);
        var connections = overview.Best.Connections;
        var plain = await Wrk.RunAsync(wrk, scripts.Plain, PageLoad.Url(app, overview.Spec), connections, options.Duration, 0, [], cancellationToken);
        Log($"  {overview.Spec.Name + " (no Accept-Encoding)",-58} c={connections,-3} {PageLoad.Describe(plain)}");
        rows.Add(new ReportRow($"For reference: {overview.Spec.Name} for a client without Accept-Encoding (uncompressed), c={connections}",
            $"{LoadReport.Number(plain.RequestsPerSecond)} req/s ({(plain.RequestsPerSecond / baseline.Max[connections].RequestsPerSecond).ToString("0.00", LoadReport.Format)}× baseline); "
            + $"p50 / p95 / p99 {LoadReport.Millis(plain.P50Micros)} / {LoadReport.Millis(plain.P95Micros)} / {LoadReport.Millis(plain.P99Micros)}; errors {plain.Errors}",
            "–", "–"));
        return rows;
    }

    /// <summary>
    /// Fills kpi_measurements up to the export's row count and measures the export on a fresh app (so that the memory
    /// it grows by is the export's, not what the load test left behind), signed in as Beheerder (second factor included).
    /// </summary>
    private static async Task<ExportResult> MeasureExportAsync(
        BenchDatabase database, PreparedDatabase main, Func<PreparedDatabase, CancellationToken, Task<AppUnderTest>> startApp, StaffAccount staff, LoadOptions options,
        CancellationToken cancellationToken)
    {
        var exportBudgetLeft = TimeLeft(options) - TimeSpan.FromMinutes(2.5);
        if (exportBudgetLeft <= TimeSpan.FromMinutes(1))
        {
            return ExportResult.NotRun("skipped: time budget used up");
        }

        Log("CSV export…");
        var fill = Stopwatch.StartNew();
        var added = await SyntheticDataset.AddExportMeasurementsAsync(main.ConnectionString, options.ExportRows, cancellationToken);
        await BenchDatabase.RebuildDerivedDataAsync(main.ConnectionString, Log, cancellationToken);
        Log($"  {added:N0} measurement rows added (binary COPY, {fill.Elapsed.TotalSeconds:0.0} s); kpi_measurements now holds {options.ExportRows:N0}");

        await using var exportApp = await startApp(main, cancellationToken);
        string? cookie = null;
        try
        {
            // When an earlier part set up the second factor, this login answers the code step with the same key.
            cookie = await staff.LogInAsync(exportApp.BaseAddress, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            Log($"  signing in as staff failed: {ex.Message}");
        }

        return await ExportBenchmark.RunAsync(exportApp, database, BenchDatabase.Psql, cookie, options.ExportRounds, TimeLeft(options) - TimeSpan.FromMinutes(2), Log,
            cancellationToken);
    }

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
}
