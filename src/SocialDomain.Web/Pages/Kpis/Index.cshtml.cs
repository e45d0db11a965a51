using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Kpis;

namespace SocialDomain.Web.Pages.Kpis;

/// <summary>The KPI definitions catalogue, searchable and grouped by domain.</summary>
public class IndexModel(SocialDomainDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    public IReadOnlyList<IGrouping<SocialDomainArea, KpiDefinition>> Domains { get; private set; } = [];

    public int Total => Domains.Sum(d => d.Count());

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        // The same query as the KPI export, so the page and its CSV list exactly the same rows.
        Domains = await KpiCatalogue.ByDomainAsync(db, new KpiFilter(Search: Search), cancellationToken);
}
