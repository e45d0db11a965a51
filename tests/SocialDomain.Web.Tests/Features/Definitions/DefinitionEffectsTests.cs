using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Due;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Features.Definitions;

/// <summary>What a definition change does elsewhere: an archived KPI leaves the overview and the due list from its quarter; an import makes a version.</summary>
public class DefinitionEffectsTests(TestDatabase database) : DatabaseTest(database)
{
    private const string KpiHeader = "code;name;definition;unit;direction;frequency;domain;programme;owner;source;legal_norm;legal_norm_description;source_document;source_section";

    private static ImportFile File(string name, params string[] lines) => new(name, Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    private async Task AddKpiAsync(string code, int? archivedYear = null, int? archivedQuarter = null)
    {
        await using var db = Database.CreateContext();
        db.Kpis.Add(new Kpi
        {
            Code = code, Name = code, Definition = "Test.", Unit = KpiUnit.Count, Direction = KpiDirection.Informative, Frequency = KpiFrequency.Quarter,
            Domain = SocialDomainArea.Wmo, Owner = "Team", Source = new SourceReference("000", "test"), ArchivedFromYear = archivedYear, ArchivedFromQuarter = archivedQuarter,
        });
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(2026, 1, true)]
    [InlineData(2026, 2, false)]
    [InlineData(2026, 3, false)]
    public async Task AnArchivedKpi_LeavesOverviewAndDueList_FromItsArchiveQuarter(int year, int quarter, bool shown)
    {
        await AddKpiAsync("ACTIVE");
        await AddKpiAsync("ARCHIVED", 2026, 2);
        await using var db = Database.CreateContext();
        var period = Period.OfQuarter(year, quarter);

        var overview = await OverviewQuery.LoadKpisAsync(db, period, CancellationToken.None);
        var due = await DeliveryQuery.LoadAsync(db, period, CancellationToken.None);

        overview.Select(k => k.Kpi.Code).Should().Contain("ACTIVE");
        overview.Any(k => k.Kpi.Code == "ARCHIVED").Should().Be(shown);
        due.Any(k => k.Code == "ARCHIVED").Should().Be(shown);
    }

    [Fact]
    public async Task ImportingAChangedKpisCsv_CreatesADefinitionVersion_InsteadOfOverwritingSilently()
    {
        var first = File("kpis.csv", KpiHeader, "WMO_TERM;Binnen termijn;Aandeel binnen 8 weken.;percent;higher_is_better;quarter;wmo;;Team Wmo;;;;000;r214");
        var changed = File("kpis.csv", KpiHeader, "WMO_TERM;Binnen de termijn;Aandeel binnen 8 weken.;percent;higher_is_better;quarter;wmo;;Team Wmo;;;;000;r214");
        await using (var db = Database.CreateContext())
        {
            (await new DatasetImporter(db).ImportAsync([first])).Succeeded.Should().BeTrue();
        }

        await using (var db = Database.CreateContext())
        {
            (await new DatasetImporter(db).ImportAsync([first])).Succeeded.Should().BeTrue();
            (await db.KpiDefinitionVersions.CountAsync()).Should().Be(1, "an unchanged row adds no version");
            (await new DatasetImporter(db).ImportAsync([changed])).Succeeded.Should().BeTrue();
        }

        await using var check = Database.CreateContext();
        var versions = await check.KpiDefinitionVersions.OrderBy(v => v.Version).ToListAsync();
        versions.Select(v => (v.Version, v.Name, v.ChangedBy)).Should().Equal((1, "Binnen termijn", "import"), (2, "Binnen de termijn", "import"));
        versions[1].Reason.Should().Be("import");
    }
}
