using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Findings;

namespace SocialDomain.Web.Pages.Begroting;

/// <summary>
/// Begroting: budget against realisation per programme, task field and lot (grouped by year), with a summary of the
/// projects, the budget change and the reserves that links to /projecten and /reserves. The rules live in
/// <see cref="BudgetReport"/> (Features/Budget); this page loads the data (<see cref="BudgetQuery"/>, four database
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
