using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>What a rebuild of the catalogue changed: combinations added and combinations removed.</summary>
public sealed record CatalogueRebuild(int Added, int Removed);

/// <summary>
/// Keeps the table <c>benchmark_catalogue</c> (the benchmark's menu) equal to the DISTINCT domain/task field/year/stage of
/// <c>benchmark_observations</c> (ADR 0016): every write of observations calls <see cref="AddAsync"/> in its own
/// transaction (an import never deletes observations, so adding the written combinations is enough), and
/// <see cref="RebuildAsync"/> recomputes it from scratch (command <c>rebuild-benchmark-catalogue</c>, tests, and after
/// anything that wrote observations outside the app, such as the load benchmark's COPY).
/// </summary>
public static class BenchmarkCatalogueStore
{
    /// <summary>Command-line argument of <see cref="RunCommandAsync"/>.</summary>
    public const string Command = "rebuild-benchmark-catalogue";

    /// <summary>
    /// Adds the combinations of <paramref name="observations"/> that the catalogue does not hold yet; call it after the
    /// observations are saved, in the same transaction. One statement, whatever the number of observations.
    /// </summary>
    public static async Task AddAsync(SocialDomainDbContext db, IEnumerable<BenchmarkObservation> observations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(observations);
        var keys = observations.Select(o => (o.Domain, o.TaskFieldCode, o.Year, o.Stage)).Distinct().ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var domains = keys.Select(k => k.Domain.ToString()).ToArray();
        var fields = keys.Select(k => k.TaskFieldCode).ToArray();
        var years = keys.Select(k => k.Year).ToArray();
        var stages = keys.Select(k => k.Stage.ToString()).ToArray();
        // ON CONFLICT DO NOTHING: an existing combination stays (the unique index treats the domain total's null as equal).
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO benchmark_catalogue (domain, task_field_code, year, stage)
            SELECT domain, task_field_code, year, stage FROM unnest({domains}::text[], {fields}::text[], {years}::integer[], {stages}::text[])
              AS k(domain, task_field_code, year, stage)
            ON CONFLICT DO NOTHING
            """, cancellationToken);
    }

    /// <summary>
    /// Makes the catalogue equal to the DISTINCT of the observations: removes combinations without observations and adds
    /// the missing ones, in one transaction (the caller's, or its own) that holds the import lock, so no import runs in between.
    /// </summary>
    public static async Task<CatalogueRebuild> RebuildAsync(SocialDomainDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({DatasetImporter.ImportLockKey})", cancellationToken);
            var removed = await db.Database.ExecuteSqlAsync(
                $"""
                DELETE FROM benchmark_catalogue c
                WHERE NOT EXISTS (SELECT 1 FROM benchmark_observations o
                                  WHERE o.domain = c.domain AND o.task_field_code IS NOT DISTINCT FROM c.task_field_code
                                    AND o.year = c.year AND o.stage = c.stage)
                """, cancellationToken);
            var added = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO benchmark_catalogue (domain, task_field_code, year, stage)
                SELECT DISTINCT domain, task_field_code, year, stage FROM benchmark_observations
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return new CatalogueRebuild(added, removed);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The command <c>rebuild-benchmark-catalogue</c>: rebuilds and prints what changed (Dutch, for the operator).</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SocialDomainDbContext>();
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RebuildAsync(db, ct), CancellationToken.None);
        await output.WriteLineAsync($"Benchmarkcatalogus opnieuw opgebouwd: {result.Added} combinaties toegevoegd, {result.Removed} verwijderd.");
        return 0;
    }
}
