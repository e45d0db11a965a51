using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Findings;

/// <summary>The findings a page shows next to its figures (the KPI page reads its own in its first round trip).</summary>
public static class FindingQuery
{
    /// <summary>One round trip: the findings about budget lines, the investment plan and the reserve (Begroting page).</summary>
    public static async Task<IReadOnlyList<FindingNotice>> AboutBudgetAsync(SocialDomainDbContext db, CancellationToken cancellationToken) =>
        await db.DataQualityFindings.AsNoTracking()
            .Where(f => f.BudgetScope != null)
            .OrderBy(f => f.BudgetScope).ThenBy(f => f.BudgetCode).ThenBy(f => f.Year).ThenBy(f => f.Subject)
            .Select(FindingNotice.FromEntity)
            .ToListAsync(cancellationToken);
}
