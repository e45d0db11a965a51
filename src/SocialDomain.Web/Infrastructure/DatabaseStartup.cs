using Microsoft.EntityFrameworkCore;
using Npgsql;
using Serilog;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// The database steps before the app serves: migrations, roles and the first administrator, and the seed data. Run at
/// start-up (each step switched by <c>Database:MigrateOnStartup</c> / <c>Database:SeedOnStartup</c>) or once by the
/// <c>migrate</c> command. The steps run under a PostgreSQL advisory lock, so instances that start at the same time on
/// one database take turns instead of colliding: the second finds the work done.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>The advisory-lock key of the start-up steps ("SOCDOM" in ASCII); any app on the same database shares it.</summary>
    public const long LockKey = 0x534F43444F4D;

    public static async Task RunAsync(IServiceProvider services, bool migrate, bool seed, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SocialDomainDbContext>();
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            if (migrate)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await AdminBootstrap.CreateFromConfigurationAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<IConfiguration>());
            }

            if (seed)
            {
                var seeded = await SeedData.LoadAsync(db, cancellationToken);
                if (seeded.SkippedBecause is { } reason)
                {
                    Log.Information("Brondata niet opnieuw geladen: {Reason}.", reason);
                }
                else if (seeded.Succeeded)
                {
                    Log.Information("Brondata geladen: {Summary}", ImportCommand.Summary(seeded));
                }
                else
                {
                    foreach (var problem in seeded.Problems)
                    {
                        Log.Error("Brondata niet geladen: {Problem}", problem.ToString());
                    }
                }
            }
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", LockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
