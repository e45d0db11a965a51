using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using SocialDomain.Web.Data;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL database for the whole test run. Taken from SOCIALDOMAIN_TEST_CONNECTION when
/// set; otherwise a throwaway cluster is created in a temp folder on a free port (as the Npgsql EF
/// provider's own tests do) and removed afterwards. Migrations are applied once; <see cref="ResetAsync"/>
/// empties every table between tests (Respawn).
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "SOCIALDOMAIN_TEST_CONNECTION";

    private LocalPostgres? _cluster;
    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Maintenance connection (database "postgres") on the same server.</summary>
    public string ServerConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            ServerConnectionString = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
        }
        else
        {
            _cluster = StartThrowawayCluster();
            ServerConnectionString = _cluster.ConnectionString("postgres");
            DatabaseSetup.EnsureDatabase(ServerConnectionString, "socialdomain_test");
            ConnectionString = _cluster.ConnectionString("socialdomain_test");
        }

        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__ef_migrations_history"],
            WithReseed = true,
        });
    }

    public static LocalPostgres StartThrowawayCluster()
    {
        var dir = Path.Combine(Path.GetTempPath(), "socialdomain-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = new LocalPostgres(dir, LocalPostgres.FreePort());
        cluster.Start();
        return cluster;
    }

    public SocialDomainDbContext CreateContext() => CreateContext(ConnectionString);

    public static SocialDomainDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<SocialDomainDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    public Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            _cluster.Stop();
            RemoveQuietly(_cluster.DataDirectory);
        }

        return Task.CompletedTask;
    }

    public static void RemoveQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}
