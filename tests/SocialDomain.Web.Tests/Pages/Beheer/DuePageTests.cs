using System.Net;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>/beheer/te-leveren: the figures due in a quarter from each KPI's frequency, per owner (issue 15 item 4).</summary>
public class DuePageTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    private static readonly SourceReference Source = new("000", "test");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        Kpi Add(string code, string name, string? owner, KpiFrequency frequency) => new()
        {
            Code = code, Name = name, Definition = "Test.", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter, Frequency = frequency,
            Domain = SocialDomainArea.Wmo, Owner = owner, Source = Source,
        };
        var delivered = Add("WMO_Q_DONE", "Wmo binnen termijn", "Team Wmo", KpiFrequency.Quarter);
        delivered.Measurements.Add(new KpiMeasurement { Year = 2021, Quarter = 1, Value = 81.5m, Status = MeasurementStatus.Provisional, Source = Source });
        db.Kpis.AddRange(delivered, Add("WMO_Q_OPEN", "Wmo klachten afgehandeld", "Team Wmo", KpiFrequency.Quarter),
            Add("JEUGD_Y", "Jeugd jaarcijfer", "Team Jeugd", KpiFrequency.Year));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Advisor_SeesPerOwner_WhatIsDeliveredAndWhatIsLate()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "adviseur");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/beheer/te-leveren?kwartaal=2021-K1", UriKind.Relative)));

        html.Should().Contain("Te leveren cijfers <span class=\"nowrap\">2021-K1</span>")
            .And.Contain("<h2>Team Wmo</h2>")
            .And.Contain("Team Wmo: 1 te laat, 0 ontbreken, 1 geleverd")
            .And.Contain("81,5% (voorlopig)")
            .And.Contain("12-05-2021")
            .And.NotContain("Jeugd jaarcijfer", "a yearly figure is due in the fourth quarter only");
        var yearEnd = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/beheer/te-leveren?kwartaal=2021-K4", UriKind.Relative)));
        yearEnd.Should().Contain("Jeugd jaarcijfer").And.Contain("<h2>Team Jeugd</h2>");
    }

    [Fact]
    public async Task StaffOverview_ShowsTheQuarterlyRoutine_ForTheLastEndedQuarter()
    {
        var today = DateTime.UtcNow;
        var lastEnded = today.Month <= 3 ? (Year: today.Year - 1, Quarter: 4) : (Year: today.Year, Quarter: (today.Month - 1) / 3);
        await using (var db = Database.CreateContext())
        {
            var kpi = db.Kpis.Single(k => k.Code == "WMO_Q_DONE");
            db.KpiMeasurements.Add(new KpiMeasurement { KpiId = kpi.Id, Year = lastEnded.Year, Quarter = lastEnded.Quarter, Value = 80m, Status = MeasurementStatus.Provisional, Source = Source });
            await db.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "controller", Roles.Controller);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "controller");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/beheer", UriKind.Relative)));

        var quarter = $"{lastEnded.Year}-K{lastEnded.Quarter}";
        html.Should().Contain($"Kwartaalroutine <span class=\"nowrap\">{quarter}</span>")
            .And.Contain("<strong>Invoeren:</strong> 1 van 2 te leveren cijfers ontbreekt nog")
            .And.Contain("<strong>Bevestigen:</strong> 1 cijfer is nog voorlopig en wacht op bevestiging door een controller")
            .And.Contain("<strong>Publiceren:</strong> nog niet gepubliceerd")
            .And.Contain($"href=\"/beheer/invoer?kwartaal={quarter}\"");
    }

    [Fact]
    public async Task AnUnreadableQuarter_GetsADutchMessage_AndTheLastEndedQuarter()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "controller", Roles.Controller);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "controller");

        var response = await client.GetAsync(new Uri("/beheer/te-leveren?kwartaal=2021-K9", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("'2021-K9' is geen kwartaal (gebruik bijvoorbeeld 2020-K3)");
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Page_HasNoSeriousAccessibilityViolations(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var (context, page) = await BrowserLogin.AsAsync(browser.Browser, app, "adviseur", Roles.PolicyAdvisor, width, height);
        await page.GotoAsync(app.Url("/beheer/te-leveren?kwartaal=2021-K1"));

        (await page.Locator("h1").InnerTextAsync()).Should().Contain("Te leveren cijfers");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue("no sideways scrolling of the page itself");
        await context.CloseAsync();
    }
}
