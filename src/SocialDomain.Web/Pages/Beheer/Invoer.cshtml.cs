using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Calculations;
using SocialDomain.Web.Data;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Features.Due;
using SocialDomain.Web.Features.Measurements;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// /beheer/invoer: fill in a quarter in one sitting — every figure due in the quarter (<see cref="DeliveryReport"/>) with
/// its previous value and an input; save one row or all at once (<see cref="MeasurementEditor.EnterManyAsync"/>).
/// Typed values stay on the page when a row has a problem; then nothing is stored.
/// </summary>
[Authorize(Policy = Policies.EnterFigures)]
public class InvoerModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Kwartaal { get; set; }

    [BindProperty]
    public List<QuickEntryRow> Rows { get; set; } = [];

    /// <summary>The code of the one row to save ("Opslaan" on a row); null saves every filled row.</summary>
    [BindProperty(Name = "rij")]
    public string? OnlyRow { get; set; }

    public DeliveryReport Report { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyList<MeasurementProblem>> Problems { get; private set; } = new Dictionary<string, IReadOnlyList<MeasurementProblem>>();

    /// <summary>How many values the last save stored (shown after the redirect).</summary>
    [BindProperty(SupportsGet = true, Name = "opgeslagen")]
    public int? Stored { get; set; }

    /// <summary>The programmes this user enters figures for; null for every KPI (<see cref="EntryScope"/>).</summary>
    public IReadOnlySet<string>? Scope { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Why this user enters no figure for the KPI; null when allowed.</summary>
    public string? RefusalFor(DeliveryKpi kpi) => EntryScope.RefusalFor(Scope, kpi.Code, kpi.ProgrammeCode);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var rows = OnlyRow is null ? Rows : Rows.Where(r => r.Code == OnlyRow).ToList();
        var editor = new MeasurementEditor(db, clock);
        Problems = await editor.EnterManyAsync(Report.Quarter, rows, new Editor(User.Identity!.Name!, User.IsInRole(Roles.Controller), HttpContext.Origin(), Scope), ct);
        if (Problems.Count == 0)
        {
            var count = rows.Count(r => !string.IsNullOrWhiteSpace(r.Value));
            return Redirect($"/beheer/invoer?kwartaal={Report.Quarter}&opgeslagen={count}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>What the user typed for a KPI in this request (kept after a problem), or nothing.</summary>
    public QuickEntryRow? Typed(string code) => Rows.FirstOrDefault(r => r.Code == code);

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = DutchText.Today(clock);
        var (quarter, problem) = DeliveryReport.ChooseQuarter(Kwartaal, today);
        Report = DeliveryReport.Build(await DeliveryQuery.LoadAsync(db, quarter, ct), quarter, today, problem);
        Scope = await EntryScope.LoadAsync(db, User, ct);
    }
}
