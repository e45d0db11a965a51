using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Domains;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Pages.Domeinen;

/// <summary>
/// One domain (/domeinen/{domein}) with three deviations side by side: KPIs against their targets, budget against
/// realisatie or prognose per taakveld, and € per inhabitant against the G40 (<see cref="DomainReport"/>).
/// </summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class DomeinModel(SocialDomainDbContext db, IOptions<MunicipalityOptions> municipality) : PageModel
{
    public DomainReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string domein, CancellationToken cancellationToken)
    {
        if (DomainCatalogue.Find(domein) is not { } page)
        {
            return NotFound();
        }

        var data = await new DomainQuery(db, municipality.Value.Code).LoadAsync(page, Visibility.MaySeeUnpublished(User), cancellationToken);
        Report = DomainReport.Build(data, data.Thresholds ?? []);
        return Page();
    }
}
