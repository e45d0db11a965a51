using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Projects;

namespace SocialDomain.Web.Pages.Projecten;

/// <summary>
/// Projecten: every project and investment plan of the data with its amounts per year, role, parent and programmes, and
/// the plan table with its coverage check. Data from <see cref="BudgetQuery"/>, rows from <see cref="BudgetReport"/> and
/// <see cref="ProjectReport"/>.
/// </summary>
public class ProjectsModel(SocialDomainDbContext db) : PageModel
{
    public BudgetReport Report { get; private set; } = BudgetReport.Empty;

    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var data = await new BudgetQuery(db).LoadAsync(cancellationToken);
        Report = BudgetReport.Build(data);
        Projects = ProjectReport.Summaries(data, Report);
    }
}
