using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Calculations;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Targets;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using KpiTarget = SocialDomain.Web.Data.Entities.KpiTarget;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// The SMART target editor (rules: <see cref="SmartTarget"/>; loading and saving with history, concurrency check and
/// audit: <see cref="TargetEditor"/>). A save based on a stale version gets the conflict view with both versions.
/// </summary>
[Authorize(Policy = Policies.EditTargets)]
public class StreefwaardeModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    private readonly TargetEditor _editor = new(db, clock);

    [BindProperty]
    public TargetForm Form { get; set; } = new();

    public Kpi Kpi { get; private set; } = null!;

    public KpiTarget? Current { get; private set; }

    /// <summary>The KPI's first measured period: "geldig vanaf" may not lie before it.</summary>
    public SocialDomain.Core.Domain.Period? FirstMeasurement { get; private set; }

    /// <summary>Set when the save lost a race: the version another advisor saved meanwhile.</summary>
    public KpiTarget? Conflicting { get; private set; }

    public IReadOnlyList<SmartCriterion> Smart { get; private set; } = [];

    /// <summary>How numbers were read, shown back before saving when a user might have meant them otherwise.</summary>
    public IReadOnlyList<string> Readings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await _editor.LoadAsync(code, cancellationToken) is not { } state)
        {
            return NotFound();
        }

        Show(state);
        Form = Current is null ? new TargetForm() : TargetForm.From(Current);
        Form.RowVersion = Kpi.RowVersion;
        Form.ChangeReason = null;
        Smart = _editor.Smart(state, Form);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await _editor.LoadAsync(code, cancellationToken) is not { } state)
        {
            return NotFound();
        }

        Show(state);
        var validation = _editor.Validate(state, Form);
        foreach (var problem in validation.Problems)
        {
            // SmartTargetField names are TargetForm's property names.
            ModelState.AddModelError($"{nameof(Form)}.{problem.Field}", problem.Message);
        }

        Smart = _editor.Smart(state, Form);
        Readings = validation.Readings;
        if (!ModelState.IsValid || validation.Target is not { } target)
        {
            return Page();
        }

        if (Form.NeedsConfirmation(validation.Readings))
        {
            // Shown back first: "1.000" is stored as a thousand only after the advisor has seen it read so.
            ModelState.Remove($"{nameof(Form)}.{nameof(TargetForm.ConfirmedReadings)}");
            Form.ConfirmedReadings = TargetForm.JoinReadings(validation.Readings);
            return Page();
        }

        var saved = await _editor.SaveAsync(state, target, Form.RowVersion, User.Identity!.Name!, HttpContext.Origin(), cancellationToken);
        if (saved.Conflict is { } latest)
        {
            Show(latest);
            Conflicting = latest.Current;
            Form.RowVersion = Kpi.RowVersion;
            Smart = _editor.Smart(latest, Form);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        TempData[StatusMessage.Key] = $"Streefwaarde versie {saved.Version} is opgeslagen.";
        return Redirect($"/kpis/{code}#streefwaarde");
    }

    private void Show(TargetEditorState state)
    {
        Kpi = state.Kpi;
        Current = state.Current;
        FirstMeasurement = state.FirstMeasurement;
    }
}
