using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Pages.Reserves;

/// <summary>
/// Reserves: per reserve in the data its balance per 1 January, deposits, withdrawals and balance per 31 December per
/// year with the check begin + mutaties = eind, and the maximum the sources state. Rows from <see cref="BudgetReport"/>.
/// </summary>
public class ReservesModel(SocialDomainDbContext db) : PageModel
{
    public IReadOnlyList<ReserveReport> Reserves { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reserves = BudgetReport.Build(await new BudgetQuery(db).LoadAsync(cancellationToken)).Reserves;
}
