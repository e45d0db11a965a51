using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>Helpers shared by the reliability tests.</summary>
internal static class ReliabilitySupport
{
    private static long _uncached;

    /// <summary>
    /// A URL that the output cache has never seen (a unique query parameter), so the request really needs the
    /// database. Anonymous pages are cached (docs/performance.md); a cached page may legitimately be served
    /// during an outage, which is not what these tests are about.
    /// </summary>
    public static Uri Uncached(string path) =>
        new($"{path}?r={Interlocked.Increment(ref _uncached)}", UriKind.Relative);

    /// <summary>Text the 503 page must contain.</summary>
    public const string UnavailableText = "tijdelijk niet beschikbaar";

    /// <summary>Creates <paramref name="database"/> on the server, migrates it and, when asked, loads the seed data.</summary>
    public static async Task<string> CreateDatabaseAsync(string serverConnectionString, string database, bool seed)
    {
        DatabaseSetup.EnsureDatabase(serverConnectionString, database);
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
        await using var db = TestDatabase.CreateContext(connectionString);
        await db.Database.MigrateAsync();
        if (seed)
        {
            var report = await SeedData.LoadAsync(db);
            report.Problems.Should().BeEmpty();
        }

        return connectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    public static async Task DropDatabaseAsync(string serverConnectionString, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A unique database name for one test.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>True when a response body shows internals: a .NET stack trace, exception names or SQL errors.</summary>
    public static bool ShowsInternals(string body) =>
        body.Contains("   at ", StringComparison.Ordinal)
        || body.Contains("Exception:", StringComparison.Ordinal)
        || body.Contains("StackTrace", StringComparison.OrdinalIgnoreCase)
        || body.Contains(".cs:line", StringComparison.Ordinal)
        || body.Contains("Npgsql", StringComparison.Ordinal)
        || body.Contains("SqlState", StringComparison.OrdinalIgnoreCase)
        || body.Contains("System.", StringComparison.Ordinal);
}
