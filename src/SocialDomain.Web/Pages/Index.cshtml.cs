using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Pages;

public class IndexModel(SocialDomainDbContext db) : PageModel
{
    public IReadOnlyList<ProgrammeRow> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var programmes = await db.Programmes
            .AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new
            {
                p.Code,
                p.Name,
                Kpis = p.Kpis.OrderBy(k => k.Name).Select(k => new
                {
                    k.Code,
                    k.Name,
                    k.Domain,
                    k.Unit,
                    Latest = k.Measurements
                        .OrderByDescending(m => m.Year).ThenByDescending(m => m.Quarter)
                        .Select(m => new { m.Value, m.Year, m.Quarter })
                        .FirstOrDefault(),
                }).ToList(),
            })
            .ToListAsync(cancellationToken);

        Programmes = programmes
            .Select(p => new ProgrammeRow(p.Code, p.Name, p.Kpis
                .Select(k => new KpiRow(k.Code, k.Name, k.Domain, k.Unit, k.Latest?.Value,
                    k.Latest is null ? null : new Period(k.Latest.Year, k.Latest.Quarter)))
                .ToList()))
            .ToList();
    }

    public sealed record ProgrammeRow(string Code, string Name, IReadOnlyList<KpiRow> Kpis);

    public sealed record KpiRow(string Code, string Name, SocialDomainArea Domain, KpiUnit Unit, decimal? LatestValue, Period? LatestPeriod);
}
