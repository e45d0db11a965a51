using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Benchmarks.Load;

/// <summary>A synthetic database ready for the app: its name, shape, a one-line description and a stand date inside its published history.</summary>
public sealed record PreparedDatabase(string Name, string ConnectionString, DatasetShape Shape, string Description, DateOnly StandDate);

/// <summary>
/// A throwaway PostgreSQL cluster (via the app's <see cref="LocalPostgres"/>) in a temp folder on a free port, with
/// databases that hold only synthetic data: the main one (<see cref="DatabaseName"/>) and, for the growth part, one per
/// other <see cref="DatasetShape"/>. Every database is a copy of one migrated template, so the migrations run once.
/// Removed on dispose unless asked to keep it.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    public const string DatabaseName = "socialdomain_bench";

    /// <summary>Quarters published in every dataset: the last 40 (2011-K1 … 2020-K4), as in the main one.</summary>
    public const int PublishedQuarters = 40;

    private const string TemplateName = "socialdomain_template";

    private readonly LocalPostgres _cluster;
    private readonly bool _keep;
    private bool _templateReady;

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
        return new BenchDatabase(cluster, keep);
    }

    /// <summary>
    /// When the synthetic history published <paramref name="quarter"/>: 45 days after its end, at 10:00 UTC. Publications
    /// spread over the years make <c>?stand=</c> meaningful (a stand shows what was published by then).
    /// </summary>
    public static DateTimeOffset PublishedAt(Period quarter) =>
        new(quarter.EndDate.AddDays(45).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    /// <summary>
    /// A stand date inside the published history: two weeks after the publication of the ninth-last quarter (for the
    /// main dataset 2018-K4, published 14-02-2019: the stand 28-02-2019 shows 32 of the 40 publications).
    /// </summary>
    public static DateOnly StandDate(DatasetShape shape) =>
        DateOnly.FromDateTime(PublishedAt(shape.QuarterAt(shape.Quarters - 9)).UtcDateTime).AddDays(14);

    /// <summary>
    /// Creates database <paramref name="name"/> from the migrated template, loads <paramref name="shape"/>, rebuilds what
    /// the app derives from the tables (<see cref="RebuildDerivedDataAsync"/>), records the data-quality findings and
    /// publishes the last <see cref="PublishedQuarters"/> quarters, each at its own date (<see cref="PublishedAt"/>).
    /// </summary>
    public async Task<PreparedDatabase> PrepareAsync(string name, DatasetShape shape, Action<string> log, CancellationToken cancellationToken)
    {
        await EnsureTemplateAsync(log, cancellationToken);
        await using (var admin = new NpgsqlConnection(_cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync(cancellationToken);
            // Both names are constants of this command; identifiers cannot be parameters.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = _cluster.ConnectionString(name);
        var summary = await SyntheticDataset.LoadAsync(connectionString, shape, cancellationToken);
        log($"  {name}: binary COPY of {summary.Entities:N0} municipalities and aggregates, {summary.Observations:N0} benchmark observations, "
            + $"{summary.Kpis:N0} KPIs, {summary.Targets:N0} target versions, {summary.Measurements:N0} measurements, {summary.Commentaries:N0} commentaries, "
            + $"{summary.ReferenceValues:N0} reference values in {summary.Elapsed.TotalSeconds:0.0} s");

        await RebuildDerivedDataAsync(connectionString, log, cancellationToken);

        var findingsWatch = Stopwatch.StartNew();
        int findings;
        await using (var db = CreateContext(connectionString))
        {
            findings = await DataQualityChecks.RecordAsync(db, [], cancellationToken);
        }

        log($"  {name}: {findings:N0} data-quality findings recorded by the app's checker ({findingsWatch.Elapsed.TotalSeconds:0.0} s)");

        // Publish with the app's own publisher, oldest first, each quarter at its own date, as staff would have done over the years.
        var publishWatch = Stopwatch.StartNew();
        var published = Math.Min(PublishedQuarters, shape.Quarters);
        for (var q = shape.Quarters - published; q < shape.Quarters; q++)
        {
            var quarter = shape.QuarterAt(q);
            await using var db = CreateContext(connectionString);
            await QuarterPublisher.PublishAsync(db, quarter, "benchmark-generator", "127.0.0.1", new FixedClock(PublishedAt(quarter)), cancellationToken);
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // What autovacuum would have done by the time anyone reads these tables: statistics and the visibility map.
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        log($"  {name}: {published} quarters published with QuarterPublisher ({publishWatch.Elapsed.TotalSeconds:0.0} s)");
        var description = string.Create(LoadReport.Format,
            $"{summary.Entities:N0} municipalities and aggregates, {summary.Observations:N0} benchmark observations, {summary.Kpis:N0} KPIs × "
            + $"{shape.Quarters} quarters ({summary.Measurements:N0} measurements, {summary.Targets:N0} target versions, "
            + $"{summary.Commentaries:N0} commentaries), {published} published quarters ({shape.QuarterAt(shape.Quarters - published)}–{shape.LastQuarter}, each 45 days after its end)");
        return new PreparedDatabase(name, connectionString, shape, description, StandDate(shape));
    }

    /// <summary>
    /// The hook for tables the app derives from the loaded ones (the dataset is copied in with binary COPY, past the code
    /// that would maintain them), e.g. a KPI status table or a benchmark catalogue: call the app's rebuild here.
    /// Nothing to rebuild as of this version.
    /// </summary>
    public static async Task RebuildDerivedDataAsync(string connectionString, Action<string> log, CancellationToken cancellationToken)
    {
        // COPY bypasses the importer, which keeps the benchmark catalogue in its transaction: rebuild it as the
        // `rebuild-benchmark-catalogue` command does.
        var watch = Stopwatch.StartNew();
        await using var db = CreateContext(connectionString);
        var rebuild = await SocialDomain.Web.Features.G40Benchmark.BenchmarkCatalogueStore.RebuildAsync(db, cancellationToken);
        log($"  benchmark catalogue rebuilt: {rebuild} ({watch.Elapsed.TotalSeconds:0.0} s)");
    }

    public static SocialDomainDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<SocialDomainDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);

    private async Task EnsureTemplateAsync(Action<string> log, CancellationToken cancellationToken)
    {
        if (_templateReady)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        DatabaseSetup.EnsureDatabase(_cluster.ConnectionString("postgres"), TemplateName);
        var templateConnection = _cluster.ConnectionString(TemplateName);
        await using (var db = CreateContext(templateConnection))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // CREATE DATABASE … TEMPLATE needs the template without connections, pooled ones included.
        await using (var connection = new NpgsqlConnection(templateConnection))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        _templateReady = true;
        log($"  migrations applied to the template database ({stopwatch.Elapsed.TotalSeconds:0.0} s)");
    }

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

    /// <summary>A clock that stands still at <paramref name="now"/>: the publication date of a synthetic quarter.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
