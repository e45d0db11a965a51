using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using SocialDomain.Web.Dashboard;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Keeps the output cache of every instance coherent (ADR 0008). Database triggers on the tables the public pages show
/// call <c>pg_notify('dashboard_cache', '')</c>; PostgreSQL delivers the notification when the change commits, once per
/// transaction, to every connection that listens. Each instance listens on one dedicated connection and evicts its cached
/// pages when one arrives — whichever instance, CLI import or SQL session made the change. After a lost connection
/// (database restart) it evicts everything once it is back, since notifications sent in between are gone.
/// </summary>
public sealed class DashboardCacheNotifications(string connectionString, IOutputCacheStore store, ILogger<DashboardCacheNotifications> logger)
    : BackgroundService
{
    public const string Channel = "dashboard_cache";

    /// <summary>SQL that creates the notify function and attaches the trigger to <paramref name="tables"/>.</summary>
    public static string CreateTriggersSql(IEnumerable<string> tables) =>
        $"""
        CREATE OR REPLACE FUNCTION notify_dashboard_cache() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('{Channel}', '');
          RETURN NULL;
        END $$;
        {string.Concat(tables.Select(t => $"""

        CREATE TRIGGER {t}_notify_dashboard_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {t}
          FOR EACH STATEMENT EXECUTE FUNCTION notify_dashboard_cache();
        """))}
        """;

    public static string DropTriggersSql(IEnumerable<string> tables) =>
        string.Concat(tables.Select(t => $"DROP TRIGGER IF EXISTS {t}_notify_dashboard_cache ON {t};\n"))
        + "DROP FUNCTION IF EXISTS notify_dashboard_cache();";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own connection outside the app's pool (a pool may be small and full), without a command timeout (it waits),
        // under its own name in pg_stat_activity.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0, KeepAlive = 30, ApplicationName = "dashboard-cache-listener" }.ConnectionString;
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listen);
                await connection.OpenAsync(stoppingToken);
                await using (var command = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                if (lost)
                {
                    await store.EvictByTagAsync(DashboardOutputCache.Tag, stoppingToken);
                    logger.LogInformation("Cachemeldingen weer ontvangen; alle gecachte pagina's vervallen");
                    lost = false;
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken); // returns once a notification has arrived
                    await store.EvictByTagAsync(DashboardOutputCache.Tag, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                if (!lost)
                {
                    logger.LogWarning("Geen cachemeldingen van de database ({Reason}); opnieuw proberen", ex.GetBaseException().Message);
                    lost = true;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
