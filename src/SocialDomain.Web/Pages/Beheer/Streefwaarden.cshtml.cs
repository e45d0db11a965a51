using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

[Authorize(Policy = Policies.EditTargets)]
public class StreefwaardenModel(SocialDomainDbContext db) : PageModel
{
    public IReadOnlyList<Row> Kpis { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Kpis = await db.Kpis.AsNoTracking().OrderBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new Row(k.Code, k.Name, k.Targets.Count, k.Targets.OrderByDescending(t => t.Version).Select(t => (decimal?)t.TargetValue).FirstOrDefault(),
                k.Targets.OrderByDescending(t => t.Version).Select(t => t.DeadlineYear).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    public sealed record Row(string Code, string Name, int Versions, decimal? Target, int? DeadlineYear);
}
