using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Npgsql;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>
/// The bulk measurements export streams: with ~210.000 synthetic measurements (is_synthetic, inserted with one
/// INSERT … SELECT) the client receives the first bytes long before the server has read the table, the server stalls
/// when the client stops reading (so it holds no copy of the file), its managed heap stays small, and it stops when
/// the client goes away. Served by Kestrel on a real socket. SOCIALDOMAIN_STREAMING_ROWS scales the row count
/// (e.g. 1000000 for a manual measurement).
/// </summary>
public sealed class StreamingTests(TestDatabase database, ITestOutputHelper output) : ExportTest(database), IDisposable
{
    private const int PeriodsPerKpi = 300 * 5; // years 1901–2200, each as a year and four quarters

    private readonly MeterListener _listener = new();
    private long _rowsWritten;
    private long _aborted;

    private static int RequestedRows => int.TryParse(Environment.GetEnvironmentVariable("SOCIALDOMAIN_STREAMING_ROWS"), NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : 200_000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ExportMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == ExportMetrics.DatasetTag && (string?)tag.Value == SocialDomain.Web.Features.Kpis.MeasurementDataset.Name)
                {
                    if (instrument == ExportMetrics.RowsWritten)
                    {
                        Interlocked.Add(ref _rowsWritten, value);
                    }
                    else if (instrument == ExportMetrics.Aborted)
                    {
                        Interlocked.Add(ref _aborted, value);
                    }
                }
            }
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task ManyRows_ArriveIncrementally_TheServerStallsWithTheClient_AndMemoryStaysFlat()
    {
        var total = await InsertSyntheticMeasurementsAsync();
        await using var app = new ServedDashboard(Database.ConnectionString);
        using var client = await LoggedInClientAsync(app, Roles.Controller);
        var baseline = ManagedHeap();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri("/export/metingen.csv?synthetisch=ja", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().BeNull("the file is streamed (chunked), not buffered to learn its length");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var first = await ReadAtLeastAsync(stream, buffer, buffer.Length);
        var firstBytesAfter = clock.Elapsed;
        var rowsAtFirstBytes = Interlocked.Read(ref _rowsWritten);

        // Stop reading: TCP back-pressure must stall the server well before the end of the table. On a loaded machine
        // the server may need longer to fill the socket buffers: wait until the count of written rows stops moving
        // (at most 30 s), then check that it stays put.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var rowsWhileStalled = Interlocked.Read(ref _rowsWritten);
        for (var tries = 0; tries < 60; tries++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var now = Interlocked.Read(ref _rowsWritten);
            if (now == rowsWhileStalled)
            {
                break;
            }

            rowsWhileStalled = now;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Interlocked.Read(ref _rowsWritten).Should().Be(rowsWhileStalled, "the server waits for the client instead of reading ahead into memory");
        var heapWhileStalled = ManagedHeap() - baseline;

        // Read the rest while sampling the heap.
        long bytes = first;
        var lines = CountLines(buffer.AsSpan(0, first));
        long peak = heapWhileStalled;
        var sampler = Stopwatch.StartNew();
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += CountLines(buffer.AsSpan(0, read));
            if (sampler.ElapsedMilliseconds > 250)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                sampler.Restart();
            }
        }

        var totalTime = clock.Elapsed;
        output.WriteLine($"{total:N0} rows, {bytes / 1024 / 1024.0:N1} MiB in {totalTime.TotalSeconds:N1} s; first bytes after {firstBytesAfter.TotalMilliseconds:N0} ms "
            + $"({rowsAtFirstBytes:N0} rows written then); stalled at {rowsWhileStalled:N0} rows; managed heap growth while stalled {heapWhileStalled / 1024 / 1024.0:N1} MiB, "
            + $"sampled peak {peak / 1024 / 1024.0:N1} MiB");

        lines.Should().Be(total + 1, "a header and every row");
        Interlocked.Read(ref _rowsWritten).Should().Be(total);
        rowsAtFirstBytes.Should().BeLessThan(total / 2, "the first bytes leave before the table is read");
        rowsWhileStalled.Should().BeLessThan(total, "the server did not read the whole table while the client was not reading");
        heapWhileStalled.Should().BeLessThan(48L * 1024 * 1024, "the server holds a window of rows, not the file (a materialised copy of these rows alone would be > 60 MiB)");
        firstBytesAfter.Should().BeLessThan(totalTime);
        totalTime.Should().BeLessThan(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task WhenTheClientDisconnects_TheExportAndItsQueryStop()
    {
        // More rows than the socket buffers can hold: on loopback they grow to tens of megabytes here (tcp_rmem up to
        // 32 MiB, tcp_wmem up to 4 MiB), and a 200.000-row file (about 39 MiB) once fitted into them whole before the
        // client's disconnect arrived, so the export had nothing left to stop.
        var total = await InsertSyntheticMeasurementsAsync(Math.Max(RequestedRows, 400_000));
        await using var app = new ServedDashboard(Database.ConnectionString);
        using var client = await LoggedInClientAsync(app, Roles.Controller);

        var response = await client.GetAsync(new Uri("/export/metingen.csv", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        await ReadAtLeastAsync(stream, new byte[64 * 1024], 64 * 1024);
        (await ActiveExportQueriesAsync()).Should().Be(1, "the export's query is running while the file is being sent");

        // The client goes away mid-file.
        await stream.DisposeAsync();
        response.Dispose();
        client.Dispose();

        var stopped = Stopwatch.StartNew();
        while ((Interlocked.Read(ref _aborted) == 0 || await ActiveExportQueriesAsync() > 0) && stopped.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        var rowsAtStop = Interlocked.Read(ref _rowsWritten);
        await Task.Delay(TimeSpan.FromSeconds(1));
        output.WriteLine($"Client left; the server stopped after {stopped.ElapsedMilliseconds} ms at {rowsAtStop:N0} of {total:N0} rows.");
        Interlocked.Read(ref _aborted).Should().Be(1, "the export noticed the disconnect (RequestAborted)");
        Interlocked.Read(ref _rowsWritten).Should().Be(rowsAtStop, "no rows are written after the stop");
        rowsAtStop.Should().BeLessThan(total);
        (await ActiveExportQueriesAsync()).Should().Be(0, "the database query was cancelled too");
    }

    /// <summary>Synthetic KPIs with a measurement per year and quarter, marked is_synthetic; returns the number of measurements.</summary>
    private async Task<int> InsertSyntheticMeasurementsAsync(int? rows = null)
    {
        var kpis = ((rows ?? RequestedRows) + PeriodsPerKpi - 1) / PeriodsPerKpi;
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO kpis (code, name, definition, unit, direction, frequency, domain, source_document, source_section, target_revision)
            SELECT 'SYNTH_' || lpad(i::text, 5, '0'), 'Synthetische KPI ' || i, 'Gegenereerd voor de streamingtest', 'Percent', 'Informative', 'Quarter', 'Wmo',
                   'synthetisch', 'generator', 0
            FROM generate_series(1, @kpis) AS i;
            INSERT INTO kpi_measurements (kpi_id, year, quarter, value, status, is_synthetic, source_document, source_section)
            SELECT k.id, y, q, round((random() * 200 - 100)::numeric, 4), 'Final', true, 'synthetisch', 'generator'
            FROM kpis k
            CROSS JOIN generate_series(1901, 2200) AS y
            CROSS JOIN (VALUES (NULL::integer), (1), (2), (3), (4)) AS quarters(q)
            WHERE k.code LIKE 'SYNTH\_%';
            ANALYZE kpi_measurements;
            """, connection))
        {
            insert.CommandTimeout = 120;
            insert.Parameters.AddWithValue("kpis", kpis);
            await insert.ExecuteNonQueryAsync();
        }

        return kpis * PeriodsPerKpi;
    }

    private async Task<long> ActiveExportQueriesAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state = 'active' AND query LIKE '%first_published%'",
            connection);
        return (long)(await query.ExecuteScalarAsync())!;
    }

    private static async Task<HttpClient> LoggedInClientAsync(ServedDashboard app, string role)
    {
        await Accounts.CreateAsync(app.Factory, "stream-" + role.ToLowerInvariant(), role);
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(90),
        };
        (await Accounts.LoginAsync(client, "stream-" + role.ToLowerInvariant())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<int> ReadAtLeastAsync(Stream stream, byte[] buffer, int minimum)
    {
        var total = 0;
        while (total < minimum)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total));
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static long ManagedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int CountLines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');
}
