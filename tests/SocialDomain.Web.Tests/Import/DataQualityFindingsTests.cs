using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Import;

/// <summary>Data-quality findings store what they checked in columns; the subject key is composed from those columns.</summary>
public class DataQualityFindingsTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Import_StoresWhatEachFindingChecked_AsColumns_AndComposesTheSubjectFromThem()
    {
        await using (var seed = Database.CreateContext())
        {
            (await SeedData.LoadAsync(seed)).Succeeded.Should().BeTrue();
        }

        await using var db = Database.CreateContext();
        var findings = await db.DataQualityFindings.AsNoTracking().ToListAsync();

        findings.Where(f => f.Dataset == DataQualityChecks.Dataset).Should().NotBeEmpty()
            .And.OnlyContain(f => f.Kind != null && f.Domain != null && f.Year != null && f.Stage != null);
        findings.Should().OnlyContain(f => DataQualityChecks.SubjectOf(f) == f.Subject);
        var jeugd2020 = findings.Single(f => f.Subject == "average/G40/jeugd/totaal/2020/Budget");
        (jeugd2020.Kind, jeugd2020.EntityCode, jeugd2020.Domain, jeugd2020.TaskFieldCode, jeugd2020.Year, jeugd2020.Stage, jeugd2020.FromYear)
            .Should().Be((DataQualityCheck.Average, "G40", SocialDomainArea.Jeugd, (string?)null, 2020, BenchmarkStage.Budget, (int?)null));
        var wmoG4 = findings.Single(f => f.Subject == "summary/G4/wmo/Growth/2017-AnnualAccounts/2018-AnnualAccounts");
        (wmoG4.Kind, wmoG4.EntityCode, wmoG4.Domain, wmoG4.FromYear, wmoG4.FromStage, wmoG4.Year, wmoG4.Stage)
            .Should().Be((DataQualityCheck.Growth, "G4", SocialDomainArea.Wmo, 2017, BenchmarkStage.AnnualAccounts, 2018, BenchmarkStage.AnnualAccounts));
    }

    [Fact]
    public async Task Migration_FillsTheNewColumns_OfFindingsStoredBeforeIt()
    {
        var name = "findings_" + Guid.NewGuid().ToString("N")[..10];
        DatabaseSetup.EnsureDatabase(Database.ServerConnectionString, name);
        var connectionString = new NpgsqlConnectionStringBuilder(Database.ServerConnectionString) { Database = name }.ConnectionString;
        try
        {
            await using var db = TestDatabase.CreateContext(connectionString);
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync("20261125105916_AccountsAuditAndPublication");
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO data_quality_findings (dataset, subject, message, missing, source_document, source_section) VALUES
                ('g40', 'average/G40/jeugd/6.72/2019/AnnualAccounts', 'a', ARRAY[]::text[], '003', 's'),
                ('g40', 'summary/G40/jeugd/BudgetDeficit/2019-AnnualAccounts/2020-Budget', 'b', ARRAY[]::text[], '003', 's'),
                ('other', 'jeugd/totaal/2020/begroting', 'c', ARRAY[]::text[], '003', 's');
                """);

            await migrator.MigrateAsync();

            var findings = await db.DataQualityFindings.AsNoTracking().ToDictionaryAsync(f => f.Subject);
            var average = findings["average/G40/jeugd/6.72/2019/AnnualAccounts"];
            (average.Kind, average.EntityCode, average.Domain, average.TaskFieldCode, average.Year, average.Stage)
                .Should().Be((DataQualityCheck.Average, "G40", SocialDomainArea.Jeugd, "6.72", 2019, BenchmarkStage.AnnualAccounts));
            var deficit = findings["summary/G40/jeugd/BudgetDeficit/2019-AnnualAccounts/2020-Budget"];
            (deficit.Kind, deficit.EntityCode, deficit.Domain, deficit.FromYear, deficit.FromStage, deficit.Year, deficit.Stage)
                .Should().Be((DataQualityCheck.BudgetDeficit, "G40", SocialDomainArea.Jeugd, 2019, BenchmarkStage.AnnualAccounts, 2020, BenchmarkStage.Budget));
            findings.Values.Where(f => f.Kind != null).Should().OnlyContain(f => DataQualityChecks.SubjectOf(f) == f.Subject);
            findings["jeugd/totaal/2020/begroting"].Kind.Should().BeNull("a key of another form is left alone");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Database.ServerConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
