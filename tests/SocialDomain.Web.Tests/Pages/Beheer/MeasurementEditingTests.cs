using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>
/// /beheer/metingen/{code} (issue 15 items 1–2): enter, correct, withdraw and confirm values through the real forms;
/// every change a version plus an audit row; four eyes on final values; stale corrections refused.
/// </summary>
public class MeasurementEditingTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    private const string Page = "/beheer/metingen/WMO_Q";
    private static readonly SourceReference Source = new("000", "test");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Kpis.Add(new Kpi
        {
            Code = "WMO_Q", Name = "Wmo binnen de termijn", Definition = "Test.", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter,
            Frequency = KpiFrequency.Quarter, Domain = SocialDomainArea.Wmo, Owner = "Team Wmo", Source = Source,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<HttpClient> LoginAsync(DashboardFactory factory, string name, string role)
    {
        await Accounts.CreateAsync(factory, name, role);
        var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, name)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields, string getPath = Page)
    {
        fields["__RequestVerificationToken"] = await Accounts.AntiforgeryTokenAsync(client, getPath);
        return await client.PostAsync(new Uri($"{Page}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private async Task<(decimal Value, MeasurementStatus Status)?> StoredAsync(int quarter)
    {
        await using var db = Database.CreateContext();
        var m = await db.KpiMeasurements.AsNoTracking().SingleOrDefaultAsync(x => x.Kpi!.Code == "WMO_Q" && x.Year == 2021 && x.Quarter == quarter);
        return m is null ? null : (m.Value, m.Status);
    }

    [Fact]
    public async Task Advisor_Enters_ControllerConfirms_AdvisorCorrectsWithReason_AndEveryStepIsAVersionWithAnAuditRow()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var controller = await LoginAsync(factory, "controller", Roles.Controller);

        var entered = await PostAsync(advisor, "Invoeren", new() { ["Form.Period"] = "2021-K1", ["Form.Value"] = "81,5", ["Form.Source"] = "Rapportage Wmo-loket" });
        entered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(1)).Should().Be((81.5m, MeasurementStatus.Provisional), "an advisor's value is provisional");

        var rowVersion = await Accounts.FormValueAsync(controller, Page + "?periode=2021-K1", "Form.RowVersion");
        var confirmed = await PostAsync(controller, "Bevestigen", new() { ["Form.Period"] = "2021-K1", ["Form.RowVersion"] = rowVersion });
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(1)).Should().Be((81.5m, MeasurementStatus.Final));

        rowVersion = await Accounts.FormValueAsync(advisor, Page + "?periode=2021-K1", "Form.RowVersion");
        var corrected = await PostAsync(advisor, "Corrigeren",
            new() { ["Form.Period"] = "2021-K1", ["Form.Value"] = "79", ["Form.Reason"] = "Dubbel geteld dossier verwijderd.", ["Form.RowVersion"] = rowVersion },
            Page + "?periode=2021-K1");
        corrected.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(1)).Should().Be((79m, MeasurementStatus.Provisional), "a corrected value needs confirming again");

        await using var db = Database.CreateContext();
        var versions = await db.KpiMeasurementVersions.Where(v => v.Kpi!.Code == "WMO_Q").OrderBy(v => v.Version).ToListAsync();
        versions.Select(v => (v.Version, v.Change, v.Value, v.ChangedBy)).Should().Equal(
            (1, MeasurementChange.Entered, 81.5m, "adviseur"), (2, MeasurementChange.Confirmed, 81.5m, "controller"), (3, MeasurementChange.Corrected, 79m, "adviseur"));
        versions[2].Reason.Should().Be("Dubbel geteld dossier verwijderd.");
        var audit = await db.AuditLog.Where(a => a.Object == "kpi:WMO_Q:2021-K1").OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => a.Action).Should().Equal(AuditActions.MeasurementEntered, AuditActions.MeasurementConfirmed, AuditActions.MeasurementCorrected);
        using (var details = System.Text.Json.JsonDocument.Parse(audit[2].Details!))
        {
            details.RootElement.GetProperty("oud").GetDecimal().Should().Be(81.5m);
            details.RootElement.GetProperty("nieuw").GetDecimal().Should().Be(79m);
        }

        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync(new Uri(Page, UriKind.Relative)));
        page.Should().Contain("gecorrigeerd").And.Contain("Dubbel geteld dossier verwijderd.").And.Contain("bevestigd");
    }

    [Fact]
    public async Task BadInput_GetsDutchMessagesAtTheFields_AndWritesNothing()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur", Roles.PolicyAdvisor);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var response = await PostAsync(advisor, "Invoeren", new() { ["Form.Period"] = "2099-K1", ["Form.Value"] = "1,234.5" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Periode: 2099-K1 ligt in de toekomst.").And.Contain("Waarde: '1,234.5' is geen getal");
        html.Should().Contain("value=\"1,234.5\"", "typed values are kept");
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task AStaleCorrection_IsRefusedAsAConflict_AndAudited()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var first = await LoginAsync(factory, "adviseur1", Roles.PolicyAdvisor);
        using var second = await LoginAsync(factory, "adviseur2", Roles.PolicyAdvisor);
        (await PostAsync(first, "Invoeren", new() { ["Form.Period"] = "2021-K2", ["Form.Value"] = "70" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stale = await Accounts.FormValueAsync(second, Page + "?periode=2021-K2", "Form.RowVersion");
        var fresh = await Accounts.FormValueAsync(first, Page + "?periode=2021-K2", "Form.RowVersion");
        (await PostAsync(first, "Corrigeren", new() { ["Form.Period"] = "2021-K2", ["Form.Value"] = "71", ["Form.Reason"] = "Nagekomen dossiers.", ["Form.RowVersion"] = fresh }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var late = await PostAsync(second, "Corrigeren", new() { ["Form.Period"] = "2021-K2", ["Form.Value"] = "65", ["Form.Reason"] = "Andere telling.", ["Form.RowVersion"] = stale });

        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()).Should().Contain("Iemand anders heeft deze waarde intussen gewijzigd");
        (await StoredAsync(2))!.Value.Value.Should().Be(71m);
        await using var db = Database.CreateContext();
        (await db.AuditLog.CountAsync(a => a.Result == AuditResults.Conflict && a.Actor == "adviseur2")).Should().Be(1);
    }

    [Fact]
    public async Task Withdrawal_NeedsAReason_RemovesTheValue_AndKeepsItInTheHistory()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await LoginAsync(factory, "controller", Roles.Controller);
        (await PostAsync(controller, "Invoeren", new() { ["Form.Period"] = "2021-K3", ["Form.Value"] = "60", ["Form.Final"] = "true" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(3)).Should().Be((60m, MeasurementStatus.Final), "a controller may store a final value at once");
        var rowVersion = await Accounts.FormValueAsync(controller, Page + "?periode=2021-K3", "Form.RowVersion");

        var noReason = await PostAsync(controller, "Intrekken", new() { ["Form.Period"] = "2021-K3", ["Form.RowVersion"] = rowVersion }, Page + "?periode=2021-K3");
        noReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()).Should().Contain("Reden: een correctie of intrekking vraagt een reden.");
        (await StoredAsync(3)).Should().NotBeNull();

        (await PostAsync(controller, "Intrekken", new() { ["Form.Period"] = "2021-K3", ["Form.RowVersion"] = rowVersion, ["Form.Reason"] = "Verkeerde KPI." }, Page + "?periode=2021-K3"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(3)).Should().BeNull();
        await using var db = Database.CreateContext();
        (await db.KpiMeasurementVersions.OrderBy(v => v.Version).Select(v => v.Change).ToListAsync()).Should().Equal(MeasurementChange.Entered, MeasurementChange.Withdrawn);
    }

    [Fact]
    public async Task AController_CannotConfirmAValueHeLastChanged()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await LoginAsync(factory, "controller", Roles.Controller);
        (await PostAsync(controller, "Invoeren", new() { ["Form.Period"] = "2021-K1", ["Form.Value"] = "60" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var rowVersion = await Accounts.FormValueAsync(controller, Page + "?periode=2021-K1", "Form.RowVersion");

        var response = await PostAsync(controller, "Bevestigen", new() { ["Form.Period"] = "2021-K1", ["Form.RowVersion"] = rowVersion });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("Vier ogen");
        (await StoredAsync(1))!.Value.Status.Should().Be(MeasurementStatus.Provisional);
    }

    [Fact]
    public async Task AnImportThatChangesAValue_AddsAnImportedVersion_AndAnUnchangedOneAddsNone()
    {
        const string header = "kpi_code;period;value;status;source_document;source_section;note";
        async Task ImportAsync(string value)
        {
            await using var db = Database.CreateContext();
            var report = await new DatasetImporter(db).ImportAsync([new ImportFile("measurements.csv", Encoding.UTF8.GetBytes($"{header}\nWMO_Q;2021-K1;{value};final;000;x;\n"))]);
            report.Problems.Should().BeEmpty();
        }

        await ImportAsync("70");
        await ImportAsync("70");
        await ImportAsync("72.5");

        await using var check = Database.CreateContext();
        (await check.KpiMeasurementVersions.OrderBy(v => v.Version).Select(v => new { v.Version, v.Change, v.Value }).ToListAsync())
            .Select(v => (v.Version, v.Change, v.Value)).Should().Equal((1, MeasurementChange.Imported, 70m), (2, MeasurementChange.Imported, 72.5m));
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Editor_HasNoSeriousAccessibilityViolations(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var (context, page) = await BrowserLogin.AsAsync(browser.Browser, app, "controller", Roles.Controller, width, height);
        await page.GotoAsync(app.Url(Page));
        await page.GetByLabel("Periode").FillAsync("2021-K1");
        await page.GetByLabel("Waarde (%)").FillAsync("81,5");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        (await page.Locator("#geschiedenis + .table-scroll").InnerTextAsync()).Should().Contain("ingevoerd");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await page.GotoAsync(app.Url(Page + "?periode=2021-K1"));
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue("no sideways scrolling of the page itself");
        await context.CloseAsync();
    }
}
