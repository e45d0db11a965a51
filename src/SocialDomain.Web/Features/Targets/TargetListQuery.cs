using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Targets;

/// <summary>A KPI in the target overview: how many target versions it has and what the latest one says.</summary>
public sealed record TargetListRow(string Code, string Name, int Versions, decimal? Target, int? DeadlineYear);

/// <summary>Every KPI with its latest target, by domain and name, for /beheer/streefwaarden (one round trip).</summary>
public sealed class TargetListQuery(SocialDomainDbContext db)
{
    public async Task<IReadOnlyList<TargetListRow>> ListAsync(CancellationToken cancellationToken) =>
        await db.Kpis.AsNoTracking().OrderBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new TargetListRow(k.Code, k.Name, k.Targets.Count, k.Targets.OrderByDescending(t => t.Version).Select(t => (decimal?)t.TargetValue).FirstOrDefault(),
                k.Targets.OrderByDescending(t => t.Version).Select(t => t.DeadlineYear).FirstOrDefault()))
            .ToListAsync(cancellationToken);
}
