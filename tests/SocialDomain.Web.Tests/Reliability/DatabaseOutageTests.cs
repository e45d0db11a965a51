using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>
/// Stops and restarts a cluster of its own while four workers keep requesting the dashboard: during
/// the outage every page is the Dutch 503 page (never a 500 or a stack trace), readiness is unhealthy
/// and liveness is not, and within five seconds of the restart pages work again without restarting
/// the app (broken pooled connections are retried on a fresh connection).
/// </summary>
[Collection(DatabaseCollection.Name)]
public class DatabaseOutageTests(ITestOutputHelper output)
{
    private const int Workers = 4;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task DatabaseRestart_UnderLoad_Gives503sDuringTheOutage_AndRecoversWithinFiveSeconds()
    {
        var cluster = TestDatabase.StartThrowawayCluster();
        try
        {
            var connectionString = await ReliabilitySupport.CreateDatabaseAsync(cluster.ConnectionString("postgres"), "outage", seed: true);
            await using var factory = new DashboardFactory(connectionString);
            using var client = factory.CreateClient();
            client.Timeout = TimeSpan.FromSeconds(30);
            // /kpis reads the database on every request (the anonymous overview is served from the output cache).
            (await client.GetAsync(ReliabilitySupport.Uncached("/kpis"))).StatusCode.Should().Be(HttpStatusCode.OK, "the app works before the outage");

            var clock = Stopwatch.StartNew();
            var samples = new ConcurrentQueue<Sample>();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
            {
                // Bounded: the workers stop when told to, or after a hard limit whatever happens.
                while (!stop.IsCancellationRequested && clock.Elapsed < TimeSpan.FromSeconds(40))
                {
                    var started = clock.Elapsed;
                    using var response = await client.GetAsync(ReliabilitySupport.Uncached("/kpis"));
                    var body = await response.Content.ReadAsStringAsync();
                    samples.Enqueue(new Sample(started, clock.Elapsed, (int)response.StatusCode,
                        body.Contains(ReliabilitySupport.UnavailableText, StringComparison.Ordinal), ReliabilitySupport.ShowsInternals(body)));
                }
            })).ToArray();

            await Task.Delay(WarmUp);
            var stopping = clock.Elapsed;
            await Task.Run(cluster.Stop);
            var stopped = clock.Elapsed;

            await Task.Delay(Outage / 2);
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            await Task.Delay(Outage / 2);

            var starting = clock.Elapsed;
            await Task.Run(cluster.Start);
            var started = clock.Elapsed;
            await Task.Delay(AfterStart);
            await stop.CancelAsync();
            await Task.WhenAll(load);
            using var readyAfter = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            var all = samples.ToList();
            var duringOutage = all.Where(s => s.Started >= stopped && s.Finished <= starting).ToList();
            var recovery = all.Where(s => s.Started >= started && s.Status == 200).OrderBy(s => s.Finished).FirstOrDefault();
            var afterRecovery = recovery is null ? [] : all.Where(s => s.Started >= recovery.Finished).ToList();
            var recoveryTime = recovery is null ? (TimeSpan?)null : recovery.Finished - started;

            output.WriteLine($"Requests in total: {all.Count}; by status: {string.Join(", ", all.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}");
            output.WriteLine($"Stop took {Ms(stopped - stopping)}, start took {Ms(started - starting)}.");
            output.WriteLine($"Requests during the outage: {duringOutage.Count} ({duringOutage.Count(s => s.Status == 503)} × 503, "
                + $"{duringOutage.Count(s => s.HasUnavailableText)} with the Dutch page); slowest {Ms(duringOutage.Select(s => s.Finished - s.Started).DefaultIfEmpty().Max())}.");
            output.WriteLine($"Recovery time after start: {(recoveryTime is { } r ? Ms(r) : "none")}; "
                + $"5xx after recovery: {afterRecovery.Count(s => s.Status >= 500)} of {afterRecovery.Count}.");
            output.WriteLine($"/health/ready during the outage: {(int)ready.StatusCode}, /health/live: {(int)live.StatusCode}, /health/ready after: {(int)readyAfter.StatusCode}.");

            all.Should().OnlyContain(s => s.Status == 200 || s.Status == 503, "a database outage is a 503, never a 500");
            all.Should().NotContain(s => s.ShowsInternals, "no response shows a stack trace or exception");
            duringOutage.Should().NotBeEmpty();
            duringOutage.Should().OnlyContain(s => s.Status == 503 && s.HasUnavailableText);
            ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            live.StatusCode.Should().Be(HttpStatusCode.OK);
            recoveryTime.Should().NotBeNull().And.BeLessThan(RecoveryLimit);
            afterRecovery.Should().NotBeEmpty().And.OnlyContain(s => s.Status == 200, "once a request succeeds, the pool holds no broken connections");
            readyAfter.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            cluster.Stop();
            TestDatabase.RemoveQuietly(cluster.DataDirectory);
        }
    }

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private sealed record Sample(TimeSpan Started, TimeSpan Finished, int Status, bool HasUnavailableText, bool ShowsInternals);
}
