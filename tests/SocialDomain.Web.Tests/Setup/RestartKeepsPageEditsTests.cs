using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Setup;

/// <summary>
/// Issue 15 "Done when": a seeded KPI definition changed on its page in Chromium survives a restart with the default
/// settings (migrate and seed on start), as a new version with its audit row.
/// </summary>
public class RestartKeepsPageEditsTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<string, string?> DefaultStart = new()
    {
        ["Database:MigrateOnStartup"] = "true",
        ["Database:SeedOnStartup"] = "true",
    };

    [Fact]
    public async Task Restart_KeepsADefinitionChangedOnTheKpiPage_AsAVersionWithItsAuditRow()
    {
        await using (var app = new ServedDashboard(Database.ConnectionString, DefaultStart))
        {
            var (context, page) = await BrowserLogin.AsAsync(browser.Browser, app, "adviseur", Roles.PolicyAdvisor, 1280, 900);
            await page.GotoAsync(app.Url("/beheer/kpis/SP_SCORE/bewerken"));
            await page.GetByLabel("Naam (verplicht)").FillAsync("Rapportcijfer Sociaal Plein (herzien)");
            await page.GetByLabel("Eigenaar (verplicht)").FillAsync("Team Sociaal Plein");
            await page.GetByLabel("Geldig vanaf (verplicht)").FillAsync("2021");
            await page.GetByLabel("Reden van de wijziging (verplicht)").FillAsync("Naam afgestemd op het klanttevredenheidsonderzoek.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();
            await page.WaitForLoadStateAsync();
            await context.CloseAsync();
        }

        await using (var restart = new DashboardFactory(Database.ConnectionString, DefaultStart))
        {
            _ = restart.Services;
        }

        await using var db = Database.CreateContext();
        var kpi = await db.Kpis.SingleAsync(k => k.Code == "SP_SCORE");
        kpi.Name.Should().Be("Rapportcijfer Sociaal Plein (herzien)", "the restart must not reload the seed's definition");
        var versions = await db.KpiDefinitionVersions.Where(v => v.KpiId == kpi.Id).OrderBy(v => v.Version).ToListAsync();
        versions.Select(v => v.Name).Should().Equal("Rapportcijfer dienstverlening Sociaal Plein", "Rapportcijfer Sociaal Plein (herzien)");
        versions[^1].ChangedBy.Should().Be("adviseur");
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.KpiChanged && a.Actor == "adviseur")).Should().Be(1);
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.SeedLoaded)).Should().Be(1);
    }
}
