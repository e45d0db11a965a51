using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Kpis;

namespace SocialDomain.Web.Features.Targets;

/// <summary>
/// A KPI in the target overview: how many target versions it has, the version in force in the current quarter
/// (<see cref="TargetVersion.IsCurrent"/>; null before the first start) and the latest version (which may apply later).
/// </summary>
public sealed record TargetListRow(string Code, string Name, int Versions, TargetVersion? InForce, TargetVersion? Latest);

/// <summary>Every KPI with its target versions, by domain and name, for /beheer/streefwaarden (one round trip).</summary>
public sealed class TargetListQuery(SocialDomainDbContext db)
{
    public async Task<IReadOnlyList<TargetListRow>> ListAsync(Period currentQuarter, CancellationToken cancellationToken)
    {
        var kpis = await db.Kpis.AsNoTracking().OrderBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new { k.Code, k.Name, Targets = db.KpiTargets.Where(t => t.KpiId == k.Id).OrderBy(t => t.Version).Select(TargetVersion.FromEntity).ToList() })
            .ToListAsync(cancellationToken);
        return kpis.Select(k => new TargetListRow(k.Code, k.Name, k.Targets.Count, TargetVersion.InForce(k.Targets, currentQuarter), k.Targets.LastOrDefault())).ToList();
    }
}
