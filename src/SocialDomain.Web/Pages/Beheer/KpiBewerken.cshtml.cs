using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// /beheer/kpis/{code}/bewerken: a new version of the definition (geldig vanaf and reason), or archive the KPI from a
/// quarter (<see cref="DefinitionEditor"/>). A save based on a stale form gets the conflict view.
/// </summary>
[Authorize(Policy = Policies.ManageDefinitions)]
public class KpiBewerkenModel(SocialDomainDbContext db, TimeProvider clock) : PageModel, IDefinitionFormPage
{
    private readonly DefinitionEditor _editor = new(db, clock);

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public DefinitionForm Form { get; set; } = new();

    [BindProperty]
    public ArchiveForm Archive { get; set; } = new();

    public DefinitionEditorState State { get; private set; } = null!;

    public IReadOnlyList<CatalogueOption> Programmes { get; private set; } = [];

    public IReadOnlyList<CatalogueOption> TaskFields { get; private set; } = [];

    /// <summary>Set when the save lost a race: the latest version stored meanwhile.</summary>
    public DefinitionVersionRow? Conflicting { get; private set; }

    public bool ConflictOnArchive { get; private set; }

    /// <summary>The clock's quarter: the definition in force in it is marked in the history.</summary>
    public SocialDomain.Core.Domain.Period CurrentQuarter => Features.Kpis.TargetVersion.CurrentQuarter(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Form = DefinitionForm.From(State.Kpi);
        Archive = new ArchiveForm { RowVersion = State.Kpi.RowVersion };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        RunAsync(state => _editor.ChangeAsync(state, Form, Actor(), ct), $"Definitie van {Code}: nieuwe versie opgeslagen.", nameof(Form), ct);

    public Task<IActionResult> OnPostArchiverenAsync(CancellationToken ct) =>
        RunAsync(state => _editor.ArchiveAsync(state, Archive, Actor(), ct), $"{Code} is gearchiveerd vanaf {Archive.ArchiveFrom?.Trim()}.", nameof(Archive), ct);

    private async Task<IActionResult> RunAsync(Func<DefinitionEditorState, Task<DefinitionResult>> change, string done, string prefix, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await change(State);
        if (result.Succeeded)
        {
            await DashboardOutputCache.EvictAsync(HttpContext, ct);
            TempData[StatusMessage.Key] = done;
            return Redirect("/beheer/kpis");
        }

        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError($"{prefix}.{problem.Field}", problem.Message);
        }

        if (result.Conflict is { } latest)
        {
            State = latest;
            Conflicting = latest.Latest;
            ConflictOnArchive = prefix == nameof(Archive);
            Form.RowVersion = Archive.RowVersion = latest.Kpi.RowVersion;
            ModelState.Remove($"{nameof(Form)}.{nameof(DefinitionForm.RowVersion)}");
            ModelState.Remove($"{nameof(Archive)}.{nameof(ArchiveForm.RowVersion)}");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        if (prefix == nameof(Archive))
        {
            Form = DefinitionForm.From(State.Kpi);
        }
        else
        {
            Archive.RowVersion = Form.RowVersion;
        }

        return Page();
    }

    private DefinitionActor Actor() => new(User.Identity!.Name!, HttpContext.Origin());

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await _editor.LoadAsync(Code, ct) is not { } state)
        {
            return false;
        }

        State = state;
        (Programmes, TaskFields) = await DefinitionQuery.OptionsAsync(db, ct);
        return true;
    }
}
