using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SocialDomain.Benchmarks.Load;

/// <summary>The report part's rows, and the median print time and size (null when it was not measured).</summary>
public sealed record ReportMeasurement(IReadOnlyList<ReportRow> Rows, double? MedianSeconds, long Bytes);

/// <summary>
/// The council report's PDF (issue 20): the time to produce it (median of the measured prints after one warm-up that
/// starts the browser), and the latency of a small page requested during the last measured print against the same page
/// when idle ("without blocking other requests"). The growth part uses <see cref="PrintTimeAsync"/> per dataset size.
/// </summary>
public static class ReportBenchmark
{
    /// <summary>The page requested next to the print: the baseline page, so the figure is the app's, not a page's work.</summary>
    private const string ProbePath = "bench/fortunes";

    public static async Task<ReportMeasurement> RunAsync(
        AppUnderTest app, string label, string quarter, TimeSpan goal, int prints, Action<string> log, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var path = $"rapportage/{quarter}.pdf";
        try
        {
            var warmUp = await TimeAsync(client, path, cancellationToken);
            log($"  {label}: first PDF (starts the browser) {warmUp.Seconds:0.0} s, {warmUp.Bytes / 1024:N0} KB");

            // The measured prints; the baseline page is probed during the last one ("without blocking other requests").
            var idle = await ProbeAsync(client, 40, null, cancellationToken);
            var times = new List<double>();
            (double P50, double P95, int Count) during = default;
            for (var i = 0; i < prints; i++)
            {
                var print = TimeAsync(client, path, cancellationToken);
                if (i == prints - 1)
                {
                    during = await ProbeAsync(client, 400, print, cancellationToken);
                }

                times.Add((await print).Seconds);
            }

            var median = Median(times);
            var measured = prints == 1 ? "1 print" : $"median of {prints}: {string.Join(" / ", times.Select(t => LoadReport.Number(t, 1)))} s";
            var allowed = Math.Max(2 * idle.P95, idle.P95 + 50);
            return new ReportMeasurement(
            [
                new($"Council report PDF, {label} ({quarter})", $"{LoadReport.Number(median, 1)} s ({measured}; {warmUp.Bytes / 1024:N0} KB)",
                    $"≤ {goal.TotalSeconds:0} s", median <= goal.TotalSeconds ? LoadReport.Met : LoadReport.Gap($"{LoadReport.Number(median / goal.TotalSeconds, 1)}× the goal")),
                new($"Page latency while the report of {label} is printed (/{ProbePath})",
                    $"p50 {LoadReport.Number(during.P50, 1)} ms, p95 {LoadReport.Number(during.P95, 1)} ms over {during.Count} requests; idle p50 {LoadReport.Number(idle.P50, 1)} ms, p95 {LoadReport.Number(idle.P95, 1)} ms",
                    "p95 ≤ max(2× idle p95, idle p95 + 50 ms)", during.P95 <= allowed ? LoadReport.Met : LoadReport.Gap($"p95 {LoadReport.Number(during.P95, 1)} ms > {LoadReport.Number(allowed, 1)} ms")),
            ], median, warmUp.Bytes);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            log($"  {label}: report not measured: {ex.Message}");
            return new ReportMeasurement(
                [new ReportRow($"Council report PDF, {label} ({quarter})", $"not measured: {ex.Message}", $"≤ {goal.TotalSeconds:0} s", LoadReport.Gap("not measured"))], null, 0);
        }
    }

    /// <summary>
    /// The print time of the report of <paramref name="quarter"/> for the growth part: a first print (it starts the
    /// browser) and, when that took less than <paramref name="repeatBelow"/>, a second one that counts; a slower first
    /// print counts itself (<c>FirstCounts</c>), so that the largest size does not cost two long prints.
    /// </summary>
    public static async Task<(double Seconds, long Bytes, bool FirstCounts, string? Failure)> PrintTimeAsync(
        AppUnderTest app, string quarter, TimeSpan repeatBelow, Action<string> log, string label, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var path = $"rapportage/{quarter}.pdf";
        try
        {
            var first = await TimeAsync(client, path, cancellationToken);
            log($"  {label}: first PDF (starts the browser) {first.Seconds:0.0} s, {first.Bytes / 1024:N0} KB");
            if (first.Seconds >= repeatBelow.TotalSeconds)
            {
                return (first.Seconds, first.Bytes, true, null);
            }

            var second = await TimeAsync(client, path, cancellationToken);
            log($"  {label}: second PDF {second.Seconds:0.0} s");
            return (second.Seconds, second.Bytes, false, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            log($"  {label}: report not measured: {ex.Message}");
            return (0, 0, false, ex.Message);
        }
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int _request;

    /// <summary>One print: a query parameter the page ignores keeps the output cache from answering instead.</summary>
    private static async Task<(double Seconds, long Bytes)> TimeAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        path += "?meting=" + Interlocked.Increment(ref _request).ToString(CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/pdf")
        {
            throw new InvalidOperationException($"GET /{path} gave {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        }

        return (watch.Elapsed.TotalSeconds, bytes.LongLength);
    }

    /// <summary>Sequential requests of the probe page: <paramref name="count"/> of them, or until <paramref name="until"/> completes.</summary>
    private static async Task<(double P50, double P95, int Count)> ProbeAsync(HttpClient client, int count, Task? until, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        while (latencies.Count < count && (until is null || !until.IsCompleted || latencies.Count < 5))
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(ProbePath, UriKind.Relative), cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return (At(0.5), At(0.95), latencies.Count);
    }
}
