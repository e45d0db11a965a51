using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Import;

/// <summary>Codes that rows may refer to: those in the database plus those in the same import.</summary>
internal sealed class KnownCodes
{
    public HashSet<string> Programmes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SocialDomainArea> TaskFields { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Municipalities { get; } = new(StringComparer.Ordinal);

    public HashSet<string> SizeClasses { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, KpiUnit> Kpis { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Projects { get; } = new(StringComparer.Ordinal);

    public static async Task<KnownCodes> LoadAsync(SocialDomainDbContext db, CancellationToken cancellationToken)
    {
        var known = new KnownCodes();
        known.Programmes.UnionWith(await db.Programmes.Select(p => p.Code).ToListAsync(cancellationToken));
        foreach (var field in await db.TaskFields.Select(t => new { t.Code, t.Domain }).ToListAsync(cancellationToken))
        {
            known.TaskFields[field.Code] = field.Domain;
        }

        foreach (var m in await db.Municipalities.Select(m => new { m.Code, m.Kind }).ToListAsync(cancellationToken))
        {
            known.Municipalities.Add(m.Code);
            if (m.Kind == BenchmarkEntityKind.SizeClass)
            {
                known.SizeClasses.Add(m.Code);
            }
        }

        foreach (var k in await db.Kpis.Select(k => new { k.Code, k.Unit }).ToListAsync(cancellationToken))
        {
            known.Kpis[k.Code] = k.Unit;
        }

        known.Projects.UnionWith(await db.Projects.Select(p => p.Code).ToListAsync(cancellationToken));
        return known;
    }
}
