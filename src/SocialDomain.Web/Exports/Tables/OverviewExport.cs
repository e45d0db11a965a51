using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Import;
using OverviewPage = SocialDomain.Web.Pages.IndexModel;

namespace SocialDomain.Web.Exports.Tables;

/// <summary>One row of the Kwartaaloverzicht: a KPI at the selected quarter, as the page shows it.</summary>
public sealed record OverviewRecord(Period Quarter, DateTimeOffset? PublishedAt, OverviewPage.KpiRow Row);

/// <summary>
/// The Kwartaaloverzicht (/) as CSV: the page model runs for this request, so the public and council members get
/// the published quarter as published (corrections marked) and staff also drafts with live values.
/// </summary>
public static class OverviewExport
{
    public const string Name = "kwartaaloverzicht";

    public static readonly ColumnSet<OverviewRecord> Columns = new ColumnSet<OverviewRecord>()
        .Text("Kwartaal", "kwartaal", r => r.Quarter.ToString(), "Het getoonde kwartaal.")
        .Text("Publicatie", "publicatie", r => r.PublishedAt is null ? "concept" : "gepubliceerd", "gepubliceerd, of concept (nog niet gepubliceerd; alleen voor medewerkers).")
        .Timestamp("Gepubliceerd op", "gepubliceerdOp", r => r.PublishedAt, "Wanneer het kwartaal is gepubliceerd.")
        .Text("Programma-code", "programmaCode", r => r.Row.ProgrammeCode, "Programmanummer.")
        .Text("Programma", "programma", r => r.Row.ProgrammeName, "Programmanaam.")
        .Text("Domein-code", "domeinCode", r => Codes.Domain(r.Row.Domain), "Domein als code.")
        .Text("Domein", "domein", r => DutchText.Domain(r.Row.Domain), "Domein.")
        .Text("KPI-code", "kpiCode", r => r.Row.Code, "Code van de KPI.")
        .Text("KPI", "kpiNaam", r => r.Row.Name, "Naam van de KPI.")
        .Text("Eenheid-code", "eenheidCode", r => Codes.Unit(r.Row.Unit), "Eenheid als code.")
        .Number("Waarde", "waarde", r => r.Row.Evaluation.Current?.Value, "De getoonde meting; leeg = nog geen meting.")
        .Text("Periode meting", "periodeMeting", r => r.Row.Evaluation.Current?.Period.ToString(), "Periode van de getoonde meting.")
        .Boolean("Meting uit eerder kwartaal", "metingUitEerderKwartaal", r => r.Row.Evaluation.Current is null ? null : r.Row.Evaluation.CurrentIsFromEarlierPeriod, "Ja als de laatste meting uit een eerdere periode komt (\"stand …\").")
        .Text("Status meting-code", "statusMetingCode", r => r.Row.Evaluation.Current is { } c ? Codes.MeasurementStatus(c.Status) : null, "final of provisional (voorlopig).")
        .Boolean("Synthetisch", "synthetisch", r => r.Row.Evaluation.Current?.IsSynthetic, "Ja voor gegenereerde demonstratiegegevens.")
        .Text("Correctie na publicatie", "correctieNaPublicatie", r => r.Row.Correction, "\"gewijzigd na publicatie: nu …, bij publicatie …\" als de waarde na publicatie is gewijzigd.")
        .Number("Streefwaarde", "streefwaarde", r => r.Row.Target?.Value, "Streefwaarde die geldt.")
        .Integer("Versie streefwaarde", "versieStreefwaarde", r => r.Row.Target?.Version, "Versie van de streefwaarde.")
        .Text("Deadline", "deadline", r => r.Row.Target?.Deadline?.ToString(), "Deadline van de streefwaarde; leeg = geen deadline (niet SMART).")
        .Text("Status-code", "statusCode", r => Codes.KpiStatus(r.Row.Evaluation.Status), "on_track, attention of off_track; leeg = niet te beoordelen.")
        .Text("Status", "status", r => r.Row.Evaluation.Status.ToDutchLabel(), "op koers, aandacht, uit koers of niet te beoordelen.")
        .Text("Reden status", "redenStatus", r => r.Row.Evaluation.Status is null ? r.Row.Evaluation.StatusReason : null, "Waarom er geen status is.")
        .Boolean("Wettelijke norm gehaald", "wettelijkeNormGehaald", r => r.Row.Evaluation.LegalNorm?.MeetsNorm, "Alleen bij een wettelijke norm.")
        .Number("Verandering", "verandering", r => r.Row.Evaluation.Previous is null ? null : r.Row.Evaluation.ChangeAbsolute, "Verschil met de vorige meting, in de eenheid van de KPI (procentpunten bij een percentage).")
        .Text("Vergeleken met", "vergelekenMet", r => r.Row.Evaluation.Previous?.Period.ToString(), "Periode van de vorige meting.")
        .Number("Verandering (%)", "veranderingProcent", r => r.Row.Evaluation.Previous is null ? null : Datasets.Benchmarks.Round(r.Row.Evaluation.ChangePercent), "Relatieve verandering in procenten.")
        .Integer("Metingen in trend", "metingenInTrend", r => r.Row.Evaluation.SeriesUpTo.Count, "Aantal metingen tot en met het kwartaal (de sparkline op de pagina).")
        .Text("Toelichting", "toelichting", r => r.Row.CommentaryFirstLine, "Eerste regel van de gepubliceerde toelichting bij het kwartaal.")
        .Boolean("Toelichting synthetisch", "toelichtingSynthetisch", r => r.Row.CommentaryFirstLine is null ? null : r.Row.CommentaryIsSynthetic, "Ja voor een gegenereerde toelichting.");

    public static async Task<IResult> HandleAsync(HttpContext http, SocialDomainDbContext db, string? kwartaal, string? programma, string? domein, string? dialect)
    {
        if (!CsvDialect.TryParse(dialect, out var csvDialect, out var error))
        {
            return ExportResults.BadRequest(error!);
        }

        SocialDomainArea? domain = null;
        if (!string.IsNullOrWhiteSpace(domein))
        {
            if (!Codes.TryParse(Tokens.Domain, domein, out SocialDomainArea d))
            {
                return ExportResults.BadRequest($"Onbekend domein '{domein}'; kies uit {Codes.List(Tokens.Domain)}.");
            }

            domain = d;
        }

        var page = new OverviewPage(db) { Quarter = kwartaal }.ForRequest(http);
        await page.OnGetAsync(http.RequestAborted);
        if (page.SelectedQuarter is not { } quarter)
        {
            return ExportResults.NotFound("Er is nog geen kwartaal gepubliceerd.");
        }

        if (page.QuarterMessage is { } message)
        {
            // The page falls back to the latest quarter; a download must not silently contain another quarter.
            return ExportResults.NotFound(message.Replace("; het laatste kwartaal wordt getoond.", ".", StringComparison.Ordinal));
        }

        var rows = page.Programmes
            .Where(p => string.IsNullOrWhiteSpace(programma) || string.Equals(p.Code ?? "geen", programma.Trim(), StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Domains)
            .Where(d => domain is null || d.Domain == domain)
            .SelectMany(d => d.Kpis)
            .Select(k => new OverviewRecord(quarter, page.PublishedAt, k))
            .ToList();
        var filter = string.Join('-', new[] { quarter.ToString(), string.IsNullOrWhiteSpace(programma) ? null : "programma-" + programma.Trim(), domain is { } dd ? Codes.Domain(dd) : null }
            .Where(p => p is not null));
        return ExportResults.Csv(http, Name, csvDialect, Columns, rows, filter);
    }
}
