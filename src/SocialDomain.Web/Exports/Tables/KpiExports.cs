using Microsoft.AspNetCore.Mvc;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports.Datasets;
using CataloguePage = SocialDomain.Web.Pages.Kpis.IndexModel;
using DetailPage = SocialDomain.Web.Pages.Kpis.DetailModel;

namespace SocialDomain.Web.Exports.Tables;

/// <summary>A comparison value (Nederland, Divosa) of a KPI, as the KPI page lists it.</summary>
public sealed record ReferenceRecord(string KpiCode, KpiUnit Unit, DetailPage.ReferenceRow Row);

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

        var page = new CataloguePage(db) { Search = zoek }.ForRequest(http);
        await page.OnGetAsync(http.RequestAborted);
        var rows = page.Domains.Where(d => domain is null || d.Key == domain).SelectMany(d => d).Select(k => new KpiRecord(k.Code, k.Name, k.Definition, k.Unit, k.Direction, k.BandLow, k.BandHigh,
            k.Frequency, k.DataSource, k.Owner, k.LegalNorm, k.LegalNormDescription, k.Domain, k.ProgrammeCode, k.ProgrammeName)).ToList();
        return ExportResults.Csv(http, Kpis.Name, csvDialect, Kpis.Columns, rows,
            domain is { } d ? Codes.Domain(d) : null, string.IsNullOrWhiteSpace(zoek) ? null : "zoek-" + zoek);
    }

    /// <summary>The measurements table of /kpis/{code}: non-staff see measurements up to the latest published quarter.</summary>
    public static async Task<IResult> MeasurementsAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect)
    {
        var (page, problem, csvDialect) = await DetailAsync(http, db, kpi, dialect);
        if (problem is not null)
        {
            return problem;
        }

        var latest = page!.LatestPublished;
        var rows = page.Measurements.Select(m => new MeasurementRecord(page.Kpi.Code, page.Kpi.Name, page.Kpi.Domain, page.Kpi.ProgrammeCode, page.Kpi.Unit,
            m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic, latest is { } l && KpiEvaluation.EndQuarter(m.Period) <= l,
            page.Corrections.TryGetValue(m.Period, out var published) ? published : null, m.Source.Document, m.Source.Section, m.Note)).ToList();
        return ExportResults.Csv(http, MeasurementsName, csvDialect, Measurements.Columns, rows, page.Kpi.Code);
    }

    /// <summary>The target history of /kpis/{code}: every version.</summary>
    public static async Task<IResult> TargetsAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect)
    {
        var (page, problem, csvDialect) = await DetailAsync(http, db, kpi, dialect);
        if (problem is not null)
        {
            return problem;
        }

        var k = page!.Kpi;
        var rows = page.TargetHistory.Select(t => new TargetRecord(k.Code, k.Name, k.Unit, k.Direction, t.Version, t == page.TargetHistory[^1],
            t.TargetValue, t.DeadlineYear, t.DeadlineQuarter, t.BaselineValue, t.BaselineYear, t.BaselineQuarter, t.ToleranceOnTrack, t.ToleranceAttention,
            t.Rationale, t.CouncilDecision, t.ChangeReason, t.ChangedBy, t.ChangedAt, t.SourceDocument, t.SourceSection)).ToList();
        return ExportResults.Csv(http, TargetsName, csvDialect, Targets.Columns, rows, k.Code);
    }

    /// <summary>The comparison values of /kpis/{code}.</summary>
    public static async Task<IResult> ReferencesAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect)
    {
        var (page, problem, csvDialect) = await DetailAsync(http, db, kpi, dialect);
        if (problem is not null)
        {
            return problem;
        }

        var rows = page!.References.Select(r => new ReferenceRecord(page.Kpi.Code, page.Kpi.Unit, r)).ToList();
        return ExportResults.Csv(http, ReferencesName, csvDialect, ReferenceColumns, rows, page.Kpi.Code);
    }

    private static async Task<(DetailPage? Page, IResult? Problem, CsvDialect Dialect)> DetailAsync(HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect)
    {
        if (!CsvDialect.TryParse(dialect, out var csvDialect, out var error))
        {
            return (null, ExportResults.BadRequest(error!), csvDialect);
        }

        if (string.IsNullOrWhiteSpace(kpi))
        {
            return (null, ExportResults.BadRequest("Geef de KPI op met ?kpi=<code>, bijvoorbeeld ?kpi=SP_SCORE."), csvDialect);
        }

        var page = new DetailPage(db).ForRequest(http);
        var result = await page.OnGetAsync(kpi.Trim(), http.RequestAborted);
        return result is NotFoundResult
            ? (null, ExportResults.NotFound($"Er is geen KPI met de code '{kpi.Trim()}'."), csvDialect)
            : (page, null, csvDialect);
    }
}
