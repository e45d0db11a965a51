using System.Net;
using Microsoft.Playwright;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests;

/// <summary>The G40 benchmark page with the real seed data (KPMG 2020, bijlagen 1–3), as a council member uses it.</summary>
public class BenchmarkPageTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Benchmark_ShowsHilversumAsCheapestG40MunicipalityForJeugd2018_AndFollowsTaskFieldAndHomeMunicipality()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(app.Url("/benchmark"));

        // A new user lands on the defaults: Jeugd totaal, the latest jaarrekening, Hilversum.
        (await page.Locator("select[name=veld]").InputValueAsync()).Should().Be("jeugd");
        (await page.Locator("select[name=jaar]").InputValueAsync()).Should().Be("2019-jaarrekening");
        (await page.Locator("select[name=gemeente]").InputValueAsync()).Should().Be("GM0402");
        (await page.Locator("a[aria-current=page]").InnerTextAsync()).Should().Be("Benchmark G40");
        (await page.Locator("select[name=veld] option").AllInnerTextsAsync()).Should().Equal(
            "Jeugd totaal", "6.72 Maatwerkdienstverlening 18-", "6.82 Geëscaleerde zorg 18-",
            "Wmo totaal", "6.6 Maatwerkvoorzieningen (Wmo)", "6.71 Maatwerkdienstverlening 18+",
            "Voorveld totaal", "6.1 Samenkracht en burgerparticipatie", "6.2 Wijkteams");
        (await page.Locator("select[name=jaar] option").AllInnerTextsAsync()).Should().Equal(
            "2017 jaarrekening", "2018 jaarrekening", "2019 begroting", "2019 jaarrekening", "2020 begroting");
        (await page.Locator("select[name=gemeente] option").CountAsync()).Should().Be(44, "the 40 G40 members and the G4 can each be home");
        (await AxeCheck.SeriousViolationsAsync(browser, page, openDetails: false)).Should().BeEmpty();

        await page.Locator("select[name=jaar]").SelectOptionAsync("2018-jaarrekening");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon benchmark" }).ClickAsync();

        page.Url.Should().Contain("jaar=2018-jaarrekening");
        // Bijlage 1, regel 363: Hilversum Totaal Jeugd 2018 jaarrekening −191,4, the lowest net cost of the 40 (docs/calculations.md).
        var facts = await page.Locator("#kerncijfers").InnerTextAsync();
        facts.Should().Contain("€\u00A0191,40").And.Contain("rang 1 van 40").And.Contain("percentiel 100")
            .And.Contain("laagste netto lasten per inwoner")
            .And.Contain("€\u00A089,68 per inwoner (31,9%) minder netto lasten dan het G40-gemiddelde");
        (await page.Locator("#ranglijst-samenvatting").InnerTextAsync())
            .Should().Contain("Hilversum staat op rang 1 van 40").And.Contain("de hoogste Heerlen (€\u00A0460,10)");
        (await page.Locator("p.sign-note").InnerTextAsync()).Should().Contain("negatief saldo is een netto last");
        // The data table opens from the keyboard.
        await page.Locator("section[aria-labelledby=ranglijst] details > summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var ranking = page.Locator("#tabel-ranglijst tbody tr");
        (await ranking.CountAsync()).Should().Be(40);
        (await ranking.Nth(0).InnerTextAsync()).Should().Contain("► Hilversum (eigen gemeente)").And.Contain("€\u00A0191,40").And.Contain("\u2212191,4");
        (await ranking.Nth(1).InnerTextAsync()).Should().Contain("Roosendaal").And.Contain("€\u00A0198,20");
        (await ranking.Nth(39).InnerTextAsync()).Should().Contain("Heerlen").And.Contain("€\u00A0460,10");
        var references = await page.Locator("#tabel-referenties").InnerTextAsync();
        references.Should().Contain("€\u00A0281,08").And.Contain("ongewogen gemiddelde van alle 40 G40-gemeenten")
            .And.Contain("€\u00A0281,10").And.Contain("klopt: vermeld \u2212281,1, herberekend \u2212281,08 (n = 40)")
            .And.Contain("Gemeentegrootte 50 000 tot 100 000 inwoners").And.Contain("€\u00A0262,40")
            .And.Contain("€\u00A071,00 per inwoner (27,1%) minder netto lasten dan de grootteklasse")
            .And.Contain("€\u00A056,40 per inwoner (22,8%) minder netto lasten dan Nederland");
        (await ChartRendered(page, "chart-ranglijst")).Should().Be(true, "charts.js draws the chart from its JSON");
        (await ChartRendered(page, "chart-per-jaar")).Should().Be(true);
        (await AxeCheck.SeriousViolationsAsync(browser, page, openDetails: true)).Should().BeEmpty();
        await OpenAllDetailsAsync(page);
        await Screenshots.SaveAsync(page, "03-benchmark");

        // Task field 6.72 Maatwerkdienstverlening 18-: Hilversum −148,1 is fourth, after 's-Hertogenbosch, Maastricht and Zaanstad.
        await page.Locator("select[name=veld]").SelectOptionAsync("6.72");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon benchmark" }).ClickAsync();

        page.Url.Should().Contain("veld=6.72").And.Contain("jaar=2018-jaarrekening");
        (await page.Locator("#kerncijfers").InnerTextAsync()).Should().Contain("€\u00A0148,10").And.Contain("rang 4 van 40");
        (await page.Locator("#kern").InnerTextAsync()).Should().Contain("6.72 Maatwerkdienstverlening 18-");
        (await page.Locator("#tabel-ranglijst tbody tr").Nth(0).TextContentAsync()).Should().Contain("'s-Hertogenbosch").And.Contain("€\u00A039,60");
        (await page.Locator("#tabel-referenties").InnerTextAsync()).Should().Contain("€\u00A0230,40", "the stated G40 average of 6.72 in 2018");

        // Home municipality Almere (GM0034, 150 000–250 000 inwoners): −245,9 is rank 26, the size class is GK7 (−211,3).
        await page.Locator("select[name=gemeente]").SelectOptionAsync("GM0034");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon benchmark" }).ClickAsync();

        page.Url.Should().Contain("gemeente=GM0034");
        var almere = await page.Locator("#kerncijfers").InnerTextAsync();
        almere.Should().Contain("€\u00A0245,90").And.Contain("rang 26 van 40");
        (await page.Locator("#kern").InnerTextAsync()).Should().StartWith("Almere");
        (await page.Locator("#tabel-ranglijst tr.home-row").TextContentAsync()).Should().Contain("► Almere (eigen gemeente)");
        (await page.Locator("#tabel-referenties").InnerTextAsync())
            .Should().Contain("Gemeentegrootte 150 000 tot 250 000 inwoners").And.Contain("€\u00A0211,30")
            .And.Contain("€\u00A034,60 per inwoner").And.Contain("meer netto lasten dan de grootteklasse");
        (await page.Locator("#tabel-zoals-wij tbody tr").Nth(0).InnerTextAsync()).Should().Contain("Almere (eigen gemeente)");
        (await page.Locator("#tabel-zoals-wij tbody tr").CountAsync()).Should().Be(6, "Almere plus its five closest G40 municipalities");
        (await AxeCheck.SeriousViolationsAsync(browser, page, openDetails: false)).Should().BeEmpty();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Benchmark_WarnsThatTheStatedJeugd2020BudgetAverageIgnoresLelystadsMissingValue()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(app.Url("/benchmark?veld=jeugd&jaar=2020-begroting"));

        // Bijlage 1, regel 380: the printed −280,3 is the sum of 39 values divided by 40; the mean of the 39 is −287,50.
        var finding = await page.Locator("#bevinding-kolom").InnerTextAsync();
        finding.Should().Contain("Jeugd totaal, 2020 begroting").And.Contain("\u2212280,30").And.Contain("\u2212287,50").And.Contain("Lelystad");
        (await page.Locator("#ontbrekend").InnerTextAsync()).Should().Contain("Lelystad");
        (await page.Locator("#kerncijfers").InnerTextAsync()).Should().Contain("€\u00A0192,10").And.Contain("rang 1 van 39");
        var references = await page.Locator("#tabel-referenties").InnerTextAsync();
        references.Should().Contain("ongewogen gemiddelde van 39 van de 40 G40-gemeenten; zonder waarde: Lelystad")
            .And.Contain("wijkt af: vermeld \u2212280,3, herberekend \u2212287,5, verschil 7,2 (n = 39; ontbreekt: Lelystad)");
        // The printed deficit −7,1% rests on the biased average; from the recomputed means it is −4,68% (docs/calculations.md, Growth).
        var change = page.Locator("#tabel-stijging tr", new() { HasText = "2020 begroting" });
        (await change.InnerTextAsync()).Should().Contain("\u22124,68%").And.Contain("\u22127,06%");
        (await AxeCheck.SeriousViolationsAsync(browser, page, openDetails: true)).Should().BeEmpty();
        await OpenAllDetailsAsync(page);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Benchmark_ShowsGemeentenZoalsWij_WithTheCharacteristicsAndWeightsUsed()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/benchmark?jaar=2018-jaarrekening", UriKind.Relative)));

        html.Should().Contain("Kenmerken en gewichten voor \"gemeenten zoals wij\"")
            .And.Contain("Aantal inwoners").And.Contain("% jongeren met jeugdhulp").And.Contain("% inwoners 75 jaar en ouder");
        // Compared with every municipality with characteristics: the G40 and the G4 (docs/calculations.md, "Gemeenten zoals wij",
        // the dashboard's comparison group, 2020-09 snapshot, all six characteristics).
        PeerNames(html).Should().Equal("Breda", "Hengelo", "Deventer", "Haarlem", "'s-Hertogenbosch");

        // With only the four Bijlage 1 characteristics (docs/calculations.md: Haarlem, Breda, Deventer, Alkmaar, Hengelo on the
        // 2019-12 populations); the page uses the latest snapshot (2020-09), which keeps the same five.
        var fourCharacteristics = WebUtility.HtmlDecode(await client.GetStringAsync(
            new Uri("/benchmark?jaar=2018-jaarrekening&gewicht%5B65-74%5D=0&gewicht%5B75plus%5D=0", UriKind.Relative)));
        PeerNames(fourCharacteristics).Should().Equal("Haarlem", "Breda", "Deventer", "Alkmaar", "Hengelo");
    }

    [Fact]
    public async Task Benchmark_ExplainsInvalidQueryValuesInDutch_AndShowsTheDefaults()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/benchmark?jaar=abc&gemeente=XX&veld=9.9&gewicht%5Binwoners%5D=veel", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("'9.9' is geen domein of taakveld in de benchmark").And.Contain("Jeugd totaal wordt getoond");
        html.Should().Contain("'abc' is geen jaar en fase in de benchmark").And.Contain("2019 jaarrekening (de laatste jaarrekening) wordt getoond");
        html.Should().Contain("'XX' is geen gemeente in de benchmark").And.Contain("Hilversum wordt getoond");
        html.Should().Contain("Het gewicht 'veel' voor 'Aantal inwoners' is geen getal van 0 tot en met 10");
        html.Should().Contain("Hilversum: Jeugd totaal, 2019 jaarrekening").And.Contain("€\u00A0200,00");
    }

    [Fact]
    // Four: the catalogue, the municipalities, the values shown (flat: issue 21, a nested read scanned every value of
    // the domain) and the findings.
    public async Task Benchmark_NeedsAtMostFourDatabaseRoundTrips()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/benchmark", UriKind.Relative));

        foreach (var url in new[] { "/benchmark?veld=6.72&jaar=2020-begroting&gemeente=GM0034", "/benchmark?jaar=abc&gemeente=XX&veld=9.9" })
        {
            factory.Commands.Reset();

            var response = await client.GetAsync(new Uri(url, UriKind.Relative));

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            factory.Commands.Count.Should().BeLessThanOrEqualTo(4, url);
        }
    }

    [Fact]
    public async Task Benchmark_SaysSo_WhenNoBenchmarkFiguresAreLoaded()
    {
        await Database.ResetAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/benchmark?veld=6.72", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Er zijn nog geen benchmarkcijfers geladen.");
    }

    private static async Task<bool> ChartRendered(IPage page, string id) =>
        await page.EvaluateAsync<bool>("id => typeof Chart !== 'undefined' && !!Chart.getChart(document.querySelector(`canvas[data-chart=\"${id}\"]`))", id);

    private static Task OpenAllDetailsAsync(IPage page) =>
        page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

    private static List<string> PeerNames(string html)
    {
        var table = html[html.IndexOf("id=\"tabel-zoals-wij\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</tbody>", StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(table, "<tr>\\s*<th scope=\"row\">([^<]+)</th>")
            .Select(m => m.Groups[1].Value.Trim()).ToList();
    }
}

/// <summary>axe-core on the page as the user sees it, optionally with every &lt;details&gt; (data table) opened.</summary>
internal static class AxeCheck
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(BrowserFixture browser, IPage page, bool openDetails)
    {
        _ = browser;
        if (openDetails)
        {
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        }

        return await Accessibility.SeriousViolationsAsync(page);
    }
}
