using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Import;

/// <summary>The optional task_field column of the kpis format (issue 19 item 4).</summary>
public class KpiTaskFieldImportTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Header = "code;name;definition;unit;direction;frequency;domain;programme;owner;source;legal_norm;legal_norm_description;source_document;source_section;task_field";

    private static ImportFile Kpis(string taskField) =>
        new("kpis.csv", Encoding.UTF8.GetBytes(Header + "\n" + $"JEUGD_CLIENTS;Aantal jeugdhulpcliënten;Aantal cliënten.;count;informative;year;jeugd;2;;DLP;;;003;r2205;{taskField}\n"));

    [Fact]
    public async Task SeedData_GivesTheJeugdAndBijstandKpisTheirTaskField_AndLeavesTheWmoKpisWithout()
    {
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();

        var fields = await db.Kpis.AsNoTracking().ToDictionaryAsync(k => k.Code, k => k.TaskFieldCode);
        fields["JEUGD_CLIENTS"].Should().Be("6.72");
        fields["JEUGD_COST_PER_CLIENT"].Should().Be("6.72");
        fields["WI_BUIG_DEFICIT"].Should().Be("6.3");
        fields["WMO_CLIENTS"].Should().BeNull("Wmo maatwerk spans 6.6 and 6.71; the documents do not say which");
        fields["SP_SCORE"].Should().BeNull();
        fields.Values.Count(v => v is not null).Should().Be(12);
    }

    [Fact]
    public async Task ATaskFieldOutsideTheTaskFields_IsRejected_AndNothingIsWritten()
    {
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();

        var report = await new DatasetImporter(db).ImportAsync([Kpis("6.99")]);

        report.Problems.Select(p => p.ToString()).Should().Equal("kpis.csv, regel 2, kolom 'task_field': Onbekende taakveld '6.99'.");
        (await db.Kpis.AsNoTracking().SingleAsync(k => k.Code == "JEUGD_CLIENTS")).TaskFieldCode.Should().Be("6.72");
    }

    [Fact]
    public async Task AChangedTaskField_IsStored_AsANewDefinitionVersion()
    {
        await using (var seed = Database.CreateContext())
        {
            (await SeedData.LoadAsync(seed)).Succeeded.Should().BeTrue();
        }

        await using var db = Database.CreateContext();
        var before = await db.KpiDefinitionVersions.CountAsync(v => v.Kpi!.Code == "JEUGD_CLIENTS");

        var report = await new DatasetImporter(db).ImportAsync([Kpis("6.82")]);

        report.Problems.Should().BeEmpty();
        await using var read = Database.CreateContext();
        (await read.Kpis.AsNoTracking().SingleAsync(k => k.Code == "JEUGD_CLIENTS")).TaskFieldCode.Should().Be("6.82");
        var versions = await read.KpiDefinitionVersions.AsNoTracking().Where(v => v.Kpi!.Code == "JEUGD_CLIENTS").OrderBy(v => v.Version).ToListAsync();
        versions.Should().HaveCount(before + 1);
        versions[^1].TaskFieldCode.Should().Be("6.82");
    }
}
