using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Findings;

namespace SocialDomain.Web.Pages.Begroting;

/// <summary>
/// Begroting: budget against realisation per programme and lot (grouped by year), the WINST budget change per
/// programme, the WINST investment plan with its coverage, and the reserve Sociaal Domein. The rules live in
/// <see cref="BudgetReport"/> (Features/Budget); this page loads the data (<see cref="BudgetQuery"/>, three database
/// round trips), the data-quality findings about those figures (one round trip) and renders the report.
/// </summary>
public class BudgetModel(SocialDomainDbContext db) : PageModel
{
    public BudgetReport Report { get; private set; } = BudgetReport.Empty;

    /// <summary>Findings of the source checks about the budget lines, the investment plan and the reserve.</summary>
    public IReadOnlyList<FindingNotice> Findings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = BudgetReport.Build(await new BudgetQuery(db).LoadAsync(cancellationToken));
        Findings = await FindingQuery.AboutBudgetAsync(db, cancellationToken);
    }
}
