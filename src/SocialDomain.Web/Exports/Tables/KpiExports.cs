using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Exports.Tables;

/// <summary>A comparison value (Nederland, Divosa) of a KPI, as the KPI page lists it.</summary>
public sealed record ReferenceRecord(string KpiCode, KpiUnit Unit, ReferenceRow Row);

/// <summary>The tables of the KPI pages: the catalogue (/kpis) and, per KPI (/kpis/{code}), measurements, target history and comparison values.</summary>
public static class KpiExports
{
    public const string MeasurementsName = "kpi-metingen";
    public const string TargetsName = "kpi-streefwaarden";
    public const string ReferencesName = "kpi-vergelijkingswaarden";

    public static readonly ColumnSet<ReferenceRecord> ReferenceColumns = new ColumnSet<ReferenceRecord>()
        .Text("KPI-code", "kpiCode", r => r.KpiCode, "Code van de KPI.")
        .Text("Periode", "periode", r => r.Row.Period.ToString(), "Periode.")
        .Text("Vergelijking", "vergelijking", r => r.Row.Reference, "Waarmee vergeleken wordt, bijvoorbeeld Nederland.")
        .Number("Waarde", "waarde", r => r.Row.Value, "Vergelijkingswaarde in de eenheid van de KPI.")
        .Text("Eenheid-code", "eenheidCode", r => Codes.Unit(r.Unit), "Eenheid als code.")
        .Text("Brondocument", "brondocument", r => r.Row.SourceDocument, "Brondocument.")
        .Text("Bronsectie", "bronsectie", r => r.Row.SourceSection, "Sectie in het brondocument.");

    /// <summary>/kpis as CSV, with the same search; optionally one domain (one table of the page).</summary>
    public static async Task<IResult> CatalogueAsync(HttpContext http, SocialDomainDbContext db, string? zoek, string? domein, string? dialect)
    {
        var filters = new FilterReader();
        var domain = filters.Domain(domein);
        if (!CsvDialect.TryParse(dialect, out var csvDialect, out var error))
        {
            filters.Add(error!);
        }

        if (filters.HasErrors)
        {
            return ExportResults.BadRequest(filters.ErrorText);
        }

        var domains = await KpiCatalogue.ByDomainAsync(db, new KpiFilter(Search: zoek), http.RequestAborted);
        var rows = domains.Where(d => domain is null || d.Key == domain).SelectMany(d => d).ToList();
        return ExportResults.Csv(http, KpiCatalogue.Name, csvDialect, KpiCatalogue.Columns, rows,
            domain is { } d ? Codes.Domain(d) : null, string.IsNullOrWhiteSpace(zoek) ? null : "zoek-" + zoek);
    }

    /// <summary>The measurements table of /kpis/{code}: non-staff see measurements up to the latest published quarter.</summary>
    public static async Task<IResult> MeasurementsAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect, string? stand = null)
    {
        var (report, problem, csvDialect) = await DetailAsync(http, db, kpi, dialect, stand);
        return problem ?? ExportResults.Csv(http, MeasurementsName, csvDialect, MeasurementDataset.Columns, report!.Measurements, report.Kpi.Code);
    }

    /// <summary>The target history of /kpis/{code}: every version.</summary>
    public static async Task<IResult> TargetsAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect, string? stand = null)
    {
        var (report, problem, csvDialect) = await DetailAsync(http, db, kpi, dialect, stand);
        return problem ?? ExportResults.Csv(http, TargetsName, csvDialect, TargetDataset.Columns, report!.TargetHistory, report.Kpi.Code);
    }

    /// <summary>The comparison values of /kpis/{code}.</summary>
    public static async Task<IResult> ReferencesAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect, string? stand = null)
    {
        var (report, problem, csvDialect) = await DetailAsync(http, db, kpi, dialect, stand);
        if (problem is not null)
        {
            return problem;
        }

        var rows = report!.References.Select(r => new ReferenceRecord(report.Kpi.Code, report.Kpi.Unit, r)).ToList();
        return ExportResults.Csv(http, ReferencesName, csvDialect, ReferenceColumns, rows, report.Kpi.Code);
    }

    private static async Task<(KpiDetailReport? Report, IResult? Problem, CsvDialect Dialect)> DetailAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect, string? stand)
    {
        if (!CsvDialect.TryParse(dialect, out var csvDialect, out var error))
        {
            return (null, ExportResults.BadRequest(error!), csvDialect);
        }

        if (string.IsNullOrWhiteSpace(kpi))
        {
            return (null, ExportResults.BadRequest("Geef de KPI op met ?kpi=<code>, bijvoorbeeld ?kpi=SP_SCORE."), csvDialect);
        }

        var data = await KpiDetailQuery.LoadAsync(db, kpi.Trim(), http.RequestAborted);
        if (data is null)
        {
            return (null, ExportResults.NotFound($"Er is geen KPI met de code '{kpi.Trim()}'."), csvDialect);
        }

        // ?stand=: the table as published at the end of that day; a download never silently shows another stand.
        var standShown = KpiStand.Resolve(data, stand, out var problem);
        return problem is not null
            ? (null, ExportResults.BadRequest(problem + "."), csvDialect)
            : (KpiDetailReport.Build(data, Visibility.MaySeeUnpublished(http.User), standShown,
                TargetVersion.CurrentQuarter(http.RequestServices.GetRequiredService<TimeProvider>())), null, csvDialect);
    }
}
