using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// /beheer/toelichtingsgrenzen: the explanation thresholds of the financiële verordening as versions with "geldig vanaf"
/// (<see cref="ThresholdEditor"/>); the Begroting page judges each year's variances by the version in force that year.
/// </summary>
[Authorize(Policy = Policies.ManageSettings)]
public class ToelichtingsgrenzenModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ThresholdForm Form { get; set; } = new();

    /// <summary>Every version, in the order they apply.</summary>
    public IReadOnlyList<ThresholdVersion> Versions { get; private set; } = [];

    public IReadOnlyList<ThresholdFormProblem> Problems { get; private set; } = [];

    public string? ProblemOf(string field) =>
        string.Join(" ", Problems.Where(p => p.Field == field).Select(p => p.Message)) is { Length: > 0 } m ? m : null;

    public async Task OnGetAsync(CancellationToken ct) => Versions = await ThresholdEditor.LoadAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Problems = await new ThresholdEditor(db, clock).SaveAsync(Form, User.Identity!.Name!, HttpContext.Origin(), ct);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Versions = await ThresholdEditor.LoadAsync(db, ct);
            return Page();
        }

        await DashboardOutputCache.EvictAsync(HttpContext, ct);
        TempData[StatusMessage.Key] = $"De toelichtingsgrenzen vanaf {Form.ValidFromYear?.Trim()} zijn opgeslagen.";
        return Redirect(ThresholdVersions.SettingsPath);
    }
}
