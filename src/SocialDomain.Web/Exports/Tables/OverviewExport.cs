using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Exports.Tables;

/// <summary>
/// The Kwartaaloverzicht (/) as CSV: the overview feature runs for this request's reader, so the public and council
/// members get the published quarter as published (corrections marked) and staff also drafts with live values.
/// </summary>
public static class OverviewExport
{
    public const string Name = "kwartaaloverzicht";

    public static async Task<IResult> HandleAsync(HttpContext http, SocialDomainDbContext db, string? kwartaal, string? programma, string? domein, string? dialect,
        string? stand = null, string? versie = null)
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

        var showsUnpublished = Visibility.MaySeeUnpublished(http.User);
        var report = OverviewReport.Build(await OverviewQuery.LoadAsync(db, kwartaal, showsUnpublished, http.RequestAborted, stand, versie, fullHistory: true), showsUnpublished);
        if (report.PublicationProblem is { } publicationProblem)
        {
            // A download must not silently contain another stand or version than asked for.
            return ExportResults.BadRequest(publicationProblem + ".");
        }

        if (report.SelectedQuarter is not { } quarter)
        {
            return ExportResults.NotFound("Er is nog geen kwartaal gepubliceerd.");
        }

        if (report.Selection.ExportMessage is { } message)
        {
            // The page falls back to the latest quarter; a download must not silently contain another quarter.
            return ExportResults.NotFound(message);
        }

        var rows = OverviewColumns.Rows(report, programma, domain);
        var filter = string.Join('-', new[] { quarter.ToString(), report.Shown is { } shown && report.Publications is { AsPublished: true } ? $"versie-{shown.Version}" : null,
            report.Stand is { } st ? "stand-" + st.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null, string.IsNullOrWhiteSpace(programma) ? null : "programma-" + programma.Trim(), domain is { } dd ? Codes.Domain(dd) : null }
            .Where(p => p is not null));
        return ExportResults.Csv(http, Name, csvDialect, OverviewColumns.Columns, rows, filter);
    }
}
