using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Import;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// Upload page for the importer (<see cref="ImportUpload"/>): upload → preview (counts per dataset, nothing written) →
/// confirm (written with its audit row) or cancel; the importer's line-level messages in the page; a template per dataset.
/// </summary>
[Authorize(Policy = Policies.Import)]
[RequestSizeLimit(ImportUpload.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.MaxUploadBytes)]
[UploadSizeGuard]
public class ImportModel(SocialDomainDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MunicipalityOptions> municipality) : PageModel
{
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public ImportReport? Report { get; private set; }

    /// <summary>The draft the preview asks to confirm (null when nothing is pending).</summary>
    public Guid? DraftId { get; private set; }

    public IReadOnlyList<DatasetFormat> Formats => DatasetFormats.All;

    public void OnGet(string? fout)
    {
        if (fout == UploadSizeGuardAttribute.TooLargeQuery)
        {
            ModelState.AddModelError(nameof(Files), ImportUpload.TooLarge);
        }
    }

    public IActionResult OnGetSjabloon(string? naam) =>
        DatasetFormats.All.FirstOrDefault(f => f.DutchName == naam) is { } format
            ? File(ImportTemplates.Create(format, municipality.Value), "text/csv; charset=utf-8", format.TemplateFileName)
            : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Kies één of meer CSV-bestanden.");
            return Page();
        }

        var files = await ImportUpload.ReadAsync(Files, cancellationToken);
        var preview = await new ImportUpload(db, clock).PreviewAsync(files, User.Identity!.Name!, HttpContext.Origin(), cancellationToken);
        (Report, DraftId) = (preview.Report, preview.DraftId);
        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBevestigenAsync(Guid concept, CancellationToken cancellationToken)
    {
        Report = await new ImportUpload(db, clock).ConfirmAsync(concept, User.Identity!.Name!, HttpContext.Origin(), cancellationToken);
        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        TempData[StatusMessage.Key] = ImportCommand.Summary(Report);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAnnulerenAsync(Guid concept, CancellationToken cancellationToken)
    {
        await new ImportUpload(db, clock).CancelAsync(concept, User.Identity!.Name!, cancellationToken);
        TempData[StatusMessage.Key] = "De import is geannuleerd; er is niets opgeslagen.";
        return RedirectToPage();
    }
}
