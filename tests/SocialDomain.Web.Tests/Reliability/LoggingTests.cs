using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>
/// Logs carry a correlation id per request, and never a password: not when the database cannot be
/// reached at start-up, not in normal use, not when the database disappears under a running app.
/// </summary>
public class LoggingTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Secret = "Geheim-Wachtwoord-123!";

    [Fact]
    public async Task EveryRequest_HasACorrelationId_InTheResponseAndInItsLogLines()
    {
        var sink = new CapturingSink();
        await using var factory = WithSink(new DashboardFactory(Database.ConnectionString), sink);
        using var client = factory.CreateClient();

        using var given = new HttpRequestMessage(HttpMethod.Get, new Uri("/kpis", UriKind.Relative));
        given.Headers.Add(CorrelationIdMiddleware.HeaderName, "melding-2026-0042");
        using var givenResponse = await client.SendAsync(given);
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/kpis", UriKind.Relative));
        forged.Headers.TryAddWithoutValidation(CorrelationIdMiddleware.HeaderName, "x\" [12:00:00 ERR] vervalst");
        using var forgedResponse = await client.SendAsync(forged);
        using var none = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        givenResponse.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Should().Equal("melding-2026-0042");
        var replaced = forgedResponse.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single();
        replaced.Should().MatchRegex("^[0-9a-f]{32}$", "an id that is not a plain token is replaced, not echoed");
        var generated = none.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single();
        generated.Should().MatchRegex("^[0-9a-f]{32}$").And.NotBe(replaced);

        sink.RequestLog("/kpis").Select(e => CorrelationId(e)).Should().Contain(["melding-2026-0042", replaced]);
        sink.RequestLog("/health/live").Select(e => CorrelationId(e)).Should().Contain(generated);
        sink.Rendered().Should().NotContain("vervalst");
    }

    [Fact]
    public async Task ThePassword_IsNeverLogged_AtStartupFailure_InNormalUse_OrWhenTheDatabaseDisappears()
    {
        var console = new StringWriter();
        var synchronisedConsole = TextWriter.Synchronized(console);
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(synchronisedConsole);
        Console.SetError(synchronisedConsole);
        var sink = new CapturingSink();
        var exceptions = new List<string>();
        var vanishing = ReliabilitySupport.UniqueName("verdwijnt");
        try
        {
            // 1. Start-up with a database that does not exist: the probe fails and the app does not start.
            var missing = WithPassword(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = "bestaat_niet" }.ConnectionString);
            try
            {
                await using var broken = WithSink(new DashboardFactory(missing), sink);
                using var client = broken.CreateClient();
            }
            catch (Exception ex)
            {
                exceptions.Add(ex.ToString());
            }

            // 2. Normal use, including a 404 and the health checks.
            await using (var normal = WithSink(new DashboardFactory(WithPassword(Database.ConnectionString)), sink))
            {
                using var client = normal.CreateClient();
                foreach (var path in new[] { "/", "/kpis", "/kpis/ONBEKEND", "/health/ready", "/account/inloggen" })
                {
                    (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
                }
            }

            // 3. The database disappears under the running app: 503 pages and an unhealthy readiness check, all logged.
            var vanishingConnection = await ReliabilitySupport.CreateDatabaseAsync(Database.ServerConnectionString, vanishing, seed: false);
            await using (var app = WithSink(new DashboardFactory(WithPassword(vanishingConnection)), sink))
            {
                using var client = app.CreateClient();
                // /kpis reads the database on every request (the anonymous overview is served from the output cache).
                (await client.GetAsync(ReliabilitySupport.Uncached("/kpis"))).StatusCode.Should().Be(HttpStatusCode.OK);
                await ReliabilitySupport.DropDatabaseAsync(Database.ServerConnectionString, vanishing);
                (await client.GetAsync(ReliabilitySupport.Uncached("/kpis"))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
                (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            }
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            await ReliabilitySupport.DropDatabaseAsync(Database.ServerConnectionString, vanishing);
        }

        var written = console.ToString() + string.Join('\n', exceptions);
        var logged = sink.Rendered();

        written.Should().Contain("Database niet bereikbaar", "the start-up failure was reported");
        logged.Should().Contain("Database niet beschikbaar", "the vanished database was logged");
        sink.RequestLog("/kpis").Should().NotBeEmpty("normal requests were logged");
        sink.RequestLog("/kpis").Should().Contain(e => e.Properties["StatusCode"].ToString() == "503", "the request log shows the 503, not a 500");
        sink.RequestLog("/kpis").Should().NotContain(e => e.Properties["StatusCode"].ToString() == "500");
        written.Should().NotContain(Secret);
        logged.Should().NotContain(Secret);
        written.Should().NotContain("Geheim", "not even part of it");
        logged.Should().NotContain("Geheim");
    }

    private static string WithPassword(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = Secret }.ConnectionString;

    private static WebApplicationFactory<Program> WithSink(DashboardFactory factory, CapturingSink sink) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));

    private static string? CorrelationId(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(CorrelationIdMiddleware.LogProperty, out var value) && value is ScalarValue { Value: string id } ? id : null;

    /// <summary>Keeps every Serilog event the app writes (picked up through ReadFrom.Services).</summary>
    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        /// <summary>The request log's "HTTP GET /path responded …" events of <paramref name="path"/>.</summary>
        public IEnumerable<LogEvent> RequestLog(string path) =>
            _events.Where(e => e.Properties.ContainsKey("StatusCode")
                && e.Properties.TryGetValue("RequestPath", out var p) && p is ScalarValue { Value: string s } && s == path);

        /// <summary>Everything: rendered messages, every property value and every exception.</summary>
        public string Rendered() => string.Join('\n', _events.Select(e =>
            e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " | "
            + string.Join(" | ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + " | " + e.Exception));
    }
}
