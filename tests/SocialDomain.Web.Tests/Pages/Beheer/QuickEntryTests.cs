using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>/beheer/invoer (issue 15 item 1): a quarter's due figures in one sitting, per row or all at once, nothing half.</summary>
public class QuickEntryTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    private const string Page = "/beheer/invoer?kwartaal=2021-K1";
    private static readonly SourceReference Source = new("000", "test");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        Kpi Add(string code, string name, KpiUnit unit, KpiFrequency frequency) => new()
        {
            Code = code, Name = name, Definition = "Test.", Unit = unit, Direction = KpiDirection.HigherIsBetter, Frequency = frequency,
            Domain = SocialDomainArea.Wmo, Owner = "Team Wmo", Source = Source,
        };
        var wmo = Add("WMO_Q", "Wmo binnen de termijn", KpiUnit.Percent, KpiFrequency.Quarter);
        wmo.Measurements.Add(new KpiMeasurement { Year = 2020, Quarter = 4, Value = 77m, Status = MeasurementStatus.Final, Source = Source });
        db.Kpis.AddRange(wmo, Add("KLACHT_Q", "Klachten per kwartaal", KpiUnit.Count, KpiFrequency.Quarter), Add("SCORE_Y", "Rapportcijfer", KpiUnit.Score, KpiFrequency.Year));
        await db.SaveChangesAsync();
    }

    private static async Task<HttpClient> AdvisorAsync(DashboardFactory factory)
    {
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "adviseur");
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Accounts.AntiforgeryTokenAsync(client, Page);
        return await client.PostAsync(new Uri(Page, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private async Task<List<(string Code, decimal Value)>> StoredIn2021Async()
    {
        await using var db = Database.CreateContext();
        return (await db.KpiMeasurements.Where(m => m.Year == 2021).Select(m => new { m.Kpi!.Code, m.Value }).ToListAsync())
            .Select(m => (m.Code, m.Value)).OrderBy(m => m.Code).ToList();
    }

    [Fact]
    public async Task Page_ListsTheDueFigures_WithTheirPreviousValue()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Page, UriKind.Relative)));

        html.Should().Contain("Wmo binnen de termijn").And.Contain("77% (2020-K4)").And.Contain("Klachten per kwartaal")
            .And.NotContain("Rapportcijfer", "a yearly figure is due in the fourth quarter");
    }

    [Fact]
    public async Task SavingAll_WithOneBadRow_StoresNothing_AndKeepsWhatWasTyped()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var response = await PostAsync(client, new()
        {
            ["Rows[0].Code"] = "KLACHT_Q", ["Rows[0].Value"] = "-3",
            ["Rows[1].Code"] = "WMO_Q", ["Rows[1].Value"] = "81,5", ["Rows[1].Source"] = "Rapportage",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Er is niets opgeslagen").And.Contain(">KLACHT_Q</a>: Waarde: -3 past niet bij de eenheid")
            .And.Contain("value=\"81,5\"").And.Contain("value=\"-3\"");
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task SavingAll_StoresEveryFilledRow_AsProvisional_WithVersionsAndAuditRows()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);

        var response = await PostAsync(client, new()
        {
            ["Rows[0].Code"] = "KLACHT_Q", ["Rows[0].Value"] = "12",
            ["Rows[1].Code"] = "WMO_Q", ["Rows[1].Value"] = "81,5",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/beheer/invoer?kwartaal=2021-K1&opgeslagen=2");
        (await StoredIn2021Async()).Should().Equal(("KLACHT_Q", 12m), ("WMO_Q", 81.5m));
        await using var db = Database.CreateContext();
        (await db.KpiMeasurements.Where(m => m.Year == 2021).AllAsync(m => m.Status == MeasurementStatus.Provisional)).Should().BeTrue();
        (await db.KpiMeasurementVersions.CountAsync(v => v.Year == 2021 && v.Change == MeasurementChange.Entered)).Should().Be(2);
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.MeasurementEntered)).Should().Be(2);
    }

    [Fact]
    public async Task SavingOneRow_StoresOnlyThatRow()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);

        var response = await PostAsync(client, new()
        {
            ["Rows[0].Code"] = "KLACHT_Q", ["Rows[0].Value"] = "12",
            ["Rows[1].Code"] = "WMO_Q", ["Rows[1].Value"] = "veel",
            ["rij"] = "KLACHT_Q",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredIn2021Async()).Should().Equal(("KLACHT_Q", 12m));
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Page_WorksWithTheKeyboardOnly_AndHasNoSeriousAccessibilityViolations(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var (context, page) = await BrowserLogin.AsAsync(browser.Browser, app, "adviseur", Roles.PolicyAdvisor, width, height);
        await page.GotoAsync(app.Url(Page));
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();

        await page.GetByLabel("Waarde Wmo binnen de termijn (%)").FocusAsync();
        await page.Keyboard.TypeAsync("81,5");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**opgeslagen=1");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("1 waarde opgeslagen");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue("no sideways scrolling of the page itself");
        await context.CloseAsync();
    }
}
