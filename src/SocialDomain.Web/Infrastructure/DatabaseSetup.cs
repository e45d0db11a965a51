using Npgsql;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Decides which database the app uses: the configured connection string
/// (<c>ConnectionStrings:SocialDomain</c>), or — when none is configured, in Development or when
/// <c>LocalPostgres:Enabled</c> is set — a local cluster in the git-ignored folder <c>.local/pgdata</c> of the
/// repository, created and started on demand. Anywhere else a missing connection string stops the app
/// (<see cref="DatabaseNotConfiguredException"/>): a production server must never quietly get a private database.
/// </summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "SocialDomain";

    public const string LocalDatabaseName = "socialdomain";

    public const string LocalModeSetting = "LocalPostgres:Enabled";

    /// <remarks>The result carries the time limits of <see cref="DatabaseConnectionDefaults"/> unless the configured string sets them.</remarks>
    /// <exception cref="DatabaseNotConfiguredException">No connection string outside Development and local mode not asked for.</exception>
    /// <exception cref="InvalidOperationException">The local cluster could not be created or started.</exception>
    public static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment, Action<string> log)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseConnectionDefaults.Apply(configured);
        }

        if (!configuration.GetValue(LocalModeSetting, environment.IsDevelopment()))
        {
            throw new DatabaseNotConfiguredException(
                $"Geen database ingesteld (omgeving {environment.EnvironmentName}): zet ConnectionStrings__SocialDomain, "
                + "of LocalPostgres__Enabled=true voor een lokale cluster in .local/pgdata.");
        }

        var root = FindRepositoryRoot(environment.ContentRootPath) ?? environment.ContentRootPath;
        var port = configuration.GetValue("LocalPostgres:Port", 54329);
        var cluster = new LocalPostgres(Path.Combine(root, ".local", "pgdata"), port, log, durable: true, fallbackDirectory: FallbackDirectory(root));
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

    /// <summary>
    /// Where the cluster goes when the <c>postgres</c> user cannot enter the clone (root's home): the service user's own
    /// Debian home, one folder per clone so two clones never share a cluster.
    /// </summary>
    private static string FallbackDirectory(string root)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..8];
        return Path.Combine("/var/lib/postgresql/socialdomain", $"{Path.GetFileName(root)}-{hash}", "pgdata");
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

/// <summary>No connection string where a local development cluster is not allowed; the message says what to set.</summary>
public sealed class DatabaseNotConfiguredException(string message) : Exception(message);
