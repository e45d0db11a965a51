using System.Text;

namespace SocialDomain.Web.Exports;

/// <summary>Shared plumbing of the export endpoints: file names, CSV results, Dutch error answers.</summary>
public static class ExportResults
{
    public static string FileName(HttpContext http, string dataset, params string?[] filters) =>
        ExportFileName.Create(dataset, CsvDialect.Today(http.RequestServices.GetRequiredService<TimeProvider>()), filters);

    /// <summary>A CSV download of rows that are already computed (the page-level tables: tens of rows).</summary>
    public static CsvFileResult<T> Csv<T>(HttpContext http, string dataset, CsvDialect dialect, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows, params string?[] filters) =>
        new(dataset, FileName(http, dataset, filters), dialect, columns, _ => rows.ToAsyncEnumerable());

    /// <summary>A CSV download streamed from the database while it is read.</summary>
    public static CsvFileResult<T> Csv<T>(HttpContext http, string dataset, CsvDialect dialect, IReadOnlyList<Column<T>> columns, Func<CancellationToken, IAsyncEnumerable<T>> rows, params string?[] filters) =>
        new(dataset, FileName(http, dataset, filters), dialect, columns, rows);

    public static IResult BadRequest(string message) => Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) => Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
}
