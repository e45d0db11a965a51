using System.Net;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Pages.Bench;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>/bench/fortunes, the page the load benchmark measures: only there when the benchmark setting is on.</summary>
public class BenchFortunesPageTests(TestDatabase database) : DatabaseTest(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task BenchFortunes_IsNotFound_UnlessTheBenchmarkSettingIsOn()
    {
        await using (var normal = new DashboardFactory(Database.ConnectionString))
        {
            using var client = normal.CreateClient();
            (await client.GetAsync(new Uri("/bench/fortunes", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        await using var benchmark = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { [FortunesModel.SettingName] = "true" });
        using var benchmarkClient = benchmark.CreateClient();

        var html = await benchmarkClient.GetStringAsync(new Uri("/bench/fortunes", UriKind.Relative));

        html.Should().Contain(FortunesModel.AddedMessage).And.Contain("Maatwerkdienstverlening 18-").And.NotContain("site-header");
    }
}
