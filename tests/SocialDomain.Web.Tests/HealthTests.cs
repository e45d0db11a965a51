using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests;

[Collection(DatabaseCollection.Name)]
public class HealthTests(TestDatabase database)
{
    [Fact]
    public async Task Live_AndReady_AreHealthy_WhenTheDatabaseIsUpAndMigrated()
    {
        await using var factory = new DashboardFactory(database.ConnectionString);
        using var client = factory.CreateClient();

        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_IsUnhealthy_WhileTheDatabaseIsStopped_AndLiveStaysHealthy()
    {
        // A cluster of its own: this test stops and restarts it.
        var cluster = TestDatabase.StartThrowawayCluster();
        try
        {
            DatabaseSetup.EnsureDatabase(cluster.ConnectionString("postgres"), "health");
            await using (var db = TestDatabase.CreateContext(cluster.ConnectionString("health")))
            {
                await db.Database.MigrateAsync();
            }

            await using var factory = new DashboardFactory(cluster.ConnectionString("health"));
            using var client = factory.CreateClient();
            (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

            cluster.Stop();

            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await ready.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
            (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

            cluster.Start();
            var recovered = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            recovered.StatusCode.Should().Be(HttpStatusCode.OK, "the app recovers without a restart once the database is back");
        }
        finally
        {
            cluster.Stop();
            TestDatabase.RemoveQuietly(cluster.DataDirectory);
        }
    }

    [Fact]
    public async Task Ready_IsUnhealthy_WhenMigrationsArePending()
    {
        var cluster = TestDatabase.StartThrowawayCluster();
        try
        {
            DatabaseSetup.EnsureDatabase(cluster.ConnectionString("postgres"), "empty");
            await using var factory = new DashboardFactory(cluster.ConnectionString("empty"));
            using var client = factory.CreateClient();

            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            cluster.Stop();
            TestDatabase.RemoveQuietly(cluster.DataDirectory);
        }
    }
}
