using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Projects;

namespace SocialDomain.Web.Pages.Projecten;

/// <summary>
/// One project (/projecten/{code}): its amounts per year with funding and source, its parts, the budget change it caused,
/// reserve withdrawals for it and, for a plan, its coverage and cross checks. 404 for an unknown code.
/// </summary>
public class DetailModel(SocialDomainDbContext db) : PageModel
{
    public ProjectDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var data = await new BudgetQuery(db).LoadAsync(cancellationToken);
        if (ProjectReport.Detail(code, data, BudgetReport.Build(data)) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
