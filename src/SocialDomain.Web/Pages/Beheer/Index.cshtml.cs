using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Due;
using SocialDomain.Web.Features.Setup;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// The staff overview: without the demo dataset, the set-up checklist until it is complete; the quarterly routine for the
/// last ended quarter and the tasks of the user's roles.
/// </summary>
public class IndexModel(SocialDomainDbContext db, TimeProvider clock, DemoDataset demo) : PageModel
{
    /// <summary>The set-up steps; null with the demo dataset on or once every step is done.</summary>
    public SetupChecklist? Setup { get; private set; }

    /// <summary>Null for users whose roles take no part in the routine (Beheerders only).</summary>
    public QuarterRoutine? Routine { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!demo.Enabled && await SetupChecklist.LoadAsync(db, cancellationToken) is { Complete: false } setup)
        {
            Setup = setup;
        }

        if (User.IsInRole(Roles.PolicyAdvisor) || User.IsInRole(Roles.Controller))
        {
            Routine = await QuarterRoutine.LoadAsync(db, clock, cancellationToken);
        }
    }
}
