using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Features.Measurements;
using SocialDomain.Web.Security;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// /beheer/metingen/{code}: a KPI's values — enter, correct or withdraw (with reason) and confirm (Controller), with the
/// history of every change (<see cref="MeasurementEditor"/>).
/// </summary>
[Authorize(Policy = Policies.EnterFigures)]
public class MetingenModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    private readonly MeasurementEditor editor = new(db, clock);

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    /// <summary>The period whose correction form is shown (?periode=2021-K1).</summary>
    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Periode { get; set; }

    [BindProperty]
    public MeasurementForm Form { get; set; } = new();

    public MeasurementEditorState State { get; private set; } = null!;

    /// <summary>The stored value being corrected; null when the form enters a new one.</summary>
    public CurrentValue? Correcting { get; private set; }

    public bool IsController => User.IsInRole(Roles.Controller);

    /// <summary>Why this user enters no figures for this KPI (an advisor assigned to other programmes); null when allowed.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Set when the change lost a race with another user's change.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Correcting is { } value)
        {
            Form = new MeasurementForm { Period = value.Period.ToString(), Value = DutchFormat.Number(value.Value, 4).TrimEnd('0').TrimEnd(','), RowVersion = value.RowVersion };
        }

        return Page();
    }

    public Task<IActionResult> OnPostInvoerenAsync(CancellationToken ct) => RunAsync(editor.EnterAsync, "is opgeslagen", ct);

    public Task<IActionResult> OnPostCorrigerenAsync(CancellationToken ct) => RunAsync(editor.CorrectAsync, "is gecorrigeerd; de vorige waarde blijft in de geschiedenis", ct);

    public Task<IActionResult> OnPostIntrekkenAsync(CancellationToken ct) => RunAsync(editor.WithdrawAsync, "is ingetrokken", ct);

    public Task<IActionResult> OnPostBevestigenAsync(CancellationToken ct) => RunAsync(editor.ConfirmAsync, "is bevestigd als definitief", ct);

    private async Task<IActionResult> RunAsync(Func<MeasurementEditorState, MeasurementForm, Editor, CancellationToken, Task<MeasurementResult>> change, string done,
        CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await change(State, Form, new Editor(User.Identity!.Name!, IsController, HttpContext.Origin(), await EntryScope.LoadAsync(db, User, ct)), ct);
        if (result.Succeeded)
        {
            TempData[StatusMessage.Key] = $"De waarde voor {Form.Period?.Trim()} {done}.";
            return Redirect($"/beheer/metingen/{Uri.EscapeDataString(Code)}#geschiedenis");
        }

        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError($"{nameof(Form)}.{problem.Field}", problem.Message);
        }

        Conflict = result.Conflict;
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await editor.LoadAsync(Code, ct) is not { } state)
        {
            return false;
        }

        State = state;
        Refusal = EntryScope.RefusalFor(await EntryScope.LoadAsync(db, User, ct), state.Kpi.Code, state.Kpi.ProgrammeCode);
        var period = Periode ?? (Request.HasFormContentType ? Form.Period : null);
        Correcting = Period.TryParse(period, out var p) ? state.ValueOf(p) : null;
        return true;
    }
}
