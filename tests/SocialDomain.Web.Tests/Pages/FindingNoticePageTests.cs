using System.Net;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>The KPI, budget and benchmark pages show the data-quality findings about the figures on them (issue 17 item 8).</summary>
public class FindingNoticePageTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    private async Task<string> GetAsync(string url)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task KpiPage_ShowsTheFindingAboutItsFigure_WithSourceAndLine()
    {
        var html = await GetAsync("/kpis/JEUGD_COST_PER_CLIENT");

        html.Should().Contain("Bevindingen bij deze cijfers")
            .And.Contain("data-subject=\"check/JEUGD_KOSTEN_PER_CLIENT\"")
            .And.Contain("13.932.000 / 2.304 = 6.046,88")
            .And.Contain("bron 003, KPMG 3.1, regels 2014-2016");
    }

    [Fact]
    public async Task KpiPage_WithoutFindings_ShowsNoNotice()
    {
        // SP_SCORE 7,0 is printed in 000 and 003 alike: checked, consistent, no finding.
        (await GetAsync("/kpis/SP_SCORE")).Should().NotContain("Bevindingen bij deze cijfers");
    }

    [Fact]
    public async Task BudgetPage_ShowsTheFindingsAboutThePlanTheReserveAndTheLots()
    {
        var html = await GetAsync("/begroting");

        html.Should().Contain("Bevindingen bij deze cijfers")
            .And.Contain("data-subject=\"check/RESERVE_MAXIMUM\"")
            .And.Contain("data-subject=\"check/MARKETING_2017\"")
            .And.Contain("class=\"finding rounding-only\" data-subject=\"check/PERCEEL_MVZ_WMO_2019_2022\"")
            .And.Contain("bron 001, 5.2 Gevraagde investering, regel 773");
        html.Should().NotContain("data-subject=\"check/JEUGD_KOSTEN_PER_CLIENT\"", "a KPI finding belongs on its KPI page");
    }

    [Fact]
    public async Task BenchmarkPage_MarksTheRowOfAMunicipalityWhoseTaskFieldsLookSwapped()
    {
        var html = await GetAsync("/benchmark?veld=6.6&jaar=2019-jaarrekening");

        html.Should().Contain("Bevindingen bij gemeenten in deze kolom")
            .And.Contain("<strong>Schiedam:</strong> De taakvelden 6.6 en 6.71 van Schiedam (Wmo, 2019 jaarrekening) lijken verwisseld")
            .And.Contain("Schiedam <a href=\"#bevindingen-rijen\" class=\"finding-mark\">(zie bevinding)</a>");
        (await GetAsync("/benchmark?veld=6.6&jaar=2018-jaarrekening")).Should().NotContain("Bevindingen bij gemeenten in deze kolom");
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task FindingNotices_HaveNoSeriousAccessibilityViolations(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        foreach (var url in new[] { "/kpis/JEUGD_COST_PER_CLIENT", "/begroting" })
        {
            await page.GotoAsync(app.Url(url));
            (await page.Locator("#bevindingen-bronnen").IsVisibleAsync()).Should().BeTrue();
            (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        }

        await page.CloseAsync();
    }
}
