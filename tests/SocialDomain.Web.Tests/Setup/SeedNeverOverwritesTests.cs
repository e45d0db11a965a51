using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Import;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Setup;

/// <summary>
/// Issue 15 item 5: the seed loads into an empty database only, so a restart with the default settings never undoes a
/// correction; every import (seed, command line, upload) writes its audit row in its own transaction.
/// </summary>
public sealed class SeedNeverOverwritesTests(TestDatabase database) : DatabaseTest(database)
{
    /// <summary>The settings of a normal start: migrate and seed on start-up (the test factory switches both off).</summary>
    private static readonly Dictionary<string, string?> DefaultStart = new()
    {
        ["Database:MigrateOnStartup"] = "true",
        ["Database:SeedOnStartup"] = "true",
    };

    private static string SeedLine(string dataset, string prefix) =>
        File.ReadLines(Path.Combine(SeedData.Directory, "hilversum", dataset + ".csv")).First(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private static string SeedHeader(string dataset) => File.ReadLines(Path.Combine(SeedData.Directory, "hilversum", dataset + ".csv")).First();

    [Fact]
    public async Task Restart_KeepsCorrectionsOfAMeasurementAndADefinition_MadeByTheCommandLineImport_AndAuditsEach()
    {
        await using (var first = new DashboardFactory(Database.ConnectionString, DefaultStart))
        {
            _ = first.Services;
        }

        var folder = Directory.CreateTempSubdirectory("correctie-");
        try
        {
            var measurement = SeedLine("measurements", "SP_SCORE;2016;");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "measurements.csv"),
                SeedHeader("measurements") + "\n" + measurement.Replace("SP_SCORE;2016;6.4;", "SP_SCORE;2016;6.5;", StringComparison.Ordinal) + "\n");
            var kpi = SeedLine("kpis", "SP_SCORE;");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "kpis.csv"),
                SeedHeader("kpis") + "\n" + kpi.Replace("Rapportcijfer dienstverlening Sociaal Plein", "Rapportcijfer Sociaal Plein (gecorrigeerd)", StringComparison.Ordinal) + "\n");
            await using (var cli = new DashboardFactory(Database.ConnectionString))
            {
                var output = new StringWriter();
                var error = new StringWriter();
                (await ImportCommand.RunAsync(cli.Services, [folder.FullName], output, error)).Should().Be(0, error.ToString());
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await using (var restart = new DashboardFactory(Database.ConnectionString, DefaultStart))
        {
            _ = restart.Services;
        }

        await using var db = Database.CreateContext();
        (await db.KpiMeasurements.SingleAsync(m => m.Kpi!.Code == "SP_SCORE" && m.Year == 2016)).Value.Should().Be(6.5m, "the restart must not reload the seed's 6,4");
        (await db.Kpis.SingleAsync(k => k.Code == "SP_SCORE")).Name.Should().Be("Rapportcijfer Sociaal Plein (gecorrigeerd)");
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.SeedLoaded)).Should().Be(1, "the seed loads once, into the empty database");
        var import = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.FiguresImported);
        import.Origin.Should().Be(ImportCommand.Origin);
        import.Result.Should().Be(AuditResults.Succeeded);
        import.Actor.Should().StartWith("opdrachtregel:");
        import.Details.Should().Contain("measurements.csv").And.Contain("kpis.csv");
    }

    [Fact]
    public async Task Restart_KeepsACorrectionMadeOnTheMeasurementPage_WithItsVersionAndAuditRow()
    {
        await using (var first = new DashboardFactory(Database.ConnectionString, DefaultStart))
        {
            await Accounts.CreateAsync(first, "controller", Roles.Controller);
            using var client = Accounts.Client(first);
            await Accounts.LoginAsync(client, "controller");
            const string page = "/beheer/metingen/SP_SCORE?periode=2016";
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await Accounts.AntiforgeryTokenAsync(client, page),
                ["Form.RowVersion"] = await Accounts.FormValueAsync(client, page, "Form.RowVersion"),
                ["Form.Period"] = "2016", ["Form.Value"] = "6,6", ["Form.Reason"] = "Herberekend met de nagekomen enquêtes.", ["Form.Final"] = "true",
            };
            var response = await client.PostAsync(new Uri("/beheer/metingen/SP_SCORE?handler=Corrigeren", UriKind.Relative), new FormUrlEncodedContent(fields));
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        }

        await using (var restart = new DashboardFactory(Database.ConnectionString, DefaultStart))
        {
            _ = restart.Services;
        }

        await using var db = Database.CreateContext();
        (await db.KpiMeasurements.SingleAsync(m => m.Kpi!.Code == "SP_SCORE" && m.Year == 2016)).Value.Should().Be(6.6m, "the restart must not reload the seed's 6,4");
        var latest = await db.KpiMeasurementVersions.Where(v => v.Kpi!.Code == "SP_SCORE" && v.Year == 2016).OrderByDescending(v => v.Version).FirstAsync();
        latest.Change.Should().Be(Core.Domain.MeasurementChange.Corrected);
        latest.ChangedBy.Should().Be("controller");
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.MeasurementCorrected && a.Object == "kpi:SP_SCORE:2016")).Should().Be(1);
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.SeedLoaded)).Should().Be(1);
    }

    [Fact]
    public async Task SeedLoad_IntoADatabaseWithData_WritesNothing_AndSaysWhy()
    {
        await using (var db = Database.CreateContext())
        {
            (await SeedData.LoadAsync(db)).SkippedBecause.Should().BeNull();
        }

        var before = await TableChecksums.ReadAsync(Database.ConnectionString);
        await using (var db = Database.CreateContext())
        {
            var again = await SeedData.LoadAsync(db);
            again.SkippedBecause.Should().Be(SeedData.NotEmpty);
            again.Inserted.Should().Be(0);
        }

        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Import_WhoseAuditRowCannotBeStored_IsRolledBackWhole()
    {
        await using (var seed = Database.CreateContext())
        {
            (await SeedData.LoadAsync(seed)).Succeeded.Should().BeTrue();
        }

        var before = await TableChecksums.ReadAsync(Database.ConnectionString);
        var file = new ImportFile("measurements.csv", Encoding.UTF8.GetBytes(SeedHeader("measurements") + "\nSP_SCORE;2016;6.5;final;000;x;;;\n"));
        await using (var db = Database.CreateContext())
        {
            // An action longer than its column (60): the audit insert fails inside the import's transaction.
            var act = () => new DatasetImporter(db).ImportAsync([file], default,
                _ => AuditEntry.Create(DateTimeOffset.UtcNow, "test", new string('x', 61), "bestanden:1", AuditResults.Succeeded, "test"));
            await act.Should().ThrowAsync<DbUpdateException>();
        }

        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before, "the corrected value must not be stored without its audit row");
    }

    [Fact]
    public async Task Upload_OfEveryDataset_IsStoredWithOneAuditRow_NamingEachFile()
    {
        // Every dataset the upload page accepts: targets.csv is refused there (issue 16, item 5; only the editor changes targets).
        var files = Directory.EnumerateFiles(SeedData.Directory, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(path => Path.GetFileName(path) != "targets.csv")
            .Select(path => new ImportFile(Path.GetFileName(path), File.ReadAllBytes(path))).ToList();
        files.Count.Should().BeGreaterThanOrEqualTo(12, "issue 16: an import of 12 or more files overflowed the audit object");

        await using (var db = Database.CreateContext())
        {
            var report = await new ImportUpload(db, TimeProvider.System).ImportAsync(files, "controller", "test", CancellationToken.None);
            report.Problems.Should().BeEmpty();
        }

        await using var check = Database.CreateContext();
        var audit = await check.AuditLog.SingleAsync(a => a.Action == AuditActions.FiguresImported);
        audit.Result.Should().Be(AuditResults.Succeeded);
        audit.Object.Should().Be($"bestanden:{files.Count}");
        foreach (var file in files)
        {
            audit.Details.Should().Contain(file.Name);
        }
    }
}
