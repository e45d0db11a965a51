using System.Runtime.CompilerServices;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Features.Findings;

namespace SocialDomain.Web.Exports;

/// <summary>
/// Bulk exports for controllers (and administrators): whole datasets, unpublished measurements and draft
/// commentary included, streamed from the database. The audit log is for administrators only. Every bulk download
/// is written to the audit log (who, what, which filters).
/// </summary>
public static class BulkExports
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static async Task<IResult> MeasurementsAsync(HttpContext http, SocialDomainDbContext db, IConfiguration configuration,
        string? kpi, string? periode, string? jaar, string? domein, string? synthetisch, string? dialect)
    {
        var filters = new FilterReader();
        var filter = DatasetFilters.Measurements(filters, kpi, periode, () => filters.Year(jaar, "jaar"), domein, synthetisch, publishedOnly: false);
        if (Problem(filters, dialect, out var csvDialect) is { } problem)
        {
            return problem;
        }

        await AuditAsync(http, db, MeasurementDataset.Name, csvDialect, new { kpi = filter.KpiCode, periode = filter.Period?.ToString(), jaar = filter.Year, domein, synthetisch });
        return ExportResults.Csv(http, MeasurementDataset.Name, csvDialect, MeasurementDataset.Columns,
            ct => MeasurementDataset.StreamOnOwnConnectionAsync(db, configuration, filter, null, null, ct),
            filter.Period?.ToString(), filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), filter.KpiCode,
            filter.Domain is { } d ? Codes.Domain(d) : null, filter.Synthetic is { } s ? (s ? "synthetisch" : "bron") : null);
    }

    public static async Task<IResult> TargetsAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? domein, string? dialect)
    {
        var filters = new FilterReader();
        var filter = DatasetFilters.Targets(filters, kpi, domein);
        if (Problem(filters, dialect, out var csvDialect) is { } problem)
        {
            return problem;
        }

        await AuditAsync(http, db, TargetDataset.Name, csvDialect, new { kpi, domein });
        return ExportResults.Csv(http, TargetDataset.Name, csvDialect, TargetDataset.Columns, ct => StreamingQuery.Stream(db, TargetDataset.Query(db, filter, TargetVersion.CurrentQuarter(http.RequestServices.GetRequiredService<TimeProvider>())), ct),
            filter.KpiCode, filter.Domain is { } d ? Codes.Domain(d) : null);
    }

    public static async Task<IResult> CommentariesAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? kwartaal, string? jaar, string? alleVersies,
        string? dialect)
    {
        var filters = new FilterReader();
        var filter = DatasetFilters.Commentaries(filters, kpi, kwartaal, () => filters.Year(jaar, "jaar"), alleVersies, publishedOnly: false);
        if (Problem(filters, dialect, out var csvDialect) is { } problem)
        {
            return problem;
        }

        await AuditAsync(http, db, CommentaryDataset.Name, csvDialect, new { kpi, kwartaal, jaar, alleVersies });
        return ExportResults.Csv(http, CommentaryDataset.Name, csvDialect, CommentaryDataset.Columns, ct => StreamingQuery.Stream(db, CommentaryDataset.Query(db, filter), ct),
            filter.Quarter?.ToString(), filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), filter.KpiCode, filter.AllVersions ? "alle-versies" : null);
    }

    public static async Task<IResult> BudgetsAsync(HttpContext http, SocialDomainDbContext db, string? jaar, string? fase, string? niveau, string? programma, string? taakveld, string? dialect)
    {
        var filters = new FilterReader();
        var filter = DatasetFilters.Budgets(filters, filters.Year(jaar, "jaar"), fase, niveau, programma, taakveld);
        if (Problem(filters, dialect, out var csvDialect) is { } problem)
        {
            return problem;
        }

        await AuditAsync(http, db, BudgetDataset.Name, csvDialect, new { jaar, fase, niveau, programma, taakveld });
        var rows = await BudgetDataset.LoadAsync(db, filter, http.RequestAborted);
        return ExportResults.Csv(http, BudgetDataset.Name, csvDialect, BudgetDataset.Columns, rows,
            filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), filter.Stage is { } st ? Codes.BudgetStage(st) : null,
            filter.Scope is { } sc ? Codes.BudgetScope(sc) : null, filter.ProgrammeCode is { } p ? "programma-" + p : null, filter.TaskFieldCode);
    }

    public static async Task<IResult> BenchmarkAsync(HttpContext http, SocialDomainDbContext db, string? domein, string? taakveld, string? jaar, string? fase, string? gemeente, string? dialect)
    {
        var filters = new FilterReader();
        var filter = DatasetFilters.Benchmark(filters, domein, taakveld, () => filters.Year(jaar, "jaar"), fase, gemeente);
        if (Problem(filters, dialect, out var csvDialect) is { } problem)
        {
            return problem;
        }

        await AuditAsync(http, db, BenchmarkDataset.Name, csvDialect, new { domein, taakveld, jaar, fase, gemeente });
        return ExportResults.Csv(http, BenchmarkDataset.Name, csvDialect, BenchmarkDataset.Columns, ct => BenchmarkDataset.StreamAsync(db, filter, ct),
            filter.Domain is { } d ? Codes.Domain(d) : null, filter.TaskFieldCode, filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            filter.Stage is { } s ? Codes.BenchmarkStage(s) : null, filter.MunicipalityCode);
    }

    public static async Task<IResult> FindingsAsync(HttpContext http, SocialDomainDbContext db, string? dataset, string? dialect)
    {
        var filters = new FilterReader();
        var filter = new FindingFilter(filters.Code(dataset, "dataset"));
        if (Problem(filters, dialect, out var csvDialect) is { } problem)
        {
            return problem;
        }

        await AuditAsync(http, db, FindingDataset.Name, csvDialect, new { dataset });
        return ExportResults.Csv(http, FindingDataset.Name, csvDialect, FindingDataset.Columns, ct => StreamingQuery.Stream(db, FindingDataset.Query(db, filter), ct), filter.Dataset);
    }

    /// <summary>The audit log; <c>van</c> and <c>tot</c> are dates in Amsterdam, both inclusive.</summary>
    public static async Task<IResult> AuditLogAsync(HttpContext http, SocialDomainDbContext db, IConfiguration configuration, string? van, string? tot, string? zoek, string? dialect)
    {
        var filters = new FilterReader();
        var from = filters.Date(van, "van");
        var until = filters.Date(tot, "tot");
        var search = zoek?.Trim();
        if (search is { Length: > 200 })
        {
            filters.Add("De zoekterm is te lang (hoogstens 200 tekens).");
        }

        if (Problem(filters, dialect, out var csvDialect) is { } problem)
        {
            return problem;
        }

        var filter = new AuditFilter(from is { } f ? StartOfDay(f) : null, until is { } u ? StartOfDay(u.AddDays(1)) : null, search);
        await AuditAsync(http, db, AuditLogDataset.Name, csvDialect, new { van, tot, zoek });
        return ExportResults.Csv(http, AuditLogDataset.Name, csvDialect, AuditLogDataset.Columns, ct => StreamAuditAsync(db, configuration, filter, ct),
            from is { } ff ? "van-" + CsvDialect.FormatDate(ff) : null, until is { } uu ? "tot-" + CsvDialect.FormatDate(uu) : null);
    }

    private static async IAsyncEnumerable<AuditRecord> StreamAuditAsync(SocialDomainDbContext db, IConfiguration configuration, AuditFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await ExportConnection.OpenAsync(db, configuration, cancellationToken);
        await foreach (var row in AuditLogDataset.StreamAsync(connection, filter, cancellationToken))
        {
            yield return row;
        }
    }

    private static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    private static IResult? Problem(FilterReader filters, string? dialect, out CsvDialect csvDialect)
    {
        if (!CsvDialect.TryParse(dialect, out csvDialect, out var error))
        {
            filters.Add(error!);
        }

        return filters.HasErrors ? ExportResults.BadRequest(filters.ErrorText) : null;
    }

    /// <summary>BIO: a bulk download of the data (or of the audit log itself) is logged with who, what and which filters.</summary>
    private static async Task AuditAsync(HttpContext http, SocialDomainDbContext db, string dataset, CsvDialect dialect, object filters)
    {
        db.AuditLog.Add(AuditEntry.ForRequest(http, http.RequestServices.GetRequiredService<TimeProvider>(), AuditActions.ExportDownloaded,
            $"export:{dataset}", AuditResults.Succeeded, new { dataset, dialect = dialect.Name, filters }));
        await db.SaveChangesAsync(http.RequestAborted);
    }
}
