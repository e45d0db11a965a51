using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Due;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>The staff overview: the quarterly routine for the last ended quarter and the tasks of the user's roles.</summary>
public class IndexModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Null for users whose roles take no part in the routine (Beheerders only).</summary>
    public QuarterRoutine? Routine { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.PolicyAdvisor) || User.IsInRole(Roles.Controller))
        {
            Routine = await QuarterRoutine.LoadAsync(db, clock, cancellationToken);
        }
    }
}
