using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports.Datasets;

namespace SocialDomain.Web.Pages.Kpis;

/// <summary>The KPI definitions catalogue, searchable and grouped by domain.</summary>
public class IndexModel(SocialDomainDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    public IReadOnlyList<IGrouping<SocialDomainArea, KpiRecord>> Domains { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The same query as the KPI export, so the page and its CSV list exactly the same rows.
        var kpis = await Exports.Datasets.Kpis.Query(db, new KpiFilter(Search: Search)).ToListAsync(cancellationToken);
        Total = kpis.Count;
        Domains = kpis.GroupBy(k => k.Domain).ToList();
    }
}
