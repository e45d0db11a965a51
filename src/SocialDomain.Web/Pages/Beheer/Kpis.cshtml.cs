using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>/beheer/kpis: every KPI, archived ones included, with its versions and a flag where the owner is missing.</summary>
[Authorize(Policy = Policies.ManageDefinitions)]
public class KpisModel(SocialDomainDbContext db) : PageModel
{
    public IReadOnlyList<DefinitionListRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await DefinitionQuery.ListAsync(db, ct);
}
