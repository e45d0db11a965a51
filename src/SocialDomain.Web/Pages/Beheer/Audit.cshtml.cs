using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>The audit log for administrators, newest first, filterable, paged.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public class AuditModel(SocialDomainDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditLogEntry> Entries { get; private set; } = [];

    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = LikePattern.Contains(Search);
            query = query.Where(a => EF.Functions.ILike(a.Actor, pattern, LikePattern.Escape) || EF.Functions.ILike(a.Action, pattern, LikePattern.Escape) || EF.Functions.ILike(a.Object, pattern, LikePattern.Escape));
        }

        var page = await query.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasNext = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
    }
}
