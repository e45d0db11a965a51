using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Import;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>Upload page for the importer (<see cref="ImportUpload"/>): the importer's line-level messages in the page.</summary>
[Authorize(Policy = Policies.Import)]
[RequestSizeLimit(ImportUpload.MaxUploadBytes)]
public class ImportModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Kies één of meer CSV-bestanden.");
            return Page();
        }

        var files = await ImportUpload.ReadAsync(Files, cancellationToken);
        Report = await new ImportUpload(db, clock).ImportAsync(files, User.Identity!.Name!, HttpContext.Origin(), cancellationToken);
        if (Report.Succeeded)
        {
            await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
