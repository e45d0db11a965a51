using System.Text;
using Npgsql;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Import;

/// <summary>Issue 16 item 1: imports run one at a time; a second one gets a Dutch message and writes nothing.</summary>
public class ConcurrentImportTests(TestDatabase database) : DatabaseTest(database)
{
    private static ImportFile Programmes(string name) => new("programmes.csv", Encoding.UTF8.GetBytes($"code;name;source_document;source_section\n9;{name};000;test\n"));

    [Fact]
    public async Task AnImport_WhileAnotherHoldsTheLock_IsRefusedWithAMessage_AndWritesNothing()
    {
        await using var holder = new NpgsqlConnection(Database.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", DatasetImporter.ImportLockKey);
            await take.ExecuteScalarAsync();
        }

        var before = await TableChecksums.ReadAsync(Database.ConnectionString);
        await using (var db = Database.CreateContext())
        {
            var refused = await new DatasetImporter(db).ImportAsync([Programmes("Tijdens een andere import")]);
            refused.Problems.Select(p => p.ToString()).Should().Equal("programmes.csv: " + DatasetImporter.AlreadyRunning);
        }

        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);

        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", holder))
        {
            release.Parameters.AddWithValue("key", DatasetImporter.ImportLockKey);
            await release.ExecuteScalarAsync();
        }

        await using (var db = Database.CreateContext())
        {
            (await new DatasetImporter(db).ImportAsync([Programmes("Na de andere import")])).Problems.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task SixConcurrentImports_AllEndWithoutAnError_AndTheDataIsWhole()
    {
        var imports = Enumerable.Range(1, 6).Select(async i =>
        {
            await using var db = Database.CreateContext();
            return await new DatasetImporter(db).ImportAsync([Programmes($"Gelijktijdig {i}")]);
        });

        var reports = await Task.WhenAll(imports);

        reports.Should().OnlyContain(r => r.Succeeded || r.Problems.Single().Message == DatasetImporter.AlreadyRunning);
        reports.Should().Contain(r => r.Succeeded);
        await using var check = Database.CreateContext();
        check.Programmes.Count(p => p.Code == "9").Should().Be(1);
    }
}
