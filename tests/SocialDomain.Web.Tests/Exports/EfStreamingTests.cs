using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>
/// The app's DbContext uses a retrying execution strategy, under which EF Core buffers a whole result set before the
/// first row (measured: 300.000 rows, ~100 MiB). <see cref="StreamingQuery"/> must stream instead.
/// </summary>
public class EfStreamingTests(TestDatabase database, ITestOutputHelper output) : DatabaseTest(database)
{
    [Fact]
    public async Task StreamingQuery_ReturnsTheFirstRowBeforeReadingTheTable_UnderTheAppsRetryingStrategy()
    {
        const int Rows = 300_000;
        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO audit_log (timestamp, actor, action, object, result) SELECT now(), 'test', 'test.rij', repeat('o', 150) || i, 'gelukt' FROM generate_series(1, @rows) i",
                connection);
            insert.Parameters.AddWithValue("rows", Rows);
            await insert.ExecuteNonQueryAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SocialDomainDbContext>();
        db.Database.CreateExecutionStrategy().RetriesOnFailure.Should().BeTrue("the app retries; that is what makes EF Core buffer");
        var query = db.AuditLog.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Object });

        var before = Heap();
        var clock = Stopwatch.StartNew();
        long count = 0;
        long heapAtFirstRow = 0;
        TimeSpan firstRow = default;
        await foreach (var _ in StreamingQuery.Stream(db, query, CancellationToken.None))
        {
            if (count++ == 0)
            {
                firstRow = clock.Elapsed;
                heapAtFirstRow = Heap() - before;
            }
        }

        output.WriteLine($"{count:N0} rows in {clock.ElapsedMilliseconds:N0} ms; first row after {firstRow.TotalMilliseconds:N0} ms with {heapAtFirstRow / 1024 / 1024.0:N1} MiB more heap");
        count.Should().Be(Rows);
        heapAtFirstRow.Should().BeLessThan(16L * 1024 * 1024, "the rows are not buffered before the first one is returned (buffered: ~100 MiB)");
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
