using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>The audit log for administrators, newest first, filterable, paged (<see cref="AuditLogQuery"/>).</summary>
[Authorize(Policy = Policies.ManageUsers)]
public class AuditModel(SocialDomainDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditLogEntry> Entries { get; private set; } = [];

    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, AuditLogQuery.MaxPageNumber);
        (Entries, HasNext) = await new AuditLogQuery(db).PageAsync(Search, PageNumber, cancellationToken);
    }
}
