using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

[Authorize(Policy = Policies.EditTargets)]
public class PublicerenModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Quarter { get; set; }

    public IReadOnlyList<(Period Quarter, DateTimeOffset? PublishedAt, string? PublishedBy)> Quarters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Period.TryParse(Quarter, out var quarter) || !quarter.IsQuarter)
        {
            ModelState.AddModelError(nameof(Quarter), "Kies een kwartaal, bijvoorbeeld 2020-K3.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var publication = await QuarterPublisher.PublishAsync(db, quarter, User.Identity!.Name!, HttpContext.Origin(), clock, cancellationToken);
        if (publication is not null)
        {
            await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        }

        TempData["Melding"] = publication is null ? $"Kwartaal {quarter} was al gepubliceerd; er is niets veranderd." : $"Kwartaal {quarter} is gepubliceerd.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var publications = await db.QuarterPublications.AsNoTracking().Select(p => new { p.Year, p.Quarter, p.PublishedAt, p.PublishedBy }).ToListAsync(cancellationToken);
        var measurements = await OverviewQuery.LoadMeasurementsAsync(db, cancellationToken);
        Quarters = OverviewQuery.QuartersWithData(measurements)
            .Union(publications.Select(p => Period.OfQuarter(p.Year, p.Quarter)))
            .OrderDescending()
            .Select(q =>
            {
                var p = publications.FirstOrDefault(x => x.Year == q.Year && x.Quarter == q.Quarter);
                return (q, p?.PublishedAt, p?.PublishedBy);
            })
            .ToList();
    }
}
