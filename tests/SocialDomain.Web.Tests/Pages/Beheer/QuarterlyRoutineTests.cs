using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>
/// Issue 15 "Done when": the quarterly routine in real Chromium — an advisor enters a quarter on the quick-entry page, a
/// controller confirms, the advisor publishes, the council sees the figures only then; a later correction with its reason
/// shows in the value's history and as "gewijzigd na publicatie" with its date.
/// </summary>
public class QuarterlyRoutineTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    private const string Reason = "Telfout in de kwartaalrapportage hersteld";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        Kpi Add(string code, string name, KpiUnit unit) => new()
        {
            Code = code, Name = name, Definition = "Test.", Unit = unit, Direction = KpiDirection.HigherIsBetter, Frequency = KpiFrequency.Quarter,
            Domain = SocialDomainArea.Wmo, Owner = "Team Wmo", Source = new SourceReference("000", "test"),
        };
        db.Kpis.AddRange(Add("WMO_Q", "Wmo binnen de termijn", KpiUnit.Percent), Add("KLACHT_Q", "Klachten per kwartaal", KpiUnit.Count));
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task AdvisorEnters_ControllerConfirms_CouncilSeesAfterPublication_AndACorrectionShowsInTheHistory(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var (advisorContext, advisor) = await BrowserLogin.AsAsync(browser.Browser, app, "adviseur", Roles.PolicyAdvisor, width, height);
        var (controllerContext, controller) = await BrowserLogin.AsAsync(browser.Browser, app, "controller", Roles.Controller, width, height);
        var (councilContext, council) = await BrowserLogin.AsAsync(browser.Browser, app, "raadslid", Roles.CouncilMember, width, height);
        await using var contexts = new AsyncDisposables(advisorContext, controllerContext, councilContext);

        // The staff overview the advisor lands on shows the routine.
        await advisor.GotoAsync(app.Url("/beheer"));
        (await advisor.Locator("#routine").InnerTextAsync()).Should().StartWith("Kwartaalroutine");
        (await Accessibility.SeriousViolationsAsync(advisor)).Should().BeEmpty();

        // 1. The advisor fills in the quarter in one sitting.
        await advisor.GotoAsync(app.Url("/beheer/invoer?kwartaal=2021-K1"));
        await advisor.Locator("#waarde-WMO_Q").FillAsync("81,5");
        await advisor.Locator("#waarde-KLACHT_Q").FillAsync("12");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Alles opslaan" }).First.ClickAsync();
        await advisor.WaitForURLAsync("**opgeslagen=2");

        // Not yet published: the council does not see the values.
        await council.GotoAsync(app.Url("/kpis/WMO_Q"));
        (await council.Locator("main").InnerTextAsync()).Should().NotContain("81,5");

        // 2. The controller confirms both values (four eyes).
        foreach (var code in new[] { "WMO_Q", "KLACHT_Q" })
        {
            await controller.GotoAsync(app.Url($"/beheer/metingen/{code}"));
            await controller.GetByRole(AriaRole.Button, new() { Name = "Bevestigen (2021-K1)" }).ClickAsync();
            await controller.WaitForLoadStateAsync();
            (await controller.Locator("table.data").First.InnerTextAsync()).Should().Contain("definitief");
        }

        // 3. The advisor publishes the quarter after looking at the preview.
        await advisor.GotoAsync(app.Url("/beheer/publiceren?kwartaal=2021-K1"));
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Bevestig: publiceer 2021-K1" }).ClickAsync();
        await advisor.WaitForURLAsync("**/beheer/publiceren**");

        await council.GotoAsync(app.Url("/?kwartaal=2021-K1"));
        (await council.Locator("main").InnerTextAsync()).Should().Contain("81,5%");
        (await Accessibility.SeriousViolationsAsync(council)).Should().BeEmpty();

        // 4. A correction with its reason: a new version, shown to the council with the reason and the role, not the login name.
        await advisor.GotoAsync(app.Url("/beheer/metingen/WMO_Q?periode=2021-K1"));
        await advisor.GetByLabel("Waarde (%)").FillAsync("82");
        await advisor.GetByLabel("Reden van de correctie of intrekking (verplicht)").FillAsync(Reason);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        await advisor.WaitForLoadStateAsync();

        await council.GotoAsync(app.Url("/kpis/WMO_Q"));
        var history = await council.Locator("#waarde-geschiedenis").InnerTextAsync();
        history.Should().Contain(Reason).And.Contain("gecorrigeerd").And.Contain("bevestigd").And.Contain("medewerker").And.NotContain("adviseur,");
        (await council.Locator("main").InnerTextAsync()).Should().Contain("Waarde gewijzigd na publicatie: nu 82% (2021-K1), bij publicatie 81,5%; gewijzigd op");
        (await Accessibility.SeriousViolationsAsync(council)).Should().BeEmpty();

        await using var db = Database.CreateContext();
        var versions = await db.KpiMeasurementVersions.Where(v => v.Kpi!.Code == "WMO_Q").OrderBy(v => v.Version).Select(v => v.Change).ToListAsync();
        versions.Should().Equal(MeasurementChange.Entered, MeasurementChange.Confirmed, MeasurementChange.Corrected);
        (await db.AuditLog.CountAsync(a => a.Object == "kpi:WMO_Q:2021-K1" && a.Action.StartsWith("meting."))).Should().Be(3);
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.QuarterPublished)).Should().Be(1);
    }

    /// <summary>Closes several browser contexts at the end of a test.</summary>
    private sealed class AsyncDisposables(params IBrowserContext[] contexts) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }
}
