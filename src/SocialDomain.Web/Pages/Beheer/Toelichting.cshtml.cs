using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Features.Commentary;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// Commentary per KPI per quarter: save as draft or publish (rules: <see cref="CommentaryRevision"/>; versions,
/// concurrency check and audit: <see cref="CommentaryEditor"/>). A save based on a stale form gets the conflict view.
/// </summary>
[Authorize(Policy = Policies.EditTargets)]
public class ToelichtingModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    public const string PublishAction = "publiceren";

    private readonly CommentaryEditor _editor = new(db, clock);

    [BindProperty(SupportsGet = true, Name = "kpi")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Quarter { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public uint RowVersion { get; set; }

    public IReadOnlyList<(string Code, string Name)> Kpis { get; private set; } = [];

    /// <summary>The chosen KPI's commentary on the chosen quarter; null until both are chosen.</summary>
    public CommentaryEditorState? State { get; private set; }

    /// <summary>Set when the save lost a race: what another advisor stored meanwhile.</summary>
    public CommentaryEditorState? Conflicting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Text = State?.Newest?.Text ?? State?.Head?.Text;
        RowVersion = State?.RowVersion ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(string? actie, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Kpis.Any(k => k.Code == Code))
        {
            ModelState.AddModelError(nameof(Code), "KPI: kies een bestaande KPI.");
        }

        if (!Period.TryParse(Quarter, out var quarter) || !quarter.IsQuarter)
        {
            ModelState.AddModelError(nameof(Quarter), "Kwartaal: kies een kwartaal, bijvoorbeeld 2020-K3.");
        }

        var check = CommentaryRevision.Normalize(Text);
        if (check.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Text), problem);
        }

        if (!ModelState.IsValid || State is not { } state || check.Text is not { } text)
        {
            return Page();
        }

        var action = actie == PublishAction ? CommentaryAction.Publish : CommentaryAction.SaveDraft;
        var saved = await _editor.SaveAsync(state, text, action, RowVersion, User.Identity!.Name!, HttpContext.Origin(), cancellationToken);
        if (saved.Conflict is { } latest)
        {
            State = Conflicting = latest;
            Names = await NamesAsync(latest, cancellationToken);
            ModelState.Remove(nameof(RowVersion)); // the form continues from what is stored now
            RowVersion = latest.RowVersion;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        TempData[StatusMessage.Key] = Message(saved.Plan);
        return Redirect($"/beheer/toelichting?kpi={Uri.EscapeDataString(state.KpiCode)}&kwartaal={quarter}");
    }

    private static string Message(CommentaryRevisionPlan plan) => plan.Kind switch
    {
        CommentaryRevisionKind.Unchanged => $"Niets gewijzigd: deze tekst is al opgeslagen als versie {plan.Version}.",
        CommentaryRevisionKind.AppendDraft when plan.HeadStatus == CommentaryStatus.Published =>
            $"Versie {plan.Version} is als concept opgeslagen. Lezers zien de gepubliceerde tekst tot u dit concept publiceert.",
        CommentaryRevisionKind.AppendDraft => $"Versie {plan.Version} is als concept opgeslagen.",
        _ => $"Versie {plan.Version} is gepubliceerd.",
    };

    /// <summary>Display names of the authors and publishers shown (staff see names, not login names).</summary>
    public StaffNames Names { get; private set; } = StaffNames.None;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Kpis = await _editor.KpisAsync(cancellationToken);
        if (Code is { } code && Period.TryParse(Quarter, out var quarter) && quarter.IsQuarter)
        {
            State = await _editor.LoadAsync(code, quarter, cancellationToken);
            if (State is { } state)
            {
                Names = await NamesAsync(state, cancellationToken);
            }
        }
    }

    private Task<StaffNames> NamesAsync(CommentaryEditorState state, CancellationToken cancellationToken) =>
        StaffNames.LoadAsync(db, state.Versions.SelectMany(v => new[] { v.Author, v.PublishedBy }), cancellationToken);
}
