using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Audit;

/// <summary>One page of the audit log, newest first, and whether an older page exists.</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditLogEntry> Entries, bool HasNext);

/// <summary>
/// The audit log for /beheer/audit: newest first, searched in actor, action and object (ILIKE with % and _ matched
/// literally, as the audit-log export does), one page at a time in one round trip.
/// </summary>
public sealed class AuditLogQuery(SocialDomainDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Highest page number accepted; anything outside 1 … this is clamped.</summary>
    public const int MaxPageNumber = 100_000;

    public async Task<AuditLogPage> PageAsync(string? search, int pageNumber, CancellationToken cancellationToken)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Contains(search);
            query = query.Where(a => EF.Functions.ILike(a.Actor, pattern, LikePattern.Escape) || EF.Functions.ILike(a.Action, pattern, LikePattern.Escape) || EF.Functions.ILike(a.Object, pattern, LikePattern.Escape));
        }

        // One row more than a page tells whether there is a next page.
        var page = await query.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        return new AuditLogPage(page.Take(PageSize).ToList(), page.Count > PageSize);
    }
}
