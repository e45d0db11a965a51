using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SocialDomain.Web.Features.Domains;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Pages.Domeinen;

/// <summary>The list of domain pages (/domeinen).</summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class IndexModel : PageModel
{
    public IReadOnlyList<DomainPage> Domains => DomainCatalogue.Pages;

    public void OnGet()
    {
    }
}
