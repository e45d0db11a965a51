using System.Net;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests;

public class HomePageTests(TestDatabase database) : DatabaseTest(database)
{
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
