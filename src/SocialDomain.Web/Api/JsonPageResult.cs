using System.Text.Json;
using SocialDomain.Web.Exports;

namespace SocialDomain.Web.Api;

/// <summary>Paging of an API collection: the requested page and the links to its neighbours.</summary>
public sealed record ApiPaging(int Page, int PageSize, long Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public long Pages => Total == 0 ? 0 : ((Total - 1) / PageSize) + 1;

    public long Offset => (long)(Page - 1) * PageSize;

    public string Link(long page)
    {
        var query = Query.Where(q => q.Key is not ApiParameters.Page and not ApiParameters.PageSize && !string.IsNullOrEmpty(q.Value))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value!)}")
            .Append($"{ApiParameters.Page}={page}")
            .Append($"{ApiParameters.PageSize}={PageSize}");
        return $"{Path}?{string.Join('&', query)}";
    }

    public string? Previous => Page > 1 && Pages > 0 ? Link(Math.Min(Page - 1, Pages)) : null;

    public string? Next => Page < Pages ? Link(Page + 1) : null;

    /// <summary>RFC 8288 Link header with first, prev, next and last.</summary>
    public string LinkHeader()
    {
        var links = new List<string> { $"<{Link(1)}>; rel=\"first\"" };
        if (Previous is { } previous)
        {
            links.Add($"<{previous}>; rel=\"prev\"");
        }

        if (Next is { } next)
        {
            links.Add($"<{next}>; rel=\"next\"");
        }

        links.Add($"<{Link(Math.Max(Pages, 1))}>; rel=\"last\"");
        return string.Join(", ", links);
    }

    public void AddHeaders(IDictionary<string, string> headers)
    {
        headers["X-Total-Count"] = Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["Link"] = LinkHeader();
    }
}

/// <summary>
/// A page of an API collection as JSON: <c>{"paginering": {...}, "gegevens": [...]}</c>. The records are written as
/// they are read, with the same columns (names, types, computed values) as the CSV exports.
/// </summary>
public sealed class JsonPageResult<T>(string dataset, IReadOnlyList<Column<T>> columns, ApiPaging paging, Func<CancellationToken, IAsyncEnumerable<T>> rows) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cancellationToken = httpContext.RequestAborted;
        var tag = new KeyValuePair<string, object?>(ExportMetrics.DatasetTag, dataset);
        await using var enumerator = rows(cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool hasRow;
        try
        {
            hasRow = await enumerator.MoveNextAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var headers = new Dictionary<string, string>();
        paging.AddHeaders(headers);
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        long written = 0;
        try
        {
            await using var json = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Indented = false });
            json.WriteStartObject();
            json.WritePropertyName("paginering");
            json.WriteStartObject();
            json.WriteNumber("pagina", paging.Page);
            json.WriteNumber("paginagrootte", paging.PageSize);
            json.WriteNumber("totaal", paging.Total);
            json.WriteNumber("paginas", paging.Pages);
            json.WriteString("eerste", paging.Link(1));
            WriteLink(json, "vorige", paging.Previous);
            WriteLink(json, "volgende", paging.Next);
            json.WriteString("laatste", paging.Link(Math.Max(paging.Pages, 1)));
            json.WriteEndObject();
            json.WritePropertyName("gegevens");
            json.WriteStartArray();
            while (hasRow)
            {
                cancellationToken.ThrowIfCancellationRequested();
                json.WriteStartObject();
                foreach (var column in columns)
                {
                    column.WriteJson(json, enumerator.Current);
                }

                json.WriteEndObject();
                written++;
                ExportMetrics.RowsWritten.Add(1, tag);
                if (json.BytesPending > 16 * 1024)
                {
                    await json.FlushAsync(cancellationToken);
                }

                hasRow = await enumerator.MoveNextAsync();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
            ExportMetrics.Completed.Add(1, tag);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ExportMetrics.Aborted.Add(1, tag);
        }
        catch (Exception exception) when (response.HasStarted && exception is not OperationCanceledException)
        {
            httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SocialDomain.Web.Api")
                .LogError(exception, "API-antwoord {Dataset} mislukt na {Rows} records; verbinding afgebroken", dataset, written);
            httpContext.Abort();
        }

    }

    private static void WriteLink(Utf8JsonWriter json, string name, string? link)
    {
        if (link is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, link);
        }
    }
}
