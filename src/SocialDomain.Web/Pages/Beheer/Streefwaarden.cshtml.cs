using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Targets;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>The KPIs with the target version in force now and the latest one, each linking to the target editor (<see cref="TargetListQuery"/>).</summary>
[Authorize(Policy = Policies.EditTargets)]
public class StreefwaardenModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TargetListRow> Kpis { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Kpis = await new TargetListQuery(db).ListAsync(TargetVersion.CurrentQuarter(clock), cancellationToken);
}
