using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Import;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Import;

/// <summary>
/// /beheer/import in two steps: the upload shows what would change and writes nothing, the confirmation writes it with one
/// audit row (before/after values) in the same transaction; Dutch exports go back in unchanged but for the edited value.
/// </summary>
public class ImportPreviewTests(TestDatabase database) : DatabaseTest(database)
{
    private const string MeasurementHeader = "kpi_code;period;value;status;source_document;source_section;note";

    private static readonly string[] ChangedByAnImport = ["kpi_measurements", "kpi_measurement_versions", "audit_log"];

    private async Task SeedAsync()
    {
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Upload_ShowsCountsPerDataset_AndWritesNothing_UntilConfirmed_ThenWritesWithOneAuditRow()
    {
        await SeedAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var preview = await ImportPage.UploadAsync(client, "metingen.csv",
            $"{MeasurementHeader}\nSP_SCORE;2021;7,2;voorlopig;kto-2021;tabel 1;\nSP_SCORE;2018;7,4;definitief;000;tabel 2;\n");
        var html = await ImportPage.HtmlAsync(preview);

        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Voorbeeld: dit verandert er als u bevestigt").And.Contain("1 nieuw, 1 gewijzigd, 0 verwijderd")
            .And.Contain("Er is nog niets opgeslagen");
        var afterPreview = await TableChecksums.ReadAsync(Database.ConnectionString);
        afterPreview.Where(t => t.Key != "import_drafts").Should().Equal(before.Where(t => t.Key != "import_drafts"), "a preview writes nothing but the pending upload");
        afterPreview["import_drafts"].Should().StartWith("1:");

        var confirmed = await ImportPage.PressAsync(client, html);

        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ImportPage.HtmlAsync(await client.GetAsync(new Uri(ImportPage.Path, UriKind.Relative)))).Should().Contain("Import geslaagd").And.Contain("1 toegevoegd, 1 bijgewerkt");
        await using var db = Database.CreateContext();
        (await db.KpiMeasurements.SingleAsync(m => m.Kpi!.Code == "SP_SCORE" && m.Year == 2021)).Status.Should().Be(Core.Domain.MeasurementStatus.Provisional);
        (await db.KpiMeasurements.SingleAsync(m => m.Kpi!.Code == "SP_SCORE" && m.Year == 2018)).Value.Should().Be(7.4m);
        (await db.ImportDrafts.CountAsync()).Should().Be(0, "the confirmed draft goes with the import");
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.FiguresImported);
        audit.Result.Should().Be(AuditResults.Succeeded);
        using var details = JsonDocument.Parse(audit.Details!);
        details.RootElement.GetProperty("wijzigingenTotaal").GetInt32().Should().Be(1);
        var change = details.RootElement.GetProperty("wijzigingen")[0];
        change.GetProperty("dataset").GetString().Should().Be("measurements");
        decimal.Parse(change.GetProperty("kolommen").GetProperty("value").GetProperty("voor").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(7.0m);
        decimal.Parse(change.GetProperty("kolommen").GetProperty("value").GetProperty("na").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(7.4m);
        change.GetProperty("kolommen").GetProperty("source_section").GetProperty("na").GetString().Should().Be("tabel 2");
    }

    [Fact]
    public async Task Confirm_OfSomeoneElsesOrACancelledDraft_WritesNothing()
    {
        await SeedAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        await Accounts.CreateAsync(factory, "controller2", Roles.Controller);
        using var other = Accounts.Client(factory);
        await Accounts.LoginAsync(other, "controller2");
        var html = await ImportPage.HtmlAsync(await ImportPage.UploadAsync(client, "measurements.csv", $"{MeasurementHeader}\nSP_SCORE;2021;7,2;final;kto;t1;\n"));
        var otherHtml = await ImportPage.HtmlAsync(await ImportPage.UploadAsync(other, "measurements.csv", $"{MeasurementHeader}\nSP_SCORE;2022;7,9;final;kto;t1;\n"));
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        // The other controller's confirmation carries this user's draft id: refused.
        var foreign = await ImportPage.PressAsync(other, html.Replace(TokenOf(html), TokenOf(otherHtml), StringComparison.Ordinal));
        var cancelled = await ImportPage.PressAsync(client, html, "Annuleren");
        var afterCancel = await ImportPage.PressAsync(client, html);

        foreign.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ImportPage.HtmlAsync(foreign)).Should().Contain(ImportUpload.DraftGone);
        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterCancel.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var after = await TableChecksums.ReadAsync(Database.ConnectionString);
        after.Where(t => t.Key != "import_drafts").Should().Equal(before.Where(t => t.Key != "import_drafts"));
    }

    [Theory]
    [InlineData("Bevestigen")]
    [InlineData("Annuleren")]
    public async Task HostileDraftIds_AreAnsweredWithoutServerError_AndWriteNothing(string handler)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        var token = await Accounts.AntiforgeryTokenAsync(client, ImportPage.Path);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        foreach (var concept in new[] { "", "abc", Guid.Empty.ToString(), Guid.NewGuid().ToString(), new string('9', 5000), "a\0b", "' OR 1=1 --" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["concept"] = concept, ["__RequestVerificationToken"] = token });
            var response = await client.PostAsync(new Uri($"{ImportPage.Path}?handler={handler}", UriKind.Relative), content);
            ((int)response.StatusCode).Should().BeLessThan(500, $"'{concept[..Math.Min(concept.Length, 20)]}' is refused, not an error");
        }

        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task MixedGoodAndBadRows_AreRefused_WithFileLineAndField_InDutch_AndNothingIsWritten()
    {
        await SeedAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var response = await ImportPage.UploadAsync(client, "metingen.csv",
            "KPI-code;Periode;Waarde;Status;Brondocument;Bronsectie\nSP_SCORE;2021;7,2;voorlopig;kto;t1\nSP_SCORE;2022;zeven;voorlopig;kto;t1\nSP_SCORE;2023;7,5;klaar;kto;t1\n");
        var html = await ImportPage.HtmlAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Import geweigerd: 2 problemen, er is niets opgeslagen")
            .And.MatchRegex(@"<td>metingen\.csv</td><td class=""num"">3</td><td>Waarde</td><td>'zeven' is geen getal")
            .And.MatchRegex(@"<td>metingen\.csv</td><td class=""num"">4</td><td>Status</td><td>'klaar' is geen geldige waarde; kies uit: definitief, voorlopig")
            .And.NotContain("past niet bij de eenheid", "an unreadable value is reported once")
            .And.NotContain("Bevestigen en opslaan");
        var after = await TableChecksums.ReadAsync(Database.ConnectionString);
        after.Where(t => t.Key != "audit_log").Should().Equal(before.Where(t => t.Key != "audit_log"));
        await using var db = Database.CreateContext();
        (await db.AuditLog.SingleAsync(a => a.Action == AuditActions.FiguresImported)).Result.Should().Be(AuditResults.Refused);
    }

    [Fact]
    public async Task DutchExcelExport_EditedInOneValue_ImportsAsExactlyThatOneChange()
    {
        await SeedAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        var export = await client.GetAsync(new Uri("/export/metingen.csv?dialect=excel", UriKind.Relative));
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var fileName = export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName!.Trim('"');
        var text = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        var lines = text.Split("\r\n");
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        var target = Array.FindIndex(lines, l => l.StartsWith("SP_FRIENDLY;", StringComparison.Ordinal) && !l.Contains('"', StringComparison.Ordinal) && l.Split(';')[Array.IndexOf(header, "Periode")] == "2018");
        target.Should().BePositive("the seed holds SP_FRIENDLY 2018");
        var fields = lines[target].Split(';');
        fields[Array.IndexOf(header, "Waarde")].Should().Be("77");
        fields[Array.IndexOf(header, "Waarde")] = "78,5";
        lines[target] = string.Join(';', fields);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);
        await using var db = Database.CreateContext();
        var versionsBefore = await db.KpiMeasurementVersions.CountAsync();

        var preview = await ImportPage.UploadAsync(client, [(fileName, Encoding.UTF8.GetBytes(string.Join("\r\n", lines)))]);
        var html = await ImportPage.HtmlAsync(preview);

        fileName.Should().StartWith("metingen_");
        preview.StatusCode.Should().Be(HttpStatusCode.OK, html.Contains("import-problemen", StringComparison.Ordinal) ? html[html.IndexOf("import-problemen", StringComparison.Ordinal)..][..2000] : null);
        html.Should().Contain("0 nieuw, 1 gewijzigd, 0 verwijderd");
        (await ImportPage.PressAsync(client, html)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await TableChecksums.ReadAsync(Database.ConnectionString);
        after.Where(t => !ChangedByAnImport.Contains(t.Key)).Should().Equal(before.Where(t => !ChangedByAnImport.Contains(t.Key)), "nothing but the edited value changed");
        (await db.KpiMeasurements.SingleAsync(m => m.Kpi!.Code == "SP_FRIENDLY" && m.Year == 2018)).Value.Should().Be(78.5m);
        (await db.KpiMeasurementVersions.CountAsync()).Should().Be(versionsBefore + 1, "exactly one new measurement version");
        using var details = JsonDocument.Parse((await db.AuditLog.SingleAsync(a => a.Action == AuditActions.FiguresImported)).Details!);
        details.RootElement.GetProperty("wijzigingenTotaal").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task AllSixteenDatasets_InOneUpload_AreRefusedForTheTargets_AndAuditedOnce_NamingEveryFile()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        var files = Directory.EnumerateFiles(SeedData.Directory, "*.csv", SearchOption.AllDirectories)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path))).ToList();
        files.Should().HaveCount(16);

        // Issue 16: targets change only through the editor, so an upload with targets.csv is refused whole — and audited.
        var html = await ImportPage.HtmlAsync(await ImportPage.UploadAsync(client, files));

        html.Should().Contain("Streefwaarden worden niet via de upload ingelezen");
        await using var db = Database.CreateContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.FiguresImported);
        audit.Result.Should().Be(AuditResults.Refused);
        audit.Object.Should().Be("bestanden:16");
        using var details = JsonDocument.Parse(audit.Details!);
        details.RootElement.GetProperty("bestanden").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo(files.Select(f => f.Item1));
        (await db.BenchmarkObservations.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task EveryDatasetButTargets_InOneUpload_IsPreviewedStoredAndAuditedOnce_NamingEveryFile()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        var files = Directory.EnumerateFiles(SeedData.Directory, "*.csv", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) != "targets.csv")
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path))).ToList();
        files.Should().HaveCount(15, "13 files already overflowed the audit object before issue 16; source_checks.csv is the 14th, explanation_thresholds.csv the 15th");

        var html = await ImportPage.HtmlAsync(await ImportPage.UploadAsync(client, files));
        html.Should().Contain("2.475 nieuw, 0 gewijzigd, 0 verwijderd", "the preview counts the benchmark observations");
        (await ImportPage.PressAsync(client, html)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = Database.CreateContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.FiguresImported);
        audit.Result.Should().Be(AuditResults.Succeeded);
        audit.Object.Should().Be("bestanden:15");
        using var details = JsonDocument.Parse(audit.Details!);
        details.RootElement.GetProperty("bestanden").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo(files.Select(f => f.Item1));
        (await db.BenchmarkObservations.CountAsync()).Should().Be(2475);
    }

    [Fact]
    public async Task FailingAuditInsert_RollsTheImportBack()
    {
        await SeedAsync();
        await using var db = Database.CreateContext();
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused by test'; END $$;
            CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();
            """);
        try
        {
            var files = new[] { new ImportFile("measurements.csv", Encoding.UTF8.GetBytes($"{MeasurementHeader}\nSP_FRIENDLY;2018;80;final;000;x;\nSP_SCORE;2030;7;final;000;x;\n")) };

            var import = () => new ImportUpload(db, TimeProvider.System).ImportAsync(files, "controller", "test", CancellationToken.None);

            (await import.Should().ThrowAsync<Microsoft.EntityFrameworkCore.DbUpdateException>()).WithInnerException<PostgresException>()
                .Which.MessageText.Should().Be("audit refused by test");
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER test_refuse_audit ON audit_log; DROP FUNCTION test_refuse_audit();");
        }

        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before, "the changed value, its new version and the new row went back with the audit row");
    }

    private static string TokenOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<section aria-labelledby=\"voorbeeld\"[\\s\\S]*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}
