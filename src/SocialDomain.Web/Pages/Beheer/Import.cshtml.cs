using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>Upload page for the importer (Controller): the importer's line-level messages in the page.</summary>
[Authorize(Policy = Policies.Import)]
[RequestSizeLimit(MaxUploadBytes)]
public class ImportModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxUploadBytes = 20 * 1024 * 1024;

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

        var files = new List<ImportFile>();
        foreach (var file in Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add(new ImportFile(Path.GetFileName(file.FileName), buffer.ToArray()));
        }

        Report = await new DatasetImporter(db).ImportAsync(files, cancellationToken);
        db.AuditLog.Add(new AuditLogEntry
        {
            Timestamp = clock.GetUtcNow(),
            Actor = User.Identity!.Name!,
            Action = "cijfers.importeren",
            Object = "bestanden:" + string.Join(",", files.Select(f => f.Name)),
            Result = Report.Succeeded ? "gelukt" : "geweigerd",
            Origin = HttpContext.Origin(),
            Details = JsonSerializer.Serialize(new { Report.RowsRead, Report.Inserted, Report.Updated, problemen = Report.Problems.Count }),
        });
        await db.SaveChangesAsync(cancellationToken);
        if (Report.Succeeded)
        {
            await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        }

        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
