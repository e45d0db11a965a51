using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>/beheer/kpis/nieuw: a new KPI, its definition as version 1 (<see cref="DefinitionEditor.CreateAsync"/>).</summary>
[Authorize(Policy = Policies.ManageDefinitions)]
public class KpiNieuwModel(SocialDomainDbContext db, TimeProvider clock) : PageModel, IDefinitionFormPage
{
    [BindProperty]
    public DefinitionForm Form { get; set; } = new();

    public IReadOnlyList<CatalogueOption> Programmes { get; private set; } = [];

    public IReadOnlyList<CatalogueOption> TaskFields { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = new DefinitionForm { Frequency = Vocabulary.Frequencies.Token(KpiFrequency.Quarter) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await new DefinitionEditor(db, clock).CreateAsync(Form, new DefinitionActor(User.Identity!.Name!, HttpContext.Origin()), ct);
        if (result.Succeeded)
        {
            await DashboardOutputCache.EvictAsync(HttpContext, ct);
            TempData[StatusMessage.Key] = $"KPI {Form.Code?.Trim()} is aangemaakt.";
            return Redirect("/beheer/kpis");
        }

        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError($"{nameof(Form)}.{problem.Field}", problem.Message);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => (Programmes, TaskFields) = await DefinitionQuery.OptionsAsync(db, ct);
}
