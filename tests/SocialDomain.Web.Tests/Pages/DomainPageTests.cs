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
        var text = PageText.OfMain(html);
        html.Should().Contain("<h1>Domein Jeugd</h1>")
            .And.Contain("href=\"/kpis/JEUGD_LEADTIME_WITHIN_TERM\"")
            .And.NotContain("href=\"/kpis/WMO_LEADTIME_WITHIN_TERM\"", "a Wmo KPI is not on the Jeugd page")
            .And.Contain("href=\"/begroting\"")
            .And.Contain("href=\"/benchmark?veld=jeugd\"");

        // (b) 003 KPMG 3.1: Geëscaleerde zorg 18- (lot GZ_18MIN → 6.82) begroot € 3.913.000, realisatie € 2.929.000.
        text.Should().Contain("6.82 Geëscaleerde zorg 18-, 2019 €\u00A03.913.000 – €\u00A02.929.000 realisatie onderschrijding van €\u00A0984.000 (25,1% van de begroting)")
            .And.Contain("toelichten: €\u00A0984.000 is meer dan de grens van €\u00A0250.000 en 25,1% is meer dan de grens van 10%")
            .And.Contain("6.72 Maatwerkdienstverlening 18-, 2019 €\u00A012.158.000 – – niet te berekenen: nog geen realisatie of prognose");

        // (c) Bijlage 1 regels 363, 380: Hilversum Jeugd 2019 jaarrekening −200, G40 −301,6; own 2.929.000 / 90.612 = 32,32 against −32.
        text.Should().Contain("Hilversum, 2019 jaarrekening: €\u00A0200,00 netto lasten per inwoner, rang 1 van 40")
            .And.Contain("€\u00A0101,60 per inwoner (33,7%) minder netto lasten dan het G40-gemiddelde")
            .And.Contain("Grootteklasse: Gemeentegrootte 50 000 tot 100 000 inwoners")
            .And.Contain("Gemeenten zoals wij: Breda, Hengelo, Deventer, Haarlem, 's-Hertogenbosch")
            .And.Contain("€\u00A02.929.000 90.612 stand december 2019 €\u00A032,32")
            .And.Contain("komt overeen: eigen realisatie €\u00A032,32 per inwoner, G40-cijfer €\u00A032 netto lasten per inwoner")
            .And.Contain("niet te berekenen: geen realisatie (jaarrekening) van taakveld 6.72 in 2019");
    }

    [Fact]
    public async Task Voorveld_ShowsTheToegangLot_AsOwnCostOfWijkteams()
    {
        var text = PageText.OfMain((await GetAsync("/domeinen/voorveld")).Html);

        // 003 KPMG 3.1: Toegang begroot € 1.897.000, gewijzigd € 1.900.000, realisatie € 1.853.000; Bijlage 3 regel 998: 6.2 2019 −20.
        text.Should().Contain("6.2 Wijkteams, 2019 €\u00A01.897.000 €\u00A01.900.000 €\u00A01.853.000 realisatie onderschrijding van €\u00A047.000")
            .And.Contain("€\u00A01.853.000 90.612 stand december 2019 €\u00A020,45 €\u00A020,00 komt overeen")
            .And.Contain("Rapportcijfer dienstverlening Sociaal Plein");
    }

    [Fact]
    public async Task Participatie_SaysThereAreNoG40Figures_AndAnUnknownDomainIsNotFound()
    {
        var text = PageText.OfMain((await GetAsync("/domeinen/participatie")).Html);

        text.Should().Contain("voor participatie, werk en inkomen zijn er geen G40-cijfers")
            .And.Contain("Geen begrotingsregels voor de taakvelden van dit domein.")
            .And.Contain("Uitstroom uit de bijstand");
        (await GetAsync("/domeinen/onbekend")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task KpiPage_ShowsItsTaskField_AndTheComputedCostPerClientNextToTheTypedOne()
    {
        var text = PageText.OfMain((await GetAsync("/kpis/JEUGD_COST_PER_CLIENT")).Html);

        // 003 regels 2014-2016: € 7.200 per client (2018); JEUGD_CLIENTS 2.304 (2018); the demo budget has no realisatie of 6.72.
        text.Should().Contain("Taakveld 6.72 Maatwerkdienstverlening 18-")
            .And.Contain("Kosten per cliënt, berekend")
            .And.Contain("2018 €\u00A07.200 niet te berekenen: geen realisatie (jaarrekening) van taakveld 6.72 in 2018");
        var other = PageText.OfMain((await GetAsync("/kpis/SP_SCORE")).Html);
        other.Should().Contain("Taakveld geen").And.NotContain("Kosten per cliënt, berekend");
    }

    [Fact]
    public async Task Domain_NeedsAtMostThirteenDatabaseRoundTrips()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/domeinen/jeugd", UriKind.Relative));
        factory.Commands.Reset();

        var response = await client.GetAsync(new Uri("/domeinen/wmo", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Commands.Count.Should().BeInRange(1, 13, "five for the overview, one taakvelden, one budget, four benchmark, one home figures, one thresholds");
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
