using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Pages;

/// <summary>
/// The Dutch error page (<see cref="ErrorPages"/>): reached by the exception handler (500) and by re-execution of an
/// error status without a body, for any method, so it needs no antiforgery token and keeps the original status.
/// </summary>
[IgnoreAntiforgeryToken]
public class FoutModel : PageModel
{
    public int Status { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    /// <summary>The address that failed, when re-executed.</summary>
    public string? OriginalPath { get; private set; }

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private PageResult Show(int? code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Status = failed ? StatusCodes.Status500InternalServerError : code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        (Title, Text) = ErrorPages.Describe(Status);
        OriginalPath = reExecuted?.OriginalPath;

        // Only a real failure or a re-executed status answers with an error status; a visit to /Fout itself is a page.
        if (failed || reExecuted is not null)
        {
            Response.StatusCode = Status;
        }

        return Page();
    }
}
