using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// Publishing a quarter with care: the list of quarters and their publications; per quarter a preview of what the
/// council will see (?kwartaal=), naming the KPIs without value, without commentary or with draft commentary, and the
/// confirmation (POST). Publishing a published quarter again is a corrigendum with a mandatory note.
/// </summary>
[Authorize(Policy = Policies.EditTargets)]
public class PublicerenModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Requested { get; set; }

    [BindProperty]
    public string? Quarter { get; set; }

    /// <summary>Why the quarter is published again (required for a corrigendum).</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The confirmation of a catch-up: publishing a quarter after skipped ones.</summary>
    [BindProperty]
    public bool CatchUp { get; set; }

    /// <summary>Whether the previewed quarter may be published now, and which quarters a catch-up skips.</summary>
    public PublicationCheck? Check { get; private set; }

    public IReadOnlyList<(Period Quarter, IReadOnlyList<PublicationHeader> Versions)> Quarters { get; private set; } = [];

    /// <summary>The preview of the requested quarter; null on the list.</summary>
    public PublicationPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Requested))
        {
            if (OverviewSelection.Parse(Requested) is not { } quarter)
            {
                ModelState.AddModelError(nameof(Requested), $"'{Requested}' is geen kwartaal; kies een kwartaal, bijvoorbeeld 2020-K3.");
            }
            else
            {
                Preview = await PublicationPreview.LoadAsync(db, quarter, cancellationToken);
                Check = await QuarterPublisher.CheckAsync(db, quarter, clock, cancellationToken);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (OverviewSelection.Parse(Quarter) is not { } quarter)
        {
            ModelState.AddModelError(nameof(Quarter), "Kies een kwartaal, bijvoorbeeld 2020-K3.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var preview = await PublicationPreview.LoadAsync(db, quarter, cancellationToken);
        Check = await QuarterPublisher.CheckAsync(db, quarter, clock, cancellationToken);
        if (!Check.Allowed)
        {
            ModelState.AddModelError(nameof(Quarter), Check.Refusal!);
        }
        else if (Check.NeedsCatchUp && !CatchUp)
        {
            ModelState.AddModelError(nameof(CatchUp), PublicationOrder.CatchUpText(quarter, Check.Skipped) + " Vink de bevestiging aan om toch te publiceren.");
        }
        else if (QuarterPublisher.NoteProblem(Note) is { } noteProblem)
        {
            ModelState.AddModelError(nameof(Note), noteProblem);
        }
        else if (preview.IsCorrection && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), QuarterPublisher.NoteRequired);
        }

        if (!ModelState.IsValid)
        {
            Preview = preview;
            Requested = quarter.ToString();
            await LoadAsync(cancellationToken);
            return Page();
        }

        var publication = await QuarterPublisher.PublishAsync(db, quarter, User.Identity!.Name!, HttpContext.Origin(), clock, cancellationToken, Note,
            Check.NeedsCatchUp ? Check.Skipped : null);
        if (publication is not null)
        {
            await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        }

        TempData[StatusMessage.Key] = publication is null
            ? $"Kwartaal {quarter} was al gepubliceerd; er is niets veranderd."
            : publication.Version == 1 ? $"Kwartaal {quarter} is gepubliceerd." : $"Kwartaal {quarter} is opnieuw gepubliceerd als versie {publication.Version} (correctie).";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var publications = await PublicationQuery.HeadersAsync(db, cancellationToken);
        Quarters = (await OverviewQuery.QuartersWithDataAsync(db, cancellationToken))
            .Union(publications.Select(p => p.Quarter))
            .OrderDescending()
            .Select(q => (q, (IReadOnlyList<PublicationHeader>)publications.Where(p => p.Quarter == q).ToList()))
            .ToList();
    }
}
