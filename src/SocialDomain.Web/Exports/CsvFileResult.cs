using System.Diagnostics;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace SocialDomain.Web.Exports;

/// <summary>
/// Streams rows as CSV to the response while they are read: nothing is buffered beyond the writer's few
/// kilobytes, so memory stays flat however many rows there are. The first row is read before the headers are
/// sent, so a database that is down still gets the 503 page. When the client disconnects
/// (<see cref="HttpContext.RequestAborted"/>) the database read is cancelled and the export stops; an error after
/// the first bytes aborts the connection, so a broken download never looks complete.
/// </summary>
public sealed class CsvFileResult<T>(
    string dataset,
    string fileName,
    CsvDialect dialect,
    IReadOnlyList<Column<T>> columns,
    Func<CancellationToken, IAsyncEnumerable<T>> rows) : IResult
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Extra response headers (e.g. the API's paging headers).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cancellationToken = httpContext.RequestAborted;
        var logger = httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SocialDomain.Web.Exports");
        var started = Stopwatch.GetTimestamp();
        var tag = new KeyValuePair<string, object?>(ExportMetrics.DatasetTag, dataset);
        long written = 0;

        await using var enumerator = rows(cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool hasRow;
        try
        {
            hasRow = await enumerator.MoveNextAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ExportMetrics.Aborted.Add(1, tag);
            return;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8; header=present";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        var body = response.Body;
        var text = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        var csv = new ExportCsvWriter(text, dialect);
        var completed = false;
        try
        {
            if (dialect.ByteOrderMark)
            {
                await text.FlushAsync(cancellationToken);
                await body.WriteAsync(Utf8Bom, cancellationToken);
            }

            foreach (var column in columns)
            {
                csv.WriteText(column.Header);
            }

            await csv.NextRecordAsync();
            while (hasRow)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = enumerator.Current;
                foreach (var column in columns)
                {
                    column.WriteCsv(csv, row);
                }

                await csv.NextRecordAsync();
                written++;
                ExportMetrics.RowsWritten.Add(1, tag);
                hasRow = await enumerator.MoveNextAsync();
            }

            await csv.FlushAsync();
            await text.FlushAsync(cancellationToken);
            completed = true;
            ExportMetrics.Completed.Add(1, tag);
            logger.LogInformation("Export {Dataset} ({Dialect}, {FileName}): {Rows} rijen in {Milliseconds} ms",
                dataset, dialect.Name, fileName, written, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ExportMetrics.Aborted.Add(1, tag);
            logger.LogInformation("Export {Dataset} ({FileName}) gestopt: de client verbrak de verbinding na {Rows} rijen", dataset, fileName, written);
        }
        catch (Exception exception) when (response.HasStarted && exception is not OperationCanceledException)
        {
            // The status line is out; only aborting the connection tells the client the file is incomplete.
            logger.LogError(exception, "Export {Dataset} ({FileName}) mislukt na {Rows} rijen; verbinding afgebroken", dataset, fileName, written);
            httpContext.Abort();
        }
        finally
        {
            await DisposeQuietlyAsync(csv, text, completed);
        }
    }

    private static async Task DisposeQuietlyAsync(ExportCsvWriter csv, StreamWriter text, bool completed)
    {
        try
        {
            await csv.DisposeAsync();
            await text.DisposeAsync();
        }
        catch (Exception exception) when (!completed && exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone; there is nobody left to flush to.
        }
    }
}
