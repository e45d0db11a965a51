using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Features.Due;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>Which figures are due in a quarter, per owner: delivered, missing or late (<see cref="DeliveryReport"/>).</summary>
[Authorize(Policy = Policies.Staff)]
public class TeLeverenModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Kwartaal { get; set; }

    public DeliveryReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DutchText.Today(clock);
        var (quarter, problem) = DeliveryReport.ChooseQuarter(Kwartaal, today);
        Report = DeliveryReport.Build(await DeliveryQuery.LoadAsync(db, quarter, cancellationToken), quarter, today, problem);
    }
}
