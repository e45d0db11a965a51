using System.Diagnostics;
using System.Net;

namespace SocialDomain.Benchmarks.Load;

/// <summary>How a page is requested: the baseline, anonymously (served from the output cache), or signed in (never cached).</summary>
public enum PageKind
{
    Baseline,
    Anonymous,
    SignedIn,
}

/// <summary>
/// A page under load: its name in the table, path (relative, with query), texts its 200 must contain, extra request
/// headers (the staff cookie), and its goals: the least throughput as a multiple of the baseline's (0 = none) and the
/// highest p95 at half of its maximum throughput (0 = none).
/// </summary>
public sealed record PageSpec(
    string Name, string Path, IReadOnlyList<string> Expect, PageKind Kind, IReadOnlyList<string> Headers, double MinRatio = 0, double HalfP95GoalMs = 0)
{
    public bool IsBaseline => Kind == PageKind.Baseline;

    /// <summary>The headers wrk sends: what a browser sends (compression) plus the page's own.</summary>
    public IReadOnlyList<string> WrkHeaders => [.. PageLoad.BrowserHeaders, .. Headers];
}

/// <summary>A page's runs: one at maximum throughput per concurrency, one at half of its best.</summary>
public sealed class PageResult(PageSpec spec)
{
    public PageSpec Spec { get; } = spec;

    public Dictionary<int, WrkResult> Max { get; } = [];

    public WrkResult Best => Max.Values.MaxBy(r => r.RequestsPerSecond)!;

    public WrkResult? Half { get; set; }

    public double HalfTarget { get; set; }

    public long WarmUpErrors { get; set; }

    /// <summary>Whether the pre-check's second request came from the output cache (an Age header).</summary>
    public bool Cached { get; set; }
}

/// <summary>
/// The wrk part of the load test: pre-check (every URL 200 without a redirect, with its expected text), warm-up,
/// maximum throughput at each fixed concurrency (pages interleaved per concurrency), and p95 at half of each page's
/// maximum (see <see cref="LoadCommand"/> for the method); and the table rows with goals.
/// </summary>
public static class PageLoad
{
    /// <summary>What a browser sends; the cached dashboard pages are stored and served compressed (see docs/performance.md).</summary>
    public static readonly string[] BrowserHeaders = ["Accept-Encoding: gzip, deflate, br"];

    /// <summary>
    /// Requests every page twice and fails unless each answers 200 without a redirect (wrk counts a 3xx as success) with
    /// its expected texts; returns per path whether the second answer came from the output cache.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, bool>> PreCheckAsync(
        AppUnderTest app, IEnumerable<PageSpec> specs, Action<string> log, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.All };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var cached = new Dictionary<string, bool>();
        foreach (var spec in specs)
        {
            var watch = Stopwatch.StartNew();
            using var first = await GetAsync(client, spec, cancellationToken);
            var firstMs = watch.Elapsed.TotalMilliseconds;
            var body = await first.Content.ReadAsStringAsync(cancellationToken);
            var missing = spec.Expect.Where(e => !body.Contains(e, StringComparison.Ordinal)).ToList();
            if (first.StatusCode != HttpStatusCode.OK || missing.Count > 0)
            {
                var location = first.Headers.Location is { } l ? $" to {l}" : string.Empty;
                throw new InvalidOperationException($"Pre-check of {spec.Name} (/{spec.Path}): status {(int)first.StatusCode}{location}, expected 200 with "
                    + $"{string.Join(", ", spec.Expect.Select(e => $"'{e}'"))}{(missing.Count > 0 && first.StatusCode == HttpStatusCode.OK ? $" ('{missing[0]}' missing)" : string.Empty)}. "
                    + $"App log:{Environment.NewLine}{AppUnderTest.Tail(app.LogFile)}");
            }

            watch.Restart();
            using var second = await GetAsync(client, spec, cancellationToken);
            await second.Content.ReadAsByteArrayAsync(cancellationToken);
            cached[spec.Path + "|" + spec.Kind] = second.Headers.Age is not null;
            var how = second.Headers.Age is not null ? "served from the output cache (Age header)" : "not cached";
            var cookies = first.Headers.Contains("Set-Cookie") ? ", sets a cookie" : string.Empty;
            var encoding = second.Content.Headers.ContentEncoding.Count > 0 ? $", {string.Join(',', second.Content.Headers.ContentEncoding)}-compressed" : string.Empty;
            log($"  {spec.Name}: 200, {body.Length / 1024.0:0.0} KB, first request {firstMs:0} ms, second {watch.Elapsed.TotalMilliseconds:0} ms, {how}{encoding}{cookies}");
        }

        return cached;
    }

    /// <summary>Warm-up, maximum throughput per concurrency and p95 at half of the maximum, for every page.</summary>
    public static async Task<IReadOnlyList<PageResult>> MeasureAsync(
        AppUnderTest app, string wrk, (string Plain, string Delayed) scripts, IReadOnlyList<PageSpec> specs, LoadOptions options, Action<string> log,
        CancellationToken cancellationToken)
    {
        var cached = await PreCheckAsync(app, specs, log, cancellationToken);
        var results = specs.Select(s => new PageResult(s) { Cached = cached[s.Path + "|" + s.Kind] }).ToList();
        log($"Warm-up: {options.WarmUp.TotalSeconds:0} s per page at {options.Connections[^1]} connections (not measured)…");
        foreach (var result in results)
        {
            var warm = await Wrk.RunAsync(wrk, scripts.Plain, Url(app, result.Spec), options.Connections[^1], options.WarmUp, 0, result.Spec.WrkHeaders, cancellationToken);
            result.WarmUpErrors += warm.Errors;
            await SettleAsync(warm, cancellationToken);
        }

        foreach (var connections in options.Connections)
        {
            foreach (var result in results)
            {
                var run = await Wrk.RunAsync(wrk, scripts.Plain, Url(app, result.Spec), connections, options.Duration, 0, result.Spec.WrkHeaders, cancellationToken);
                result.Max[connections] = run;
                log($"  {result.Spec.Name,-58} c={connections,-3} {Describe(run)}");
                await SettleAsync(run, cancellationToken);
            }
        }

        log("Half of each page's maximum throughput (rate-limited by a per-connection delay)…");
        foreach (var result in results.Where(r => r.Best.Requests > 0))
        {
            var target = result.Best.RequestsPerSecond / 2;
            result.Half = await HalfLoadAsync(app, wrk, scripts.Delayed, result, target, options, log, cancellationToken);
            await SettleAsync(result.Half, cancellationToken);
            result.HalfTarget = target;
            log($"  {result.Spec.Name,-58} target {target,8:N0} req/s, achieved {result.Half.RequestsPerSecond,8:N0} with {result.Half.Connections} conn × "
                + $"{result.Half.DelayMilliseconds} ms: {Describe(result.Half)}");
        }

        return app.HasExited ? throw new InvalidOperationException($"The app stopped during the load test; see {app.LogFile}") : results;
    }

    /// <summary>One wrk run's figures for the log.</summary>
    public static string Describe(WrkResult run) =>
        $"{run.RequestsPerSecond,9:N1} req/s  p50 {run.P50Micros / 1000,7:0.00} ms  p95 {run.P95Micros / 1000,7:0.00} ms  p99 {run.P99Micros / 1000,7:0.00} ms  "
        + $"errors {run.Errors}";

    public static Uri Url(AppUnderTest app, PageSpec spec) => new(app.BaseAddress, spec.Path);

    /// <summary>
    /// After a run of a slow page: the requests wrk abandoned at its end are still being rendered by the app; wait about
    /// as long as one took (the run's p50, at most 5 s), so that their work does not land in the next page's run.
    /// </summary>
    public static Task SettleAsync(WrkResult run, CancellationToken cancellationToken)
    {
        var p50 = run.Requests == 0 ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(run.P50Micros / 1000);
        return p50 < TimeSpan.FromMilliseconds(50) ? Task.CompletedTask : Task.Delay(p50 < TimeSpan.FromSeconds(5) ? p50 : TimeSpan.FromSeconds(5), cancellationToken);
    }

    /// <summary>The table rows of the measured pages: throughput against the baseline, p95 at half load, errors.</summary>
    public static IEnumerable<ReportRow> Rows(IReadOnlyList<PageResult> pages, LoadOptions options)
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
                return page.Spec.IsBaseline || run.Requests == 0
                    ? $"c={c}: {Rate(run.RequestsPerSecond)} req/s"
                    : $"c={c}: {Rate(run.RequestsPerSecond)} req/s ({Ratio(ratio)}×)";
            }));
            var latency = $"at c={best.Connections} p50 / p95 / p99 {LoadReport.Millis(best.P50Micros)} / {LoadReport.Millis(best.P95Micros)} / {LoadReport.Millis(best.P99Micros)}";
            if (page.Spec.IsBaseline)
            {
                yield return new ReportRow($"{page.Spec.Name}: throughput (one raw Npgsql query, minimal Razor page)", $"{perConcurrency}; {latency}", "reference (1,00×)", "–");
            }
            else if (best.Requests == 0)
            {
                yield return new ReportRow($"{page.Spec.Name}: throughput, × baseline (best concurrency of each)",
                    $"no request completed within a run ({perConcurrency})", page.Spec.MinRatio > 0 ? $"≥ {page.Spec.MinRatio.ToString("0.00", f)}× baseline" : "–",
                    LoadReport.Gap("not measured"));
            }
            else
            {
                var ratio = best.RequestsPerSecond / baseline.Best.RequestsPerSecond;
                var cache = page.Spec.Kind == PageKind.Anonymous && !page.Cached ? " (not served from the output cache)" : string.Empty;
                var goal = page.Spec.MinRatio > 0 ? $"≥ {page.Spec.MinRatio.ToString("0.00", f)}× baseline" : "–";
                var verdict = page.Spec.MinRatio <= 0 ? "–"
                    : ratio >= page.Spec.MinRatio ? LoadReport.Met
                    : LoadReport.Gap($"{Ratio(ratio)}× (needs {(page.Spec.MinRatio / ratio).ToString("0.0", f)}× more)");
                yield return new ReportRow($"{page.Spec.Name}: throughput, × baseline (best concurrency of each)",
                    $"{perConcurrency}; best {Ratio(ratio)}×{cache}; {latency}", goal, verdict);
            }

            if (page.Half is { Requests: > 0 } half)
            {
                var goalMs = page.Spec.HalfP95GoalMs;
                yield return new ReportRow(
                    $"{page.Spec.Name}: p95 at half of max throughput (target {Rate(page.HalfTarget)} req/s; achieved {Rate(half.RequestsPerSecond)} with {half.Connections} conn. × {half.DelayMilliseconds} ms delay)",
                    $"{LoadReport.Millis(half.P95Micros)} (p50 {LoadReport.Millis(half.P50Micros)}, p99 {LoadReport.Millis(half.P99Micros)})",
                    goalMs > 0 ? $"≤ {goalMs:0} ms" : "–",
                    goalMs <= 0 ? "–" : half.P95Micros <= goalMs * 1000 ? LoadReport.Met : LoadReport.Gap(LoadReport.Millis(half.P95Micros)));
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

    /// <summary>Requests/s with one decimal below 100 (slow uncached pages), whole above.</summary>
    public static string Rate(double requestsPerSecond) => LoadReport.Number(requestsPerSecond, requestsPerSecond < 100 ? 1 : 0);

    /// <summary>A ratio with two decimals, three below 0,1 (an uncached page against the baseline).</summary>
    public static string Ratio(double ratio) => ratio.ToString(ratio < 0.1 ? "0.000" : "0.00", LoadReport.Format);

    private static async Task<WrkResult> HalfLoadAsync(
        AppUnderTest app, string wrk, string script, PageResult result, double target, LoadOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        // Enough connections that each waits ~25 ms between requests (wrk's delay() has millisecond resolution).
        var connections = (int)Math.Clamp(Math.Ceiling(target * 0.025), 2, 256);
        var delay = Math.Max(1, (int)Math.Round(1000.0 * connections / target));
        var run = await Wrk.RunAsync(wrk, script, Url(app, result.Spec), connections, options.Duration, delay, result.Spec.WrkHeaders, cancellationToken);
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

            log($"  {result.Spec.Name,-58} first try {run.RequestsPerSecond:N0} req/s for a target of {target:N0}; retrying with {connections} × {newDelay} ms");
            run = await Wrk.RunAsync(wrk, script, Url(app, result.Spec), connections, options.Duration, newDelay, result.Spec.WrkHeaders, cancellationToken);
        }

        return run;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, PageSpec spec, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(spec.Path, UriKind.Relative));
        foreach (var header in spec.Headers)
        {
            var separator = header.IndexOf(':', StringComparison.Ordinal);
            request.Headers.TryAddWithoutValidation(header[..separator], header[(separator + 1)..].Trim());
        }

        return await client.SendAsync(request, cancellationToken);
    }
}
