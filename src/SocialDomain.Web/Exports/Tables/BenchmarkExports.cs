using SocialDomain.Web.Data;
using SocialDomain.Web.Features.G40Benchmark;

namespace SocialDomain.Web.Exports.Tables;

/// <summary>
/// The tables of /benchmark for one selection (veld, jaar, gemeente and the weights), from the same
/// <see cref="BenchmarkQuery"/> and <see cref="BenchmarkReport"/> as the page; columns in <see cref="BenchmarkTables"/>.
/// </summary>
public static class BenchmarkExports
{
    public const string RankingName = "benchmark-ranglijst";
    public const string ReferencesName = "benchmark-referenties";
    public const string SeriesName = "benchmark-per-jaar";
    public const string PeersName = "benchmark-zoals-wij";
    public const string CharacteristicsName = "benchmark-kenmerken";
    public const string FindingsName = "benchmark-bevindingen";

    public static Task<IResult> RankingAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, new(veld, jaar, gemeente, Weights(http), http.Request.Query[BenchmarkInput.SeriesParameter]), dialect, RankingName, BenchmarkTables.RankingColumns, BenchmarkTables.RankingRows);

    public static Task<IResult> ReferencesAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, new(veld, jaar, gemeente, Weights(http), http.Request.Query[BenchmarkInput.SeriesParameter]), dialect, ReferencesName, BenchmarkTables.ReferenceColumns, BenchmarkTables.ReferenceRows);

    public static Task<IResult> SeriesAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, new(veld, jaar, gemeente, Weights(http), http.Request.Query[BenchmarkInput.SeriesParameter]), dialect, SeriesName, BenchmarkTables.SeriesColumns, BenchmarkTables.SeriesRows);

    public static Task<IResult> PeersAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, new(veld, jaar, gemeente, Weights(http), http.Request.Query[BenchmarkInput.SeriesParameter]), dialect, PeersName, BenchmarkTables.PeerColumns, BenchmarkTables.PeerRows);

    public static Task<IResult> CharacteristicsAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, new(veld, jaar, gemeente, Weights(http), http.Request.Query[BenchmarkInput.SeriesParameter]), dialect, CharacteristicsName, BenchmarkTables.CharacteristicColumns, BenchmarkTables.CharacteristicRows);

    public static Task<IResult> FindingsAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, new(veld, jaar, gemeente, Weights(http), http.Request.Query[BenchmarkInput.SeriesParameter]), dialect, FindingsName, BenchmarkTables.FindingColumns, BenchmarkTables.FindingRows);

    private static IReadOnlyDictionary<string, string> Weights(HttpContext http) => BenchmarkInput.WeightsFromQuery(http.Request.Query);

    private static async Task<IResult> RunAsync<T>(
        HttpContext http, SocialDomainDbContext db, BenchmarkInput input, string? dialect,
        string name, ColumnSet<T> columns, Func<BenchmarkReport, BenchmarkSelectionKey, IReadOnlyList<T>> rows)
    {
        if (!CsvDialect.TryParse(dialect, out var csvDialect, out var error))
        {
            return ExportResults.BadRequest(error!);
        }

        var configuredHome = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.MunicipalityOptions>>().Value.Code;
        var report = await new BenchmarkQuery(db, configuredHome).RunAsync(input, http.RequestAborted);
        if (report.Messages.Count > 0)
        {
            return ExportResults.BadRequest(BenchmarkSelection.ExportError(report.Messages));
        }

        if (!report.HasData || report.SelectedField is not { } field || report.SelectedColumn is not { } column || report.SelectedHome is not { } home)
        {
            return ExportResults.NotFound("Er zijn nog geen benchmarkcijfers geladen.");
        }

        var selection = new BenchmarkSelectionKey(field, column, home);
        return ExportResults.Csv(http, name, csvDialect, columns, rows(report, selection), field.Token, column.Token, home.Code);
    }
}
