using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using SocialDomain.Web.Features.Kpis;

namespace SocialDomain.Benchmarks.Load;

/// <summary>One export run through the app: rows, bytes, time and the app's VmRSS before and at its peak.</summary>
public sealed record ExportRun(string Dialect, long Rows, long Bytes, TimeSpan Elapsed, long RssBefore, long RssPeak)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public double GrowthMegabytes => (RssPeak - RssBefore) / 1024.0 / 1024.0;
}

/// <summary>
/// The CSV export (both dialects) against psql's \copy of the same rows, in rounds (each: every dialect through the app,
/// then psql), or why it was not measured. Rates are medians over the rounds.
/// </summary>
public sealed record ExportResult(
    string? NotMeasuredReason, string Path = "", IReadOnlyList<ExportRun>? Runs = null, IReadOnlyList<(long Rows, TimeSpan Elapsed)>? Psql = null,
    long RssBeforeWarmUp = 0)
{
    /// <summary>The goal: the slower dialect reaches at least this share of psql's rows/s (medians).</summary>
    public const double Goal = 0.70;

    public static ExportResult NotRun(string reason) => new(reason);

    public double PsqlRowsPerSecond => ReportBenchmark.Median(Psql!.Select(p => p.Rows / p.Elapsed.TotalSeconds).ToList());

    public double MedianRowsPerSecond(string dialect) => ReportBenchmark.Median(Runs!.Where(r => r.Dialect == dialect).Select(r => r.RowsPerSecond).ToList());

    /// <summary>The goal's figure: the slower dialect's median rows/s against psql's median; null when not measured.</summary>
    public double? SlowerDialectRatio => NotMeasuredReason is null && Runs is { Count: > 0 } && Psql is { Count: > 0 }
        ? Runs.Select(r => r.Dialect).Distinct().Min(MedianRowsPerSecond) / PsqlRowsPerSecond
        : null;

    public IEnumerable<ReportRow> Rows(int expectedRows)
    {
        var what = $"CSV export of {LoadReport.Number(expectedRows)} measurement rows";
        var goal = $"≥ {Goal.ToString("0.00", LoadReport.Format)} × psql \\copy (slower dialect, medians)";
        if (SlowerDialectRatio is not { } ratio || Runs is null || Psql is null)
        {
            var reason = NotMeasuredReason ?? "no run";
            yield return new ReportRow($"{what}: rows/s against psql \\copy", reason, goal, "✖ not measured");
            yield return new ReportRow($"{what}: peak memory growth of the app", reason, "≤ 50 MB", "✖ not measured");
            yield break;
        }

        var f = LoadReport.Format;
        var psql = PsqlRowsPerSecond;
        var dialects = Runs.Select(r => r.Dialect).Distinct().ToList();
        var rounds = Psql.Count;
        var perDialect = string.Join("; ", dialects.Select(d =>
        {
            var runs = Runs.Where(r => r.Dialect == d).ToList();
            var median = MedianRowsPerSecond(d);
            return $"{d}: {LoadReport.Number(median)} rows/s ({(median / psql).ToString("0.00", f)}×; rounds {string.Join(" / ", runs.Select(r => LoadReport.Number(r.RowsPerSecond)))}; "
                + $"{LoadReport.Number(runs[0].Rows)} rows, {LoadReport.Number(runs[0].Bytes / 1024.0 / 1024.0, 1)} MB)";
        }));
        yield return new ReportRow($"{what}: GET {Path} (signed in as Beheerder) against psql \\copy of the same rows, same run, median of {rounds} round(s)",
            $"{perDialect}; psql {LoadReport.Number(psql)} rows/s (rounds {string.Join(" / ", Psql.Select(p => LoadReport.Number(p.Rows / p.Elapsed.TotalSeconds)))}; {LoadReport.Number(Psql[0].Rows)} rows)",
            goal, ratio >= Goal ? LoadReport.Met : LoadReport.Gap($"{ratio.ToString("0.00", f)}×"));
        var largest = Runs.MaxBy(r => r.GrowthMegabytes)!;
        yield return new ReportRow($"{what}: peak memory growth of the app during the export (VmRSS sampled every 10 ms; the largest of all runs)",
            $"{LoadReport.Number(largest.GrowthMegabytes, 1)} MB ({largest.Dialect}: from {LoadReport.Number(largest.RssBefore / 1048576.0, 1)} to {LoadReport.Number(largest.RssPeak / 1048576.0, 1)} MB); "
            + $"since the fresh app's first request, warm-up included: {LoadReport.Number((Runs.Max(r => r.RssPeak) - RssBeforeWarmUp) / 1048576.0, 1)} MB",
            "≤ 50 MB", largest.GrowthMegabytes <= 50 ? LoadReport.Met : LoadReport.Gap($"{LoadReport.Number(largest.GrowthMegabytes, 1)} MB"));
    }
}

/// <summary>
/// Measures the bulk measurements export (src/SocialDomain.Web/Exports: <c>/export/metingen.csv</c>, for controllers and
/// administrators) against <c>psql \copy</c> of the same rows in the same run, on a fresh app after the table has been
/// filled up (<see cref="SyntheticDataset.AddExportMeasurementsAsync"/>): a one-year export per dialect warms up the JIT
/// and the pools, psql copies the rows once unmeasured (cache), then in each round every dialect is exported and psql
/// copies the rows; the medians count. While the app exports, its VmRSS is sampled every 10 ms.
/// </summary>
public static class ExportBenchmark
{
    public const string ExportPath = "export/metingen.csv";

    public static async Task<ExportResult> RunAsync(
        AppUnderTest app, BenchDatabase database, string? psql, string? staffCookie, int rounds, TimeSpan budget, Action<string> log, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(budget);
        try
        {
            return await MeasureAsync(app, database, psql, staffCookie, rounds, log, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            log($"  export stopped: the time budget ({budget.TotalSeconds:0} s) ran out");
            return ExportResult.NotRun($"stopped after {budget.TotalSeconds:0} s: time budget used up");
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
        {
            var exited = app.HasExited ? $"; the app had stopped (exit code {app.ExitCode})" : string.Empty;
            log($"  export failed: {ex.Message}{exited}. Last lines of {app.LogFile}:{Environment.NewLine}{AppUnderTest.Tail(app.LogFile, 15)}");
            return ExportResult.NotRun($"export failed: {ex.Message}{exited}");
        }
    }

    private static async Task<ExportResult> MeasureAsync(
        AppUnderTest app, BenchDatabase database, string? psql, string? staffCookie, int rounds, Action<string> log, CancellationToken token)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        if (staffCookie is not null)
        {
            var separator = staffCookie.IndexOf(':', StringComparison.Ordinal);
            client.DefaultRequestHeaders.Add(staffCookie[..separator], staffCookie[(separator + 1)..].Trim());
        }

        // Is the endpoint there (another engineer is writing it)? Read the status and abandon the body.
        using (var probe = await client.GetAsync(new Uri(ExportPath + "?kpi=" + SyntheticDataset.KpiCode(1), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, token))
        {
            if (probe.StatusCode != HttpStatusCode.OK)
            {
                var location = probe.Headers.Location is { } l ? $" to {l}" : string.Empty;
                log($"  GET /{ExportPath}: {(int)probe.StatusCode}{location}; export endpoint not available");
                return ExportResult.NotRun($"export endpoint not available (GET /{ExportPath} as Beheerder answered {(int)probe.StatusCode}{location})");
            }
        }

        if (psql is null)
        {
            return ExportResult.NotRun("psql not found (Debian package postgresql-client)");
        }

        string[] dialects = ["excel", "rfc4180"];
        var rssBeforeWarmUp = app.ResidentBytes() ?? 0;
        foreach (var dialect in dialects)
        {
            // Both code paths reach their optimised JIT tier before anything counts (the first big export was otherwise
            // up to 2× slower than the second, whichever dialect came first).
            var warm = await ExportViaAppAsync(client, app, $"{ExportPath}?jaar={SyntheticDataset.Default.FirstMeasurementYear}&dialect={dialect}", dialect, token);
            log($"  app   warm-up {dialect,-8} (one year): {warm.Rows:N0} rows in {warm.Elapsed.TotalSeconds:0.00} s");
        }

        var query = PsqlQuery();
        var warmCopy = await ExportViaPsqlAsync(psql, database, query, token);
        log($"  psql  warm-up: {warmCopy.Rows:N0} rows in {warmCopy.Elapsed.TotalSeconds:0.00} s");
        var runs = new List<ExportRun>();
        var copies = new List<(long Rows, TimeSpan Elapsed)>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var dialect in dialects)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), token);
                var run = await ExportViaAppAsync(client, app, $"{ExportPath}?dialect={dialect}", dialect, token);
                log($"  round {round}: app {dialect,-8}: {run.Rows:N0} rows in {run.Elapsed.TotalSeconds:0.00} s = {run.RowsPerSecond:N0} rows/s; "
                    + $"VmRSS {run.RssBefore / 1048576.0:0.0} → peak {run.RssPeak / 1048576.0:0.0} MB");
                runs.Add(run);
            }

            var copy = await ExportViaPsqlAsync(psql, database, query, token);
            log($"  round {round}: psql \\copy      {copy.Rows:N0} rows in {copy.Elapsed.TotalSeconds:0.00} s = {copy.Rows / copy.Elapsed.TotalSeconds:N0} rows/s");
            copies.Add(copy);
        }

        return new ExportResult(null, "/" + ExportPath + "?dialect=…", runs, copies, rssBeforeWarmUp);
    }

    private static async Task<ExportRun> ExportViaAppAsync(HttpClient client, AppUnderTest app, string path, string dialect, CancellationToken cancellationToken)
    {
        var rssBefore = app.ResidentBytes() ?? 0;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = app.SamplePeakResidentBytesAsync(TimeSpan.FromMilliseconds(10), sampling.Token);
        var watch = Stopwatch.StartNew();
        long lines = 0;
        long bytes = 0;
        using (var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    bytes += read;
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var elapsed = watch.Elapsed;
        await sampling.CancelAsync();
        var peak = await sampler;
        // The header line is not a row. (Synthetic rows hold no line breaks inside fields.)
        return new ExportRun(dialect, Math.Max(0, lines - 1), bytes, elapsed, rssBefore, peak);
    }

    private static async Task<(long Rows, TimeSpan Elapsed)> ExportViaPsqlAsync(string psql, BenchDatabase database, string query, CancellationToken cancellationToken)
    {
        var copy = $"\\copy ({query}) TO '/dev/null' WITH (FORMAT csv, HEADER)";
        var result = await ProcessRunner.RunAsync(psql,
            ["-h", "127.0.0.1", "-p", database.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", BenchDatabase.DatabaseName, "-X", "-v", "ON_ERROR_STOP=1", "-c", copy],
            TimeSpan.FromMinutes(3), cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Describe("psql \\copy"));
        }

        // psql prints "COPY <n>".
        var line = result.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("COPY ", StringComparison.Ordinal));
        var rows = line is null ? 0 : long.Parse(line[5..], CultureInfo.InvariantCulture);
        return (rows, result.Elapsed);
    }

    /// <summary>
    /// The export's own SELECT and order, read from the export code so the two sides
    /// always do the same database work; psql then writes the raw values as CSV.
    /// </summary>
    private static string PsqlQuery()
    {
        var select = typeof(MeasurementDataset).GetField("Select", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as string
            ?? throw new InvalidOperationException("MeasurementDataset.Select not found; update ExportBenchmark.PsqlQuery to the export's query.");
        // The bulk export has no filter for staff (unpublished quarters included) and this order.
        return string.Join(' ', select.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()))
            + " ORDER BY k.code COLLATE \"C\", m.year, m.quarter NULLS FIRST";
    }
}
