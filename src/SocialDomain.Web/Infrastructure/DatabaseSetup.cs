using Npgsql;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Decides which database the app uses: the configured connection string
/// (<c>ConnectionStrings:SocialDomain</c>), or — when none is configured — a local cluster in the
/// git-ignored folder <c>.local/pgdata</c> of the repository, created and started on demand.
/// </summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "SocialDomain";

    public const string LocalDatabaseName = "socialdomain";

    /// <remarks>The result carries the time limits of <see cref="DatabaseConnectionDefaults"/> unless the configured string sets them.</remarks>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot, Action<string> log)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseConnectionDefaults.Apply(configured);
        }

        var root = FindRepositoryRoot(contentRoot) ?? contentRoot;
        var port = configuration.GetValue("LocalPostgres:Port", 54329);
        var cluster = new LocalPostgres(Path.Combine(root, ".local", "pgdata"), port, log);
        cluster.Start();
        EnsureDatabase(cluster.ConnectionString("postgres"), LocalDatabaseName);
        return DatabaseConnectionDefaults.Apply(cluster.ConnectionString(LocalDatabaseName));
    }

    /// <summary>Creates <paramref name="database"/> when it does not exist yet.</summary>
    public static void EnsureDatabase(string maintenanceConnectionString, string database)
    {
        using var connection = new NpgsqlConnection(maintenanceConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is null)
        {
            // Identifiers cannot be parameters; quote it as one (names come from configuration, not users).
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>Checks that the database answers; returns a Dutch one-line reason when it does not.</summary>
    public static string? Probe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            var target = TryDescribe(connectionString);
            return $"Database niet bereikbaar ({target}): {ex.GetBaseException().Message}";
        }
    }

    private static string TryDescribe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            return "ongeldige connection string";
        }
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialDomain.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
