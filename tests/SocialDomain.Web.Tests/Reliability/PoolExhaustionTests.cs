using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialDomain.Web.Data;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>
/// Requests beyond the pool's capacity and statements that run too long fail fast with the 503 page
/// instead of piling up, and afterwards every connection is back in the pool.
/// </summary>
public class PoolExhaustionTests(TestDatabase database, ITestOutputHelper output) : DatabaseTest(database)
{
    // A page that reads the database on every request: anonymous overview requests are served from the output cache.
    private static Uri Home => ReliabilitySupport.Uncached("/kpis");

    [Fact]
    public async Task ThirdRequest_WithBothPoolSlotsHeldBySlowRequests_Gets503WithinFiveSeconds_AndNothingLeaks()
    {
        // Application Name marks this pool's connections in pg_stat_activity.
        var connectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionString)
        {
            MaxPoolSize = 2,
            ApplicationName = "pool-exhaustion-test",
        }.ConnectionString;
        var gate = new GateInterceptor(holders: 2);
        await using var factory = WithInterceptor(new DashboardFactory(connectionString), gate);
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        (await client.GetAsync(Home)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Two slow requests: each has opened a connection and waits inside its first query.
        gate.Close();
        var slow = new[] { client.GetAsync(Home), client.GetAsync(Home) };
        (await gate.WaitForHoldersAsync(TimeSpan.FromSeconds(15))).Should().BeTrue("both slow requests hold a pooled connection");

        var clock = Stopwatch.StartNew();
        using var third = await client.GetAsync(Home);
        var elapsed = clock.Elapsed;
        var body = await third.Content.ReadAsStringAsync();
        output.WriteLine($"Third request: {(int)third.StatusCode} after {elapsed.TotalMilliseconds:0} ms (pool wait limit {DatabaseConnectionDefaults.ConnectTimeoutSeconds} s).");

        third.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain(ReliabilitySupport.UnavailableText);
        third.Headers.RetryAfter.Should().NotBeNull();
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5)).And.BeGreaterThan(TimeSpan.FromSeconds(DatabaseConnectionDefaults.ConnectTimeoutSeconds - 1),
            "it waited for a free connection once, without retrying the time-out");

        gate.Open();
        foreach (var response in await Task.WhenAll(slow))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK, "the slow requests finish normally");
        }

        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(Home)).StatusCode.Should().Be(HttpStatusCode.OK, "every connection went back to the pool");
        }

        var open = await ConnectionsAsync("pool-exhaustion-test");
        output.WriteLine($"Connections of the pool afterwards: {open.Count} ({string.Join(", ", open)}).");
        open.Should().HaveCountLessThanOrEqualTo(2).And.OnlyContain(state => state == "idle");
    }

    [Fact]
    public async Task SlowStatement_IsCancelledByStatementTimeout_AndAnswered503()
    {
        // An explicit statement_timeout in the configured string wins over the default (15 s), to keep the test short.
        var connectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Options = "-c statement_timeout=1000" }.ConnectionString;
        var slow = new SlowStatementInterceptor();
        await using var factory = WithInterceptor(new DashboardFactory(connectionString), slow);
        using var client = factory.CreateClient();
        (await client.GetAsync(Home)).StatusCode.Should().Be(HttpStatusCode.OK);

        slow.Enabled = true;
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(Home);
        var elapsed = clock.Elapsed;
        output.WriteLine($"Request with a 5 s statement under a 1 s statement_timeout: {(int)response.StatusCode} after {elapsed.TotalMilliseconds:0} ms.");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain(ReliabilitySupport.UnavailableText);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "the statement is cancelled after one second and not retried");

        slow.Enabled = false;
        (await client.GetAsync(Home)).StatusCode.Should().Be(HttpStatusCode.OK, "the connection is usable after the cancelled statement");
    }

    [Fact]
    public async Task TheAppsConnections_CarryTheTimeLimits()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SocialDomainDbContext>();

        var statementTimeout = await db.Database.SqlQueryRaw<string>("SELECT current_setting('statement_timeout') AS \"Value\"").SingleAsync();
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        statementTimeout.Should().Be("15s");
        settings.Timeout.Should().Be(DatabaseConnectionDefaults.ConnectTimeoutSeconds);
        settings.CommandTimeout.Should().Be(DatabaseConnectionDefaults.CommandTimeoutSeconds);
        db.Database.CreateExecutionStrategy().Should().BeOfType<DashboardExecutionStrategy>();
    }

    private static WebApplicationFactoryOf WithInterceptor(DashboardFactory factory, IInterceptor interceptor) =>
        new(factory, interceptor);

    private async Task<List<string>> ConnectionsAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(Database.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT state FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", applicationName);
        var states = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            states.Add(reader.IsDBNull(0) ? "?" : reader.GetString(0));
        }

        return states;
    }

    /// <summary>The dashboard with one extra EF Core interceptor; disposes the base factory too.</summary>
    private sealed class WebApplicationFactoryOf(DashboardFactory inner, IInterceptor interceptor) : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _factory = inner.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<SocialDomainDbContext>(options => options.AddInterceptors(interceptor))));

        public HttpClient CreateClient() => _factory.CreateClient();

        public async ValueTask DisposeAsync()
        {
            await _factory.DisposeAsync();
            await inner.DisposeAsync();
        }
    }

    /// <summary>While closed, the first <c>holders</c> queries wait inside the interceptor with their connection open.</summary>
    private sealed class GateInterceptor(int holders) : DbCommandInterceptor
    {
        private readonly SemaphoreSlim _entered = new(0);
        private TaskCompletionSource _open = CompletedGate();
        private int _holding;

        public void Close()
        {
            _holding = 0;
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Open() => _open.TrySetResult();

        public async Task<bool> WaitForHoldersAsync(TimeSpan timeout)
        {
            for (var i = 0; i < holders; i++)
            {
                if (!await _entered.WaitAsync(timeout))
                {
                    return false;
                }
            }

            return true;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var gate = _open;
            if (!gate.Task.IsCompleted && Interlocked.Increment(ref _holding) <= holders)
            {
                _entered.Release();
                await gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return result;
        }

        private static TaskCompletionSource CompletedGate()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }

    /// <summary>When enabled, runs a five-second statement before each query, on the query's own connection.</summary>
    private sealed class SlowStatementInterceptor : DbCommandInterceptor
    {
        private volatile bool _enabled;

        public bool Enabled
        {
            get => _enabled;
            set => _enabled = value;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Enabled)
            {
                await using var sleep = command.Connection!.CreateCommand();
                sleep.Transaction = command.Transaction;
                sleep.CommandText = "SELECT pg_sleep(5)";
                await sleep.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
