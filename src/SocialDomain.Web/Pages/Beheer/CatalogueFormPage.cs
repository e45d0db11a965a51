using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Calculations;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// The shared POST flow of /beheer/programmas and /beheer/taakvelden: create (handler Nieuw) or change one entry (handler
/// Wijzigen, the code in <see cref="CatalogueForm.Code"/>); redirect after success, otherwise the page again with the
/// problems next to the fields of the form that was sent (<see cref="EditingCode"/>; null: the create form).
/// </summary>
public abstract class CatalogueFormPage : PageModel
{
    [BindProperty]
    public CatalogueForm Form { get; set; } = new();

    /// <summary>The entry whose form was sent and refused; null for the create form.</summary>
    public string? EditingCode { get; private set; }

    public bool Conflict { get; private set; }

    /// <summary>The problems of the form that was sent, per field.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; private set; } = [];

    public string? ProblemOf(DefinitionField field, string? code) =>
        code == EditingCode ? string.Join(" ", Problems.Where(p => p.Field == field).Select(p => p.Message)) is { Length: > 0 } m ? m : null : null;

    protected DefinitionActor Actor() => new(User.Identity!.Name!, HttpContext.Origin());

    protected abstract string Path { get; }

    protected abstract Task LoadAsync(CancellationToken ct);

    protected async Task<IActionResult> CreatedAsync(IReadOnlyList<DefinitionProblem> problems, string done, CancellationToken ct) =>
        problems.Count == 0 ? await DoneAsync(done, ct) : await AgainAsync(problems, null, false, ct);

    protected async Task<IActionResult> ChangedAsync(ChangeOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome.NotFound)
        {
            return NotFound();
        }

        return outcome.Succeeded ? await DoneAsync(done, ct) : await AgainAsync(outcome.Problems, Form.Code, outcome.Conflict, ct);
    }

    private async Task<IActionResult> DoneAsync(string done, CancellationToken ct)
    {
        await DashboardOutputCache.EvictAsync(HttpContext, ct);
        TempData[StatusMessage.Key] = done;
        return Redirect(Path);
    }

    private async Task<IActionResult> AgainAsync(IReadOnlyList<DefinitionProblem> problems, string? code, bool conflict, CancellationToken ct)
    {
        Problems = problems;
        EditingCode = code;
        Conflict = conflict;
        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }
}
