using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Benchmarks.Load;

/// <summary>
/// A throwaway PostgreSQL cluster (via the app's <see cref="LocalPostgres"/>) in a temp folder on a free port,
/// with one database that holds only the synthetic dataset. Removed on dispose unless asked to keep it.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    public const string DatabaseName = "socialdomain_bench";

    private readonly LocalPostgres _cluster;
    private readonly bool _keep;

    private BenchDatabase(LocalPostgres cluster, bool keep)
    {
        _cluster = cluster;
        _keep = keep;
    }

    public string ConnectionString => _cluster.ConnectionString(DatabaseName);

    /// <summary>A second, empty database in the same cluster, for the app to fill with its demo (seed) data on start.</summary>
    public string CreateSeedDatabase()
    {
        const string name = "socialdomain_seed";
        DatabaseSetup.EnsureDatabase(_cluster.ConnectionString("postgres"), name);
        return _cluster.ConnectionString(name);
    }

    public int Port => _cluster.Port;

    public string DataDirectory => _cluster.DataDirectory;

    /// <summary>The psql next to pg_ctl (same major version as the server).</summary>
    public static string? Psql => LocalPostgres.FindBinaries() is { } bin && File.Exists(Path.Combine(bin, "psql")) ? Path.Combine(bin, "psql")
        : ProcessRunner.Which("psql");

    public static BenchDatabase Create(bool keep, Action<string> log)
    {
        var dir = Path.Combine(Path.GetTempPath(), "socialdomain-load-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = new LocalPostgres(dir, LocalPostgres.FreePort(), log);
        cluster.Start();
        var database = new BenchDatabase(cluster, keep);
        DatabaseSetup.EnsureDatabase(cluster.ConnectionString("postgres"), DatabaseName);
        return database;
    }

    /// <summary>Applies the app's migrations, loads the synthetic dataset, records the data-quality findings and publishes every quarter.</summary>
    public async Task<string> PrepareAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        log($"  migrations applied ({stopwatch.Elapsed.TotalSeconds:0.0} s)");
        var summary = await SyntheticDataset.LoadAsync(ConnectionString, cancellationToken);
        log($"  binary COPY: {summary.Entities} municipalities and aggregates, {summary.Observations:N0} benchmark observations, "
            + $"{summary.Kpis} KPIs, {summary.Targets} target versions, {summary.Measurements:N0} measurements, {summary.Commentaries:N0} commentaries, "
            + $"{summary.ReferenceValues:N0} reference values in {summary.Elapsed.TotalSeconds:0.0} s");

        var findingsWatch = Stopwatch.StartNew();
        int findings;
        await using (var db = CreateContext())
        {
            findings = await DataQualityChecks.RecordAsync(db, [], cancellationToken);
        }

        log($"  {findings} data-quality findings recorded by the app's checker ({findingsWatch.Elapsed.TotalSeconds:0.0} s)");

        // Publish every quarter with the app's own publisher, oldest first, as staff would have done over the years.
        var publishWatch = Stopwatch.StartNew();
        var first = Period.OfQuarter(SyntheticDataset.FirstMeasurementYear, 1);
        for (var q = 0; q < SyntheticDataset.Quarters; q++)
        {
            await using var db = CreateContext();
            await QuarterPublisher.PublishAsync(db, first.AddPeriods(q), "benchmark-generator", "127.0.0.1", TimeProvider.System, cancellationToken);
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // What autovacuum would have done by the time anyone reads these tables: statistics and the visibility map.
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        log($"  {SyntheticDataset.Quarters} quarters published with QuarterPublisher ({publishWatch.Elapsed.TotalSeconds:0.0} s)");
        return string.Create(LoadReport.Format,
            $"{summary.Entities} municipalities and aggregates, {summary.Observations:N0} benchmark observations, {summary.Kpis} KPIs × "
            + $"{SyntheticDataset.Quarters} quarters ({summary.Measurements:N0} measurements, {summary.Targets:N0} target versions, "
            + $"{summary.Commentaries:N0} commentaries), {SyntheticDataset.Quarters} published quarters");
    }

    public SocialDomainDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SocialDomainDbContext>()
            .UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            _cluster.Stop();
        }
        catch (InvalidOperationException)
        {
            // Best effort: the folder is removed below anyway.
        }

        if (_keep)
        {
            return;
        }

        try
        {
            Directory.Delete(_cluster.DataDirectory, recursive: true);
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
