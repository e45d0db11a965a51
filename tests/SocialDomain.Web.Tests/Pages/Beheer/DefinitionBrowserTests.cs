using Microsoft.Playwright;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>The definitions pages in headless Chromium at desktop and phone width: axe finds no serious violation; an edit through the browser.</summary>
public class DefinitionBrowserTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Programmes.Add(new Programme { Code = "2", Name = "Zorg" });
        db.TaskFields.Add(new TaskField { Code = "6.72", Name = "Maatwerkdienstverlening 18-", Domain = SocialDomainArea.Jeugd, ProgrammeCode = "2" });
        var kpi = new Kpi
        {
            Code = "WMO_Q", Name = "Wmo binnen de termijn", Definition = "Aandeel besluiten binnen de termijn.", Unit = KpiUnit.Percent,
            Direction = KpiDirection.HigherIsBetter, Frequency = KpiFrequency.Quarter, Domain = SocialDomainArea.Wmo, ProgrammeCode = "2",
            Source = new SourceReference("000", "test"),
        };
        kpi.DefinitionVersions.Add(DefinitionEditor.Snapshot(kpi, 1, new Period(2020), "migratie", DateTimeOffset.UtcNow, null));
        db.Kpis.Add(kpi);
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task EveryDefinitionsPage_HasNoSeriousAccessibilityViolations(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var (context, page) = await BrowserLogin.AsAsync(browser.Browser, app, "adviseur", Roles.PolicyAdvisor, width, height);
        foreach (var (path, heading) in new[]
                 {
                     ("/beheer/kpis", "KPI's beheren"), ("/beheer/kpis/nieuw", "Nieuwe KPI"), ("/beheer/kpis/WMO_Q/bewerken", "KPI bewerken"),
                     ("/beheer/programmas", "Programma's"), ("/beheer/taakvelden", "Taakvelden"),
                 })
        {
            await page.GotoAsync(app.Url(path));
            (await page.Locator("h1").InnerTextAsync()).Should().Contain(heading);
            (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty(path);
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue($"no sideways scrolling on {path}");
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task AnAdvisorEditsADefinition_SeesTheOwnerMessage_ThenTheNewVersionInTheHistory()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var (context, page) = await BrowserLogin.AsAsync(browser.Browser, app, "adviseur", Roles.PolicyAdvisor, 1280, 900);
        await page.GotoAsync(app.Url("/beheer/kpis/WMO_Q/bewerken"));
        await page.GetByLabel("Geldig vanaf (verplicht)").FillAsync("2026-K2");
        await page.GetByLabel("Reden van de wijziging (verplicht)").FillAsync("Eigenaar vastgelegd.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();
        (await page.Locator("#Form_Owner + .field-error").InnerTextAsync()).Should().Contain("Eigenaar: verplicht");

        await page.GetByLabel("Eigenaar (verplicht)").FillAsync("Team Wmo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();
        await page.WaitForURLAsync(app.Url("/beheer/kpis"));
        (await page.Locator("body").InnerTextAsync()).Should().Contain("nieuwe versie opgeslagen");

        await page.GotoAsync(app.Url("/kpis/WMO_Q"));
        (await page.Locator("#definitieversies").InnerTextAsync()).Should().Contain("Eigenaar vastgelegd.").And.Contain("Team Wmo");
        await context.CloseAsync();
    }
}
