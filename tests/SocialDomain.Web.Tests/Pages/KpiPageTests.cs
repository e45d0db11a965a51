using System.Net;
using Microsoft.Playwright;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>The KPI page and the definitions catalogue, with the real seed data.</summary>
public class KpiPageTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task CouncilMember_OpensAKpiFromTheOverview_AndReadsThatItsTargetWasLowered()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(app.Url("/"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Wmo-aanvragen afgehandeld binnen de termijn" }).ClickAsync();

        page.Url.Should().EndWith("/kpis/WMO_LEADTIME_WITHIN_TERM");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Should().Be("Wmo-aanvragen afgehandeld binnen de termijn");
        (await page.Locator("#streefwaarde-antwoord").InnerTextAsync()).Should().StartWith("Ja, 1 keer.").And.Contain("95%").And.Contain("80%");
        var versions = await page.Locator("#streefwaarde-historie tbody tr").AllInnerTextsAsync();
        versions.Should().HaveCount(2);
        versions[1].Should().Contain("Reden wijziging").And.Contain("KPMG");
        var measurements = await page.Locator("#metingen tbody tr").AllInnerTextsAsync();
        measurements.Should().HaveCount(2);
        measurements[0].Should().StartWith("juli 2019", "000 gives the month, not the quarter (issue 17)").And.Contain("70%");
        (await page.Locator("canvas[data-chart=kpi-chart]").CountAsync()).Should().Be(1);
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await Screenshots.SaveAsync(page, "02-kpi");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Chart_DrawsTheTargetAsOneStepPerVersion_AnnotatesEachChange_AndMarksPublishedQuarters(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });

        await page.GotoAsync(app.Url("/kpis/WMO_LEADTIME_WITHIN_TERM"));
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && !!Chart.getChart(document.querySelector('canvas[data-chart=\"kpi-chart\"]'))");

        var chartJson = await page.EvaluateAsync<string>("""
            () => {
                const data = Chart.getChart(document.querySelector('canvas[data-chart="kpi-chart"]')).data;
                const target = data.datasets.find(d => d.label.startsWith('Streefwaarde'));
                const published = data.datasets.find(d => d.label === 'Gepubliceerd kwartaal');
                return JSON.stringify({ labels: data.labels, targetValues: target.data, targetVersions: target.targetVersions, stepped: String(target.stepped),
                         publishedCount: published ? published.data.filter(v => v !== null).length : 0 });
            }
            """);
        var chart = System.Text.Json.JsonSerializer.Deserialize<ChartData>(chartJson, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

        // The seed's two versions: 95 % from 2019-K3 (000) and 80 % from 2020-K2 (003); the 2020 figure is judged in 2020-K4.
        chart.Labels.Should().Equal("2019-K3", "2020");
        chart.TargetVersions.Should().Equal(1, 2);
        chart.TargetValues.Should().Equal(95m, 80m);
        Steps(chart.TargetVersions).Should().Be(2, "one step per target version");
        chart.Stepped.Should().Be("after");
        chart.PublishedCount.Should().Be(2, "both quarters with a figure were published by the seed");
        var changes = await page.Locator("#streefwaarde-verloop tbody tr").AllInnerTextsAsync();
        changes.Should().HaveCount(2);
        changes[0].Should().Contain("2019-K3").And.Contain("95%").And.Contain("besluitdatum onbekend");
        changes[1].Should().Contain("2020-K2").And.Contain("80%").And.Contain("60%");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await page.CloseAsync();
    }

    private static int Steps(IReadOnlyList<int?> versions) => versions.Where((v, i) => v is not null && (i == 0 || versions[i - 1] != v)).Count();

    private sealed record ChartData(string[] Labels, decimal?[] TargetValues, int?[] TargetVersions, string Stepped, int PublishedCount);

    [Fact]
    public async Task KpiWithOneTarget_SaysTheTargetWasNotAdjusted_AndShowsTheProjection()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(app.Url("/kpis/SP_HIRED_SHARE"));

        (await page.Locator("#streefwaarde-antwoord").InnerTextAsync()).Should().StartWith("Nee.");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Prognose:");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Catalogue_ListsEveryKpiByDomain_AndSearches()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(app.Url("/kpis"));

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Be("42 KPI's.");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Werk en inkomen" }).CountAsync()).Should().Be(1);
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await Screenshots.SaveAsync(page, "05-kpi-catalogus");

        await page.GetByLabel("Zoek in naam, definitie of code").FillAsync("rapportcijfer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Be("1 KPI gevonden voor \"rapportcijfer\".");
        (await page.Locator("tbody th a").AllInnerTextsAsync()).Should().Equal("Rapportcijfer dienstverlening Sociaal Plein");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Catalogue_FindsAKpiByItsCode_WithAnUnderscore()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/kpis?zoek=SP_SCORE", UriKind.Relative));

        html.Should().Contain("1 KPI gevonden").And.Contain("Rapportcijfer dienstverlening Sociaal Plein");
    }

    [Theory]
    [InlineData("/kpis/SP_SCORE")]
    [InlineData("/kpis")]
    [InlineData("/kpis?zoek=%25")]
    public async Task KpiPages_NeedAtMostFiveDatabaseRoundTrips(string url)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        // Warm up with another query string: the same URL would come from the output cache without any query.
        await client.GetAsync(new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "opwarmen=1", UriKind.Relative));
        factory.Commands.Reset();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        // KPI, commentary, measurements, publications and (since issue 15) the value history: KpiDetailQuery. The
        // commentary has its own round trip since issue 21: nested in the first, it multiplied that query's rows.
        factory.Commands.Count.Should().BeLessThanOrEqualTo(5);
    }

    [Fact]
    public async Task KpiPage_ForTheAnonymousPublic_SetsNoCookie_AndComesFromTheOutputCache()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        var first = await client.GetAsync(new Uri("/kpis/SP_SCORE?cachetest=1", UriKind.Relative));
        factory.Commands.Reset();

        var second = await client.GetAsync(new Uri("/kpis/SP_SCORE?cachetest=1", UriKind.Relative));

        first.Headers.Contains("Set-Cookie").Should().BeFalse("a response with Set-Cookie is never stored in the output cache");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Commands.Count.Should().Be(0, "the second request is served from the output cache");
    }

    [Fact]
    public async Task UnknownKpi_Is404()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        (await client.GetAsync(new Uri("/kpis/BESTAAT_NIET", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
