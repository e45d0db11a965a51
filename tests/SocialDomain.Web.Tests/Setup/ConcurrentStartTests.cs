using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Tests.Infrastructure;
using SocialDomain.Web.Tests.Reliability;

namespace SocialDomain.Web.Tests.Setup;

/// <summary>
/// Two instances that run their start-up steps at the same moment on an empty database (issue 13 item 6: advisory
/// lock). The hosts are built one after the other (two test hosts cannot build at once in one process: Serilog's
/// bootstrap logger is process-wide); then both run the start-up steps of Program.cs concurrently.
/// </summary>
public sealed class ConcurrentStartTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task TwoInstances_StartingTogetherOnAnEmptyDatabase_BothBecomeReady_AndSeedOnce()
    {
        var name = ReliabilitySupport.UniqueName("twee_starts");
        try
        {
            DatabaseSetup.EnsureDatabase(Database.ServerConnectionString, name);
            var connection = new NpgsqlConnectionStringBuilder(Database.ServerConnectionString) { Database = name }.ConnectionString;
            await using var a = new DashboardFactory(connection);
            await using var b = new DashboardFactory(connection);
            var clients = new[] { a.CreateClient(), b.CreateClient() };

            await Task.WhenAll(
                Task.Run(() => DatabaseStartup.RunAsync(a.Services, migrate: true, seed: true)),
                Task.Run(() => DatabaseStartup.RunAsync(b.Services, migrate: true, seed: true)));

            foreach (var client in clients)
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                ready.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await using var db = TestDatabase.CreateContext(connection);
            (await db.Kpis.CountAsync()).Should().Be(42, "the seed's 42 KPIs, loaded once");
            var publications = await db.QuarterPublications.Select(p => new { p.Year, p.Quarter }).ToListAsync();
            publications.Should().NotBeEmpty().And.OnlyHaveUniqueItems("the seed publishes each source quarter once");
        }
        finally
        {
            await ReliabilitySupport.DropDatabaseAsync(Database.ServerConnectionString, name);
        }
    }
}
