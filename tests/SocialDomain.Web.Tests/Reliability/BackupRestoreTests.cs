using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>
/// The backup procedure of docs/operations.md, end to end: pg_dump -Fc of a seeded database,
/// pg_restore into a fresh database, and the restored database gives the same tables and the same
/// dashboard pages.
/// </summary>
public partial class BackupRestoreTests(TestDatabase database, ITestOutputHelper output) : DatabaseTest(database)
{
    [Fact]
    public async Task DumpAndRestore_IntoAFreshDatabase_GivesTheSameTablesAndPages()
    {
        var source = ReliabilitySupport.UniqueName("backup_bron");
        var target = ReliabilitySupport.UniqueName("backup_terug");
        var dump = Path.Combine(Path.GetTempPath(), source + ".dump");
        try
        {
            var sourceConnection = await ReliabilitySupport.CreateDatabaseAsync(Database.ServerConnectionString, source, seed: true);
            string sourceHome, sourceKpi;
            await using (var app = new DashboardFactory(sourceConnection))
            {
                // The app adds its own rows at start-up (roles, data-protection keys); they belong in the backup too.
                using var client = app.CreateClient();
                sourceHome = await client.GetStringAsync(new Uri("/", UriKind.Relative));
                sourceKpi = await client.GetStringAsync(new Uri("/kpis/SP_SCORE", UriKind.Relative));
            }

            NpgsqlConnection.ClearAllPools();
            var before = await TableChecksums.ReadAsync(sourceConnection);
            var clock = Stopwatch.StartNew();
            await PgToolAsync("pg_dump", sourceConnection, "--format=custom", "--no-owner", "--no-privileges", "--file", dump);
            var dumped = clock.Elapsed;

            DatabaseSetup.EnsureDatabase(Database.ServerConnectionString, target);
            var targetConnection = new NpgsqlConnectionStringBuilder(Database.ServerConnectionString) { Database = target }.ConnectionString;
            await PgToolAsync("pg_restore", targetConnection, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", dump);
            var restored = clock.Elapsed - dumped;

            var after = await TableChecksums.ReadAsync(targetConnection);
            string targetHome, targetKpi;
            await using (var app = new DashboardFactory(targetConnection))
            {
                using var client = app.CreateClient();
                targetHome = await client.GetStringAsync(new Uri("/", UriKind.Relative));
                targetKpi = await client.GetStringAsync(new Uri("/kpis/SP_SCORE", UriKind.Relative));
            }

            output.WriteLine($"pg_dump {dumped.TotalMilliseconds:0} ms ({new FileInfo(dump).Length / 1024} KiB), pg_restore {restored.TotalMilliseconds:0} ms; "
                + $"{after.Count} tables, {after.Values.Sum(v => int.Parse(v.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture))} rows.");
            after.Should().Equal(before, "every table, including the migrations history, comes back exactly");
            before.Should().ContainKey("__ef_migrations_history");
            Normalise(targetHome).Should().Be(Normalise(sourceHome));
            Normalise(targetKpi).Should().Be(Normalise(sourceKpi));
            sourceKpi.Should().Contain("Rapportcijfer");
        }
        finally
        {
            await ReliabilitySupport.DropDatabaseAsync(Database.ServerConnectionString, source);
            await ReliabilitySupport.DropDatabaseAsync(Database.ServerConnectionString, target);
            File.Delete(dump);
        }
    }

    /// <summary>
    /// Runs a PostgreSQL client program against the database of <paramref name="connectionString"/>, over
    /// TCP as its user (so it works as any OS user, root included); a password goes through PGPASSWORD,
    /// never the command line.
    /// </summary>
    private static async Task PgToolAsync(string tool, string connectionString, params string[] arguments)
    {
        var bin = LocalPostgres.FindBinaries() ?? throw new InvalidOperationException("PostgreSQL-programma's niet gevonden.");
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(Path.Combine(bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--host", settings.Host!, "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", settings.Username ?? "postgres", "--dbname", settings.Database!, "--no-password", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(settings.Password))
        {
            info.Environment["PGPASSWORD"] = settings.Password;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, $"{tool} failed: {await stderr}{await stdout}");
    }

    /// <summary>Pages carry per-app tokens (antiforgery) and cache-busting hashes; the figures are what count.</summary>
    private static string Normalise(string html) => Token().Replace(html, "token");

    [GeneratedRegex(@"(__RequestVerificationToken""[^>]*value="")[^""]*|CfDJ8[\w-]+")]
    private static partial Regex Token();
}
