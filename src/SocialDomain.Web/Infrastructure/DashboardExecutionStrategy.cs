using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// EF Core's Npgsql retrying execution strategy, tuned for a dashboard: a few quick retries when a
/// connection breaks (a database restart sends 57P01 admin_shutdown to every session and leaves
/// broken connections in the pool; Npgsql then clears the pool, so the retry opens a fresh one),
/// but no retries on time-outs — a full pool or a slow statement must fail fast as a 503, not wait
/// four times as long. Worst case while the database is down: about one second before the 503.
/// </summary>
/// <remarks>
/// A retrying strategy refuses user-initiated transactions outside
/// <c>db.Database.CreateExecutionStrategy().ExecuteAsync(...)</c>; the importer wraps its transaction
/// that way. Retried writes are safe here because the importer is idempotent and the other writes
/// are guarded by unique keys or concurrency stamps.
/// </remarks>
public sealed class DashboardExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, ExtraErrorCodes)
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>admin_shutdown, crash_shutdown, cannot_connect_now (the server is starting up).</summary>
    public static readonly string[] ExtraErrorCodes = ["57P01", "57P02", "57P03"];

    protected override bool ShouldRetryOn(Exception? exception) =>
        exception is not null && !DatabaseFailure.IsTimeout(exception) && base.ShouldRetryOn(exception);

    /// <summary>One warning line per retry (EF Core's own retry event carries a full stack trace each time).</summary>
    protected override void OnRetry()
    {
        base.OnRetry();
        Dependencies.Logger.Logger.LogWarning("Databaseverbinding mislukt; nieuwe poging {Attempt} van {Attempts}: {Reason}",
            ExceptionsEncountered.Count + 1, MaxRetryCount + 1, DatabaseFailure.Describe(ExceptionsEncountered[^1]));
    }
}
