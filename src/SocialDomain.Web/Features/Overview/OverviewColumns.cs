using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Overview;

/// <summary>One row of the Kwartaaloverzicht: a KPI at the selected quarter, as the page shows it.</summary>
public sealed record OverviewRecord(Period Quarter, DateTimeOffset? PublishedAt, KpiRow Row, int? Version = null);

/// <summary>The Kwartaaloverzicht's CSV columns: the columns shown plus their codes.</summary>
public static class OverviewColumns
{
    public static readonly ColumnSet<OverviewRecord> Columns = new ColumnSet<OverviewRecord>()
        .Text("Kwartaal", "kwartaal", r => r.Quarter.ToString(), "Het getoonde kwartaal.")
        .Text("Publicatie", "publicatie", r => r.PublishedAt is null ? "concept" : "gepubliceerd", "gepubliceerd, of concept (nog niet gepubliceerd; alleen voor medewerkers).")
        .Timestamp("Gepubliceerd op", "gepubliceerdOp", r => r.PublishedAt, "Wanneer de getoonde publicatie van het kwartaal is gepubliceerd.")
        .Integer("Publicatieversie", "publicatieversie", r => r.Version, "Versie van de getoonde publicatie: 1, of hoger na een correctie; leeg = concept.")
        .Text("Programma-code", "programmaCode", r => r.Row.ProgrammeCode, "Programmanummer.")
        .Text("Programma", "programma", r => r.Row.ProgrammeName, "Programmanaam.")
        .Text("Domein-code", "domeinCode", r => Codes.Domain(r.Row.Domain), "Domein als code.")
        .Text("Domein", "domein", r => DutchText.Domain(r.Row.Domain), "Domein.")
        .Text("KPI-code", "kpiCode", r => r.Row.Code, "Code van de KPI.")
        .Text("KPI", "kpiNaam", r => r.Row.Name, "Naam van de KPI.")
        .Text("Eenheid-code", "eenheidCode", r => Codes.Unit(r.Row.Unit), "Eenheid als code.")
        .Number("Waarde", "waarde", r => r.Row.Evaluation.Current?.Value, "De getoonde meting; leeg = nog geen meting.")
        .Text("Periode meting", "periodeMeting", r => r.Row.Evaluation.Current?.Period.ToString(), "Periode van de getoonde meting.")
        .Text("Periode zoals vermeld", "periodeZoalsVermeld", r => r.Row.Evaluation.Current is { } c ? c.PeriodLabel : null,
            "De periode zoals de bron haar geeft: jaar of kwartaal, een maand, een reeks jaren of 'peildatum onbekend'.")
        .Boolean("Meting uit eerder kwartaal", "metingUitEerderKwartaal", r => r.Row.Evaluation.Current is null ? null : r.Row.Evaluation.CurrentIsFromEarlierPeriod, "Ja als de laatste meting uit een eerdere periode komt (\"stand …\").")
        .Text("Status meting-code", "statusMetingCode", r => r.Row.Evaluation.Current is { } c ? Codes.MeasurementStatus(c.Status) : null, "final of provisional (voorlopig).")
        .Boolean("Synthetisch", "synthetisch", r => r.Row.Evaluation.Current?.IsSynthetic, "Ja voor gegenereerde demonstratiegegevens.")
        .Text("Correctie na publicatie", "correctieNaPublicatie", r => r.Row.Correction, "Wat na publicatie is gewijzigd (waarde, streefwaarde, status, definitie, toelichting): \"… gewijzigd na publicatie: nu …, bij publicatie …; datum\", gescheiden door \" | \".")
        .Number("Streefwaarde", "streefwaarde", r => r.Row.Target?.Value, "Streefwaarde die geldt.")
        .Integer("Versie streefwaarde", "versieStreefwaarde", r => r.Row.Target?.Version, "Versie van de streefwaarde.")
        .Text("Deadline", "deadline", r => r.Row.Target?.Deadline?.ToString(), "Deadline van de streefwaarde; leeg = geen deadline (niet SMART).")
        .Text("Status-code", "statusCode", r => Codes.KpiStatus(r.Row.Status), "on_track, attention of off_track; leeg = niet te beoordelen.")
        .Text("Status", "status", r => r.Row.Status.ToDutchLabel(), "op koers, aandacht, uit koers of niet te beoordelen.")
        .Text("Reden status", "redenStatus", r => r.Row.Status is null ? r.Row.StatusReason : null, "Waarom er geen status is.")
        .Boolean("Wettelijke norm gehaald", "wettelijkeNormGehaald", r => r.Row.LegalNormMet, "Alleen bij een wettelijke norm.")
        .Number("Verandering", "verandering", r => r.Row.Evaluation.Previous is null ? null : r.Row.Evaluation.ChangeAbsolute, "Verschil met de vorige meting, in de eenheid van de KPI (procentpunten bij een percentage).")
        .Text("Vergeleken met", "vergelekenMet", r => r.Row.Evaluation.Previous?.Period.ToString(), "Periode van de vorige meting.")
        .Number("Verandering (%)", "veranderingProcent", r => r.Row.Evaluation.Previous is null ? null : Computed.Round(r.Row.Evaluation.ChangePercent), "Relatieve verandering in procenten.")
        .Integer("Metingen in trend", "metingenInTrend", r => r.Row.Evaluation.SeriesUpTo.Count, "Aantal metingen tot en met het kwartaal (de sparkline op de pagina).")
        .Text("Toelichting", "toelichting", r => r.Row.CommentaryFirstLine, "Eerste regel van de gepubliceerde toelichting bij het kwartaal (zoals gepubliceerd).")
        .Text("Aanvulling na publicatie", "aanvullingNaPublicatie", r => r.Row.Addendum is { } a ? $"{a.Label}: {a.Text}" : null, "Toelichting die na de publicatie is gepubliceerd, met de datum; de toelichting zoals gepubliceerd blijft staan.")
        .Boolean("Toelichting synthetisch", "toelichtingSynthetisch", r => r.Row.CommentaryFirstLine is null ? null : r.Row.CommentaryIsSynthetic, "Ja voor een gegenereerde toelichting.");

    /// <summary>The rows of the report, optionally one programme ("geen" = without programme) and one domain: one table of the page.</summary>
    public static IReadOnlyList<OverviewRecord> Rows(OverviewReport report, string? programme, SocialDomainArea? domain) =>
        report.SelectedQuarter is not { } quarter
            ? []
            : report.Programmes
                .Where(p => string.IsNullOrWhiteSpace(programme) || OverviewSection.Names(programme, p.Code))
                .SelectMany(p => p.Domains)
                .Where(d => domain is null || d.Domain == domain)
                .SelectMany(d => d.Kpis)
                .Select(k => new OverviewRecord(quarter, report.PublishedAt, k, report.Shown?.Version))
                .ToList();
}
