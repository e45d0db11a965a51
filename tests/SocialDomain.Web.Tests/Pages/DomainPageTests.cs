using System.Net;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>The domain pages (/domeinen/{domein}) with the demo data: KPIs, budget per taakveld and € per inhabitant side by side.</summary>
public class DomainPageTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Jeugd_ShowsItsKpisWorstFirst_TheBudgetOfItsTaskFields_AndTheOwnCostAgainstTheG40()
    {
        var (status, html) = await GetAsync("/domeinen/jeugd");

        status.Should().Be(HttpStatusCode.OK);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "domein-jeugd.html"), html);
        html.Should().Contain("<h1>Domein Jeugd</h1>")
            .And.Contain("href=\"/kpis/JEUGD_LEADTIME_WITHIN_TERM\"")
            .And.NotContain("href=\"/kpis/WMO_LEADTIME_WITHIN_TERM\"")
            .And.Contain("href=\"/begroting\"")
            .And.Contain("href=\"/benchmark?veld=jeugd\"");
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task DomainPages_FitThePhone_AndHaveNoSeriousAccessibilityViolations(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });

        await page.GotoAsync(app.Url("/"));
        await page.Locator("nav[aria-labelledby=per-domein] a", new() { HasText = "Jeugd" }).ClickAsync();
        page.Url.Should().EndWith("/domeinen/jeugd");
        foreach (var url in new[] { "/domeinen", "/domeinen/jeugd", "/domeinen/wmo", "/domeinen/participatie", "/domeinen/voorveld" })
        {
            await page.GotoAsync(app.Url(url));
            (await page.Locator("a[aria-current=page]").InnerTextAsync()).Should().Be("Domeinen", url);
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue($"no sideways scrolling on {url}");
            (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty(url);
        }

        await page.GotoAsync(app.Url("/domeinen/voorveld"));
        var toegang = page.Locator("#tabel-eigen-kosten tbody tr", new() { HasText = "6.2 Wijkteams, 2019" });
        (await toegang.InnerTextAsync()).Should().Contain("€\u00A020,45").And.Contain("komt overeen");
        await Screenshots.SaveAsync(page, $"domein-voorveld-{width}");
        await page.CloseAsync();
    }
}
