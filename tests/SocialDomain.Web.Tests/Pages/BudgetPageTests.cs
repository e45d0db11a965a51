using System.Net;
using Microsoft.Playwright;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>The budget page with the real seed data (WINST proposal 2017 and the KPMG report 2020).</summary>
public class BudgetPageTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Budget_ShowsLevelsAndTaskFields_AndSummarisesProjectsAndReservesWithLinks()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(app.Url("/begroting"));

        (await page.Locator("a[aria-current=page]").InnerTextAsync()).Should().Be("Begroting");

        // The projects, the budget change and the reserve have their own pages; /begroting summarises them and links there.
        var summary = await page.Locator("#samenvatting-projecten").InnerTextAsync();
        summary.Should().Contain("15 projecten, WINST (Werk, Inkomen en Zorg Nieuwe STijl) - totaal: totaal €\u00A07.805.000; de dekking klopt in elk jaar")
            .And.Contain("Begrotingswijziging per programma: Programma 2 Zorg, Programma 3 Werken, Programma 4 Bestuur")
            .And.Contain("Bestemmingsreserve Sociaal Domein: stand per 31 december 2020 €\u00A03.880.000 (raming), maximum €\u00A08.200.000");
        (await page.Locator("#samenvatting-projecten a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Should().Equal("/projecten", "/projecten/WINST#wijzigingen", "/reserves#reserve-1");
        (await page.Locator("#tabel-investeringsplan, #tabel-reserve, #tabel-wijzigingen, #samenhang").CountAsync()).Should().Be(0);

        // 003 regels 1195–1199: programme Zorg 2019 overspent € 1.163.470; budget and realisation are not in the sources, so none is derived.
        var programme2019 = page.Locator("#begroting-2019 tbody tr", new() { HasText = "Programma 2 Zorg" });
        var programmeText = await programme2019.InnerTextAsync();
        programmeText.Should().Contain("niet beschikbaar").And.Contain("vermeld in de bron: overschrijding van €\u00A01.163.470")
            .And.NotContain("83.105.000").And.NotContain("84.268.470").And.NotContain("op koers");

        // Issue 19: under the demo thresholds "€ 250.000 of 10 %" (assumed, from 2016) the absolute threshold alone judges it.
        (await programme2019.Locator("[data-verdict]").InnerTextAsync()).Should().Contain("toelichten");
        programmeText.Should().Contain("nadelig: hoger saldo van lasten en baten dan begroot")
            .And.Contain("toelichten: €\u00A01.163.470 is meer dan de grens van €\u00A0250.000 en het percentage is onbekend (grens 10%)");
        (await page.Locator("#grenzen").InnerTextAsync()).Should().Contain("vanaf 2016: toelichten boven €\u00A0250.000 of 10%").And.Contain("Aangenomen");

        // Per taakveld (the lots name their task field): 6.2 Wijkteams 2019, begroting / gewijzigd / realisatie and the variances.
        var wijkteams = page.Locator("#taakvelden-2019 tbody tr", new() { HasText = "6.2 Wijkteams" });
        var wijkteamsText = await wijkteams.InnerTextAsync();
        wijkteamsText.Should().Contain("€\u00A01.897.000").And.Contain("€\u00A01.900.000").And.Contain("€\u00A01.853.000")
            .And.Contain("jaarrekening").And.Contain("onderschrijding van €\u00A044.000").And.Contain("onderschrijding van €\u00A047.000")
            .And.Contain("voordelig: lagere lasten dan begroot").And.Contain("geen toelichting nodig").And.Contain("geen prognose in de gegevens");
        (await page.Locator("#taakvelden-2019 tbody tr", new() { HasText = "6.82" }).Locator("[data-verdict]").First.InnerTextAsync())
            .Should().Contain("toelichten", "2.929.000 against 3.913.000 is € 984.000, above € 250.000");
        (await page.Locator("#taakvelden-2019 tbody tr").CountAsync()).Should().Be(6);
        var lot = page.Locator("#begroting-2019 tbody tr", new() { HasText = "Maatwerkdienstverlening 18-" });
        var lotText = await lot.InnerTextAsync();
        lotText.Should().Contain("€\u00A012.158.000").And.Contain("niet beschikbaar").And.Contain("niet te berekenen").And.Contain("niet te beoordelen");
        (await lot.Locator("td").Nth(2).InnerTextAsync()).Should().StartWith("niet beschikbaar", "a missing realisation is never shown as €\u00A00");
        (await page.Locator("#begroting-2019 tbody tr", new() { HasText = "Toegang" }).InnerTextAsync())
            .Should().Contain("€\u00A01.900.000").And.Contain("€\u00A01.853.000").And.Contain("onderschrijding van €\u00A047.000");
        (await page.Locator("#niet-toegewezen-tabel-2019 tbody tr").CountAsync()).Should().Be(9, "the nine 2019 lot figures whose lot or stage is uncertain");
        (await page.Locator("#begroting-2019 tfoot").InnerTextAsync()).Should().Contain("€\u00A055.691.000");
        (await page.Locator("ol.reasons").First.InnerTextAsync()).Should().Contain("niet toe te wijzen");
        (await page.Locator("#begroting-2022 tbody tr", new() { HasText = "Maatwerkdienstverlening 18+" }).InnerTextAsync())
            .Should().Contain("€\u00A014.439.000").And.Contain("+9,1%");
        (await page.Locator("#begroting-2022 thead").InnerTextAsync()).Should().Contain("Verandering t.o.v. 2019");

        (await AxeCheck.SeriousViolationsAsync(browser, page, openDetails: false)).Should().BeEmpty();
        (await AxeCheck.SeriousViolationsAsync(browser, page, openDetails: true)).Should().BeEmpty();
        await Screenshots.SaveAsync(page, "04-begroting");

        await page.SetViewportSizeAsync(390, 844);
        (await page.EvaluateAsync<bool>("() => document.querySelector('#per-taakveld').getBoundingClientRect().right <= window.innerWidth + 1"))
            .Should().BeTrue("the task field tables become cards on a phone");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task ProjectsAndReserves_ShowThePlanBudgetChangeAndReserveWithTheirChecks_OnDesktopAndPhone(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });

        await page.GotoAsync(app.Url("/begroting"));
        await page.Locator("#samenvatting-projecten a", new() { HasText = "Projecten en investeringsplannen" }).ClickAsync();
        page.Url.Should().EndWith("/projecten");
        (await page.Locator("a[aria-current=page]").InnerTextAsync()).Should().Be("Begroting");

        // 001 regels 799–819: Formatie - Extra medewerkers 2.000.000 / 2.000.000 / 1.500.000 / 900.000; the plan totals 2.730.000 in 2017.
        var extraStaff = page.Locator("#tabel-investeringsplan tbody tr", new() { HasText = "Formatie - Extra medewerkers" });
        (await extraStaff.InnerTextAsync()).Should().Contain("€\u00A02.000.000").And.Contain("€\u00A01.500.000").And.Contain("€\u00A0900.000").And.Contain("€\u00A06.400.000");
        var ict = page.Locator("#tabel-investeringsplan tbody tr.subtotal", new() { HasText = "ICT" });
        (await ict.InnerTextAsync()).Should().Contain("subtotaal").And.Contain("€\u00A0570.000").And.Contain("€\u00A01.080.000");
        var planFooter = await page.Locator("#tabel-investeringsplan tfoot").InnerTextAsync();
        planFooter.Should().Contain("€\u00A02.730.000").And.Contain("€\u00A02.225.000").And.Contain("€\u00A01.725.000").And.Contain("€\u00A01.125.000").And.Contain("€\u00A07.805.000")
            .And.Contain("Dekking: Reserve sociaal domein").And.Contain("Dekking: Substitutie zorgbudgetten")
            .And.Contain("klopt: vermeld 2.730.000, herberekend 2.730.000").And.NotContain("wijkt af");
        (await page.Locator("#investeringsplan").InnerTextAsync()).Should().Be("Investeringsplan WINST (Werk, Inkomen en Zorg Nieuwe STijl) - totaal: per project en jaar", "the heading is the plan's name in the data");
        await AssertFitsAndAccessibleAsync(page, "/projecten");

        // 001 regel 886: programme 2 Zorg, 2017 lasten 1.648.707, baten −2.730.000, saldo −1.081.293; 2018–2020 only a saldo.
        await page.GotoAsync(app.Url("/projecten/WINST"));
        var zorg = page.Locator("#tabel-wijzigingen tbody tr", new() { HasText = "Programma 2 Zorg" });
        (await zorg.InnerTextAsync()).Should().Contain("€\u00A01.648.707").And.Contain("€\u00A0\u22122.730.000").And.Contain("€\u00A0\u22121.081.293")
            .And.Contain("€\u00A0\u2212576.293").And.Contain("€\u00A0\u2212413.668").And.Contain("€\u00A0\u2212218.518");
        (await page.Locator("#tabel-wijzigingen thead").InnerTextAsync()).Should().Contain("2017 lasten").And.Contain("2020 saldo").And.NotContain("2018 lasten");
        (await page.Locator("#wijzigingen ~ p").First.InnerTextAsync()).Should().Contain("Voor 2018, 2019, 2020 geven de gegevens");
        (await page.Locator("#tabel-wijzigingen tfoot").InnerTextAsync()).Should().Contain("klopt: vermeld 0, herberekend 0");
        (await page.Locator("#samenhang ~ ul").InnerTextAsync()).Should().Contain("2017: lasten van de begrotingswijziging WINST (€\u00A02.730.000) tegen het investeringsplan 2017 (€\u00A02.730.000): ✔ klopt");
        await AssertFitsAndAccessibleAsync(page, "/projecten/WINST");

        await page.GotoAsync(app.Url("/projecten/W7_ICT"));
        (await page.Locator("#tabel-onderdelen tbody tr").CountAsync()).Should().Be(5, "W7A..W7E name W7_ICT as their parent (seed projects.csv)");
        (await page.Locator("#tabel-onderdelen tfoot").InnerTextAsync()).Should().Contain("€\u00A0570.000").And.Contain("€\u00A01.080.000");
        await AssertFitsAndAccessibleAsync(page, "/projecten/W7_ICT");

        // 001 regels 775–782 and 860–866: the reserve, begin + movements = end each year; 772–773 its maximum of € 8,2 miljoen.
        await page.GotoAsync(app.Url("/reserves"));
        (await page.Locator("#reserve-1").InnerTextAsync()).Should().Be("Bestemmingsreserve Sociaal Domein: stand en mutaties per jaar");
        (await page.Locator("#reserve-maximum-1").InnerTextAsync()).Should().Contain("€\u00A08.200.000");
        var reserve2016 = page.Locator("#tabel-reserve-1 tbody tr", new() { HasText = "2016" });
        (await reserve2016.InnerTextAsync()).Should().Contain("€\u00A06.684.000").And.Contain("€\u00A01.626.000").And.Contain("€\u00A08.310.000").And.Contain("klopt");
        (await page.Locator("#tabel-reserve-1 tbody tr", new() { HasText = "2017" }).InnerTextAsync()).Should().Contain("raming").And.Contain("€\u00A0\u22122.730.000").And.Contain("€\u00A08.200.000");
        (await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.querySelector('canvas[data-chart=\"chart-reserve-1\"]'))")).Should().BeTrue();
        await AssertFitsAndAccessibleAsync(page, "/reserves");
        await Screenshots.SaveAsync(page, $"reserves-{width}");
        await page.CloseAsync();
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page, string url)
    {
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue($"no sideways scrolling on {url}; wide tables scroll inside their box");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty(url);
    }

    [Fact]
    public async Task Budget_NeedsAtMostFiveDatabaseRoundTrips()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/begroting", UriKind.Relative));
        factory.Commands.Reset();

        var response = await client.GetAsync(new Uri("/begroting", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Commands.Count.Should().BeLessThanOrEqualTo(5, "three for the figures, one for the explanation thresholds that judge them (issue 19), one for the findings about them");
    }

    [Fact]
    public async Task Budget_WithoutThresholds_SaysVariancesCannotBeJudged_AndLinksABeheerderToTheSettings()
    {
        await using (var db = Database.CreateContext())
        {
            db.ExplanationThresholdSettings.RemoveRange(db.ExplanationThresholdSettings);
            await db.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = factory.CreateClient();
        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/begroting", UriKind.Relative)));

        html.Should().Contain("niet te beoordelen: geen toelichtingsgrenzen ingesteld").And.NotContain("Toelichtingsgrenzen instellen");
        await Accounts.CreateAsync(factory, "beheerder", SocialDomain.Web.Security.Roles.Administrator);
        using var administrator = Accounts.Client(factory);
        (await Accounts.LoginAsync(administrator, "beheerder")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await administrator.GetStringAsync(new Uri("/begroting", UriKind.Relative))).Should().Contain("href=\"/beheer/toelichtingsgrenzen\"");
    }

    [Fact]
    public async Task Budget_SaysSo_WhenNoBudgetDataIsLoaded()
    {
        await Database.ResetAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/begroting", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Er zijn nog geen begrotingsgegevens geladen.");
    }
}
