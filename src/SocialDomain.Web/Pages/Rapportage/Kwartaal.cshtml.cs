using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Features.Report;

namespace SocialDomain.Web.Pages.Rapportage;

/// <summary>
/// The quarterly council report of a published quarter (and version), as HTML and, at /rapportage/{kwartaal}.pdf, as a
/// tagged PDF (Features/Report). Staff also get a quarter that is not published, marked as concept. Anonymous readers
/// get both from the output cache (evicted when figures or publications change), so a print is not repeated per reader.
/// </summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class KwartaalModel(CouncilReportQuery query, ReportPdfRenderer renderer, IOptions<MunicipalityOptions> municipality, TimeProvider clock) : PageModel
{
    /// <summary>The quarter, e.g. "2020-K3".</summary>
    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string Quarter { get; set; } = string.Empty;

    /// <summary>?versie=1: an older publication of the quarter.</summary>
    [BindProperty(SupportsGet = true, Name = "versie")]
    public string? Version { get; set; }

    public CouncilReport Report { get; private set; } = null!;

    /// <summary>When the report was made: budgets and the benchmark are shown as they are then.</summary>
    public DateTimeOffset GeneratedAt { get; } = clock.GetUtcNow();

    /// <summary>The PDF of the report shown.</summary>
    public string PdfUrl => $"/rapportage/{Report.Quarter}.pdf" + (Report.Publication is { } p ? $"?versie={p.Version}" : string.Empty);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var pdf = Quarter.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
        var quarter = pdf ? Quarter[..^4] : Quarter;
        var report = await query.LoadAsync(municipality.Value, quarter, Version, Visibility.MaySeeUnpublished(User), cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!pdf)
        {
            Report = report;
            return Page();
        }

        try
        {
            var html = $"/rapportage/{report.Quarter}" + (report.Publication is { } p ? $"?versie={p.Version}" : string.Empty);
            var bytes = await renderer.RenderAsync(html, Request.Cookies, report.Title, cancellationToken);
            return File(bytes, "application/pdf", report.FileName);
        }
        catch (ReportRenderException)
        {
            // Logged by the renderer; the Dutch 503 page says it, and no half file leaves the server.
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
