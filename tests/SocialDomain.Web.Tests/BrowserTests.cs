using Microsoft.Playwright;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests;

public class BrowserTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task HomePage_InChromium_ShowsDutchNavigationAndProgrammes()
    {
        await using (var db = Database.CreateContext())
        {
            var zorg = new Programme { Code = "2", Name = "Zorg" };
            var kpi = new Kpi
            {
                Code = "SP_SCORE", Name = "Rapportcijfer Sociaal Plein", Definition = "Gemiddeld rapportcijfer.", Unit = KpiUnit.Score,
                Direction = KpiDirection.HigherIsBetter, Frequency = KpiFrequency.Year, Domain = SocialDomainArea.SociaalPlein,
                Programme = zorg, Source = new SourceReference("000", "test"),
            };
            kpi.Measurements.Add(new KpiMeasurement { Year = 2018, Value = 7.0m, Status = MeasurementStatus.Final, Source = new SourceReference("000", "test") });
            db.Kpis.Add(kpi);
            await db.SaveChangesAsync();
            await QuarterPublisher.PublishAsync(db, Period.OfQuarter(2018, 4), "test", null, TimeProvider.System);
        }

        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();

        var response = await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());

        response!.Status.Should().Be(200);
        (await page.GetAttributeAsync("html", "lang")).Should().Be("nl");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        (await navigation.GetByRole(AriaRole.Link).AllInnerTextsAsync())
            .Should().Equal("Dashboard", "KPI's", "Domeinen", "Benchmark G40", "Begroting", "Export");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Programma 2 Zorg" }).CountAsync()).Should().Be(1);
        (await page.Locator("a[aria-current=page]").InnerTextAsync()).Should().Be("Dashboard");
        await page.CloseAsync();
    }
}
