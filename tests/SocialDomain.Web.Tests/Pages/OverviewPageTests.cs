using System.Net;
using Microsoft.Playwright;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>
/// The Kwartaaloverzicht (/): with the real seed data, in Chromium, as a council member uses it, and with a hand-made
/// KPI from an empty database.
/// </summary>
public class OverviewPageTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    /// <summary>The real seed data (the tests of a hand-made KPI start from an empty database instead).</summary>
    private async Task SeedAsync()
    {
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Overview_ShowsTheLatestQuarter_AndSwitchesQuarter()
    {
        await SeedAsync();
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(app.Url("/"));

        (await page.Locator("select[name=kwartaal]").InputValueAsync()).Should().Be("2020-K4");
        var wmoRow = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Wmo-aanvragen afgehandeld binnen de termijn" }) });
        (await wmoRow.InnerTextAsync()).Should().Contain("60%").And.Contain("80%").And.Contain("uit koers");
        (await page.Locator("#actualiteit").InnerTextAsync()).Should().Contain("Stand 2020-K4");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await Screenshots.SaveAsync(page, "01-kwartaaloverzicht");

        await page.Locator("select[name=kwartaal]").SelectOptionAsync("2019-K3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon kwartaal" }).ClickAsync();

        page.Url.Should().EndWith("kwartaal=2019-K3");
        (await wmoRow.InnerTextAsync()).Should().Contain("70%", "in July 2019 the Wmo decided 70% within the term (000, regel 218)");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Overview_WithManyKpis_ShowsTheCounts_ThenOneProgrammeOrDomainAtATime(int width, int height)
    {
        var source = new SourceReference("000", "test");
        await using (var db = Database.CreateContext())
        {
            db.Programmes.AddRange(new Programme { Code = "1", Name = "Werk" }, new Programme { Code = "2", Name = "Zorg" });
            for (var i = 0; i < OverviewReport.OpenUpTo + 10; i++)
            {
                var kpi = new Kpi
                {
                    Code = $"VEEL_{i:D3}", Name = $"Indicator {i:D3}", Definition = "Test.", Unit = KpiUnit.Count, Direction = KpiDirection.HigherIsBetter,
                    Frequency = KpiFrequency.Quarter, Domain = i % 10 == 1 ? SocialDomainArea.Jeugd : SocialDomainArea.Wmo, ProgrammeCode = i % 2 == 0 ? "1" : "2",
                    Owner = "Team", Source = source,
                };
                kpi.Targets.Add(new KpiTarget { Version = 1, ValidFromYear = 2019, TargetValue = 10m, ChangedBy = "test", Source = source });
                kpi.Measurements.Add(new KpiMeasurement { Year = 2020, Quarter = 3, Value = 8m, Status = MeasurementStatus.Final, Source = source });
                kpi.Measurements.Add(new KpiMeasurement { Year = 2020, Quarter = 4, Value = i % 3 == 0 ? 12m : 8m, Status = MeasurementStatus.Final, Source = source });
                db.Kpis.Add(kpi);
            }

            await db.SaveChangesAsync();
            await QuarterPublisher.PublishAsync(db, Period.OfQuarter(2020, 4), "test", null, TimeProvider.System);
        }

        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());

        // The summary: every programme's and domain's counts, no rows yet.
        var summary = page.Locator("#samenvatting-tabel");
        (await summary.Locator("tr", new() { HasText = "Programma 1 Werk" }).InnerTextAsync()).Should().MatchRegex(@"12\s+0\s+23\s+0\s+35");
        (await summary.Locator("tr", new() { HasText = "Jeugd" }).InnerTextAsync()).Should().MatchRegex(@"Jeugd\s+2\s+0\s+5\s+0\s+7", "i = 1, 11, …, 61; on track when i is a multiple of 3 (21, 51)");
        (await page.Locator("#per-sectie").InnerTextAsync()).Should().Contain("Dit overzicht telt 70 KPI's");
        (await page.Locator("details.programme-kpis").CountAsync()).Should().Be(0, "with more than OpenUpTo KPIs the page starts with the summary only");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Indicator 000" }).CountAsync()).Should().Be(0);
        await AssertFitsAndAccessibleAsync(page);
        if (width > 1000)
        {
            await Screenshots.SaveAsync(page, "01b-kwartaaloverzicht-veel-kpis");
        }

        // One programme: its rows, open, each sparkline with its text alternative.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Programma 1 Werk" }).ClickAsync();
        page.Url.Should().Contain("kwartaal=2020-K4").And.Contain("programma=1").And.EndWith("#programma-1");
        (await page.Locator("details.programme-kpis[open]").CountAsync()).Should().Be(1);
        (await page.Locator("details.programme-kpis summary").InnerTextAsync()).Should().Be("35 KPI's: 12 op koers, 23 uit koers");
        (await page.Locator("svg[role=img][aria-label^='Verloop: 2020-K3 8, 2020-K4']").CountAsync()).Should().Be(35, "each sparkline keeps its text alternative");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Indicator 000" }).IsVisibleAsync()).Should().BeTrue();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Indicator 001" }).CountAsync()).Should().Be(0, "programme 2 is not shown");
        await AssertFitsAndAccessibleAsync(page);
        if (width > 1000)
        {
            await Screenshots.SaveAsync(page, "01c-kwartaaloverzicht-een-programma");
        }

        // One domain of the other programme, from the summary.
        await summary.Locator("tr", new() { HasText = "Jeugd" }).GetByRole(AriaRole.Link).ClickAsync();
        page.Url.Should().Contain("programma=2").And.Contain("domein=jeugd");
        (await page.Locator("table.data:not(.summary) tbody tr").CountAsync()).Should().Be(7);
        (await page.Locator("details.programme-kpis").InnerTextAsync()).Should().Contain("U ziet alleen Jeugd");

        // Every row on one page: the programmes start closed, their counts visible.
        await page.GetByRole(AriaRole.Link, new() { Name = "toon alle 70 KPI's op één pagina" }).ClickAsync();
        page.Url.Should().Contain("programma=alle");
        var sections = page.Locator("details.programme-kpis");
        (await sections.CountAsync()).Should().Be(2);
        (await page.Locator("details.programme-kpis[open]").CountAsync()).Should().Be(0, "with more than OpenUpTo KPIs on one page the programmes start closed");
        (await sections.First.Locator("summary").InnerTextAsync()).Should().Be("35 KPI's: 12 op koers, 23 uit koers");
        (await page.Locator("svg[role=img][aria-label^='Verloop: 2020-K3 8, 2020-K4']").CountAsync()).Should().Be(70);
        await sections.First.Locator("summary").ClickAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Indicator 000" }).IsVisibleAsync()).Should().BeTrue();
        await AssertFitsAndAccessibleAsync(page);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Overview_WithAnUnknownProgramme_SaysSo_AndShowsTheSummary()
    {
        await SeedAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var text = PageText.OfMain(await (await client.GetAsync(new Uri("/?programma=99&domein=wmo", UriKind.Relative))).Content.ReadAsStringAsync());
        var jeugd = PageText.OfMain(await (await client.GetAsync(new Uri("/?programma=alle&domein=jeugd", UriKind.Relative))).Content.ReadAsStringAsync());

        text.Should().Contain("Programma '99' heeft in het domein Wmo geen KPI's in dit overzicht; alle KPI's worden getoond.")
            .And.Contain("Wmo-aanvragen afgehandeld binnen de termijn", "the seed set is small, so every row is shown instead");
        jeugd.Should().NotContain("Wmo-aanvragen afgehandeld binnen de termijn", "only the Jeugd rows are shown");
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page)
    {
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("no sideways scrolling");
    }

    [Fact]
    public async Task Overview_NeedsAtMostFiveDatabaseRoundTrips()
    {
        await SeedAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative));
        factory.Commands.Reset();

        var response = await client.GetAsync(new Uri("/?kwartaal=2019-K4", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Commands.Count.Should().BeLessThanOrEqualTo(5, "publications, KPIs, target versions, commentary, measurements (flat reads: issue 21)");
    }

    [Fact]
    public async Task Overview_SaysOnTrackWithinTheMargin_AndExplainsTheStatusesInALegend()
    {
        var source = new SourceReference("000", "test");
        await using (var db = Database.CreateContext())
        {
            var kpi = new Kpi
            {
                Code = "WMO_T", Name = "Wmo binnen de termijn", Definition = "Test.", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter,
                Frequency = KpiFrequency.Quarter, Domain = SocialDomainArea.Wmo, Owner = "Team Wmo", Source = source,
            };
            kpi.Targets.Add(new KpiTarget { Version = 1, ValidFromYear = 2020, TargetValue = 95m, ChangedBy = "import", Source = source });
            kpi.Measurements.Add(new KpiMeasurement { Year = 2021, Quarter = 1, Value = 92m, Status = MeasurementStatus.Final, Source = source });
            db.Kpis.Add(kpi);
            await db.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var staff = Accounts.Client(factory);
        await Accounts.LoginAsync(staff, "adviseur");

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync(new Uri("/?kwartaal=2021-K1", UriKind.Relative)));

        html.Should().Contain("op koers</span> <span class=\"meta\">(binnen de marge)</span>", "92% against 95% is on track only thanks to the 5% margin")
            .And.Contain("<summary>Wat betekenen de statussen?</summary>")
            .And.Contain("blijft er hooguit 5% van de streefwaarde bij achter")
            .And.Contain("meer dan 5% en hooguit 15% van de streefwaarde achter");
    }

    [Fact]
    public async Task Overview_ExplainsAnInvalidQuarter_InDutch()
    {
        await SeedAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/?kwartaal=2020-K9", UriKind.Relative));

        html.Should().Contain("is geen kwartaal (gebruik bijvoorbeeld 2020-K3)");
    }

    [Fact]
    public async Task Overview_IsServedFromTheOutputCacheToAnonymousReaders_ButNeverToSignedInStaff()
    {
        await SeedAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = Accounts.Client(factory);
        (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).Headers.Age.Should().BeNull("the first request renders the page");
        factory.Commands.Reset();

        var cached = await anonymous.GetAsync(new Uri("/", UriKind.Relative));

        cached.StatusCode.Should().Be(HttpStatusCode.OK);
        cached.Headers.Age.Should().NotBeNull("the second anonymous request is served from the output cache");
        factory.Commands.Count.Should().Be(0);

        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var staff = Accounts.Client(factory);
        await Accounts.LoginAsync(staff, "adviseur");
        factory.Commands.Reset();

        var fresh = await staff.GetAsync(new Uri("/", UriKind.Relative));

        fresh.Headers.Age.Should().BeNull("signed-in users never get a cached page");
        fresh.Headers.CacheControl!.NoStore.Should().BeTrue();
        factory.Commands.Count.Should().BeGreaterThan(0);
        (await fresh.Content.ReadAsStringAsync()).Should().Contain("U ziet als medewerker ook kwartalen");
    }

    [Fact]
    public async Task HomePage_ListsProgrammesAndKpisFromTheDatabase_InDutch()
    {
        await using (var db = Database.CreateContext())
        {
            var werken = new Programme { Code = "3", Name = "Werken" };
            db.Programmes.AddRange(new Programme { Code = "2", Name = "Zorg" }, werken);
            var kpi = new Kpi
            {
                Code = "UITSTROOM", Name = "Uitstroom uit de bijstand naar werk", Definition = "Aantal personen.",
                Unit = KpiUnit.Count, Direction = KpiDirection.HigherIsBetter, Frequency = KpiFrequency.Year,
                Domain = SocialDomainArea.WerkInkomen, Programme = werken, Source = new SourceReference("004", "test"),
            };
            kpi.Measurements.Add(new KpiMeasurement { Year = 2019, Value = 1234m, Status = MeasurementStatus.Final, Source = new SourceReference("004", "test") });
            db.Kpis.Add(kpi);
            await db.SaveChangesAsync();
            await QuarterPublisher.PublishAsync(db, Period.OfQuarter(2019, 4), "test", null, TimeProvider.System);
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<html lang=\"nl\">");
        html.Should().Contain("Programma 3 Werken");
        html.Should().Contain("Uitstroom uit de bijstand naar werk");
        html.Should().Contain("1.234", "numbers are formatted nl-NL");
        html.Should().Contain("Benchmark G40").And.Contain("Begroting").And.Contain("Export");
    }

    [Fact]
    public async Task HomePage_SaysSo_WhenNoQuarterIsPublished()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        html.Should().Contain("Er is nog geen kwartaal gepubliceerd.");
    }
}
