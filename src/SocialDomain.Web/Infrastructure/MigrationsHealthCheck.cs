using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Infrastructure;

/// <summary>Ready only when the database answers and every migration has been applied.</summary>
public sealed class MigrationsHealthCheck(SocialDomainDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A database that does not exist counts every migration as pending; say what is really wrong.
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Database niet bereikbaar.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database bereikbaar en bijgewerkt.")
                : HealthCheckResult.Unhealthy($"{Core.Calculations.DutchPlural.Count(pending.Count, "migratie", "migraties")} nog niet toegepast.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database niet bereikbaar.", ex);
        }
    }
}
