using System.Text;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>The controller's upload page: the importer's line-level messages in the page, and an audit row.</summary>
public class ImportUploadTests(TestDatabase database) : DatabaseTest(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Controller_UploadsABadFile_AndSeesEachProblemWithLineAndColumn_AndNothingIsStored()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "controller", Roles.Controller);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "controller");
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var response = await ImportPage.UploadAsync(client, "measurements.csv",
            "kpi_code;period;value;status;source_document;source_section;note\nSP_SCORE;2021;11;final;000;x;\nNOPE;2021-K9;7;final;000;x;\n");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Import geweigerd")
            .And.Contain("11 past niet bij de eenheid van KPI SP_SCORE")
            .And.Contain("'2021-K9' is geen geldige periode")
            .And.Contain("Onbekende KPI-code 'NOPE'");
        var after = await TableChecksums.ReadAsync(Database.ConnectionString);
        after.Where(t => t.Key != "audit_log").Should().Equal(before.Where(t => t.Key != "audit_log"));
        await using var db = Database.CreateContext();
        (await db.AuditLog.SingleAsync(a => a.Action == "cijfers.importeren")).Result.Should().Be("geweigerd");
    }

    [Fact]
    public async Task Controller_UploadsAGoodFile_AndTheFigureIsStored()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "controller", Roles.Controller);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "controller");

        var preview = await ImportPage.UploadAsync(client, "measurements.csv",
            "kpi_code;period;value;status;source_document;source_section;note\nSP_SCORE;2021;7,2;provisional;kto-2021;tabel 1;\n");
        var response = await ImportPage.PressAsync(client, WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/beheer/import", UriKind.Relative))).Should().Contain("Import geslaagd").And.Contain("1 toegevoegd");
        await using var db = Database.CreateContext();
        (await db.KpiMeasurements.SingleAsync(m => m.Kpi!.Code == "SP_SCORE" && m.Year == 2021)).Value.Should().Be(7.2m);
    }
}

/// <summary>Issue 16, item 5: targets change only through the target editor, never through the upload page.</summary>
public class ImportUploadTargetTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Controller_UploadsTargetsCsv_IsRefusedWithAPointerToTheEditor_AndNoTargetVersionIsAdded()
    {
        await using (var seed = Database.CreateContext())
        {
            (await SeedData.LoadAsync(seed)).Succeeded.Should().BeTrue();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "controller", Roles.Controller);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "controller");
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);
        var token = await Accounts.AntiforgeryTokenAsync(client, "/beheer/import");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(
            "kpi_code;baseline_value;baseline_period;target_value;deadline_period;rationale;source_document;source_section;change_reason;valid_from\n"
            + "SP_SCORE;6.4;2016;9;2019;hoger;001;x;omdat het kan;2017\n")), "Files", "targets.csv");

        var response = await client.PostAsync(new Uri("/beheer/import", UriKind.Relative), form);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(Web.Features.Import.ImportUpload.TargetsRefused);
        var after = await TableChecksums.ReadAsync(Database.ConnectionString);
        after.Where(t => t.Key != "audit_log").Should().Equal(before.Where(t => t.Key != "audit_log"));
        await using var db = Database.CreateContext();
        (await db.AuditLog.SingleAsync(a => a.Action == "cijfers.importeren")).Result.Should().Be("geweigerd");
    }
}
