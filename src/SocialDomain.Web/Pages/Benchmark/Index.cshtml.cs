using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Features.G40Benchmark;

// Not SocialDomain.Web.Pages.Benchmark: a namespace with that name would hide the Core class
// Benchmark from every other page in SocialDomain.Web.Pages.*.
namespace SocialDomain.Web.Pages.BenchmarkG40;

/// <summary>
/// Benchmark G40 (<see cref="BenchmarkReport"/>): € per inhabitant of the 40 G40 municipalities for one domain or task
/// field and one column, with rank, references, "gemeenten zoals wij", every column side by side and the data-quality
/// findings. Four database round trips (<see cref="BenchmarkQuery"/>).
/// </summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class BenchmarkModel(SocialDomainDbContext db, Microsoft.Extensions.Options.IOptions<MunicipalityOptions> municipality) : PageModel
{
    /// <summary>Domain total ("jeugd", "wmo", "voorveld") or task field code ("6.72").</summary>
    [BindProperty(SupportsGet = true, Name = "veld")]
    public string? Field { get; set; }

    /// <summary>Year and stage, e.g. "2018-jaarrekening" or "2020-begroting".</summary>
    [BindProperty(SupportsGet = true, Name = "jaar")]
    public string? Column { get; set; }

    /// <summary>CBS code of the home municipality, e.g. "GM0402"; empty = the configured municipality.</summary>
    [BindProperty(SupportsGet = true, Name = "gemeente")]
    public string? Home { get; set; }

    /// <summary>Weights for "gemeenten zoals wij": gewicht[inwoners]=1 and so on; missing = 1.</summary>
    [BindProperty(SupportsGet = true, Name = BenchmarkInput.WeightParameter)]
    public Dictionary<string, string> WeightInput { get; set; } = [];

    /// <summary>"alle": the per-year part shows every column instead of the latest ones.</summary>
    [BindProperty(SupportsGet = true, Name = BenchmarkInput.SeriesParameter)]
    public string? Series { get; set; }

    public BenchmarkReport Report { get; private set; } = BenchmarkReport.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await new BenchmarkQuery(db, municipality.Value.Code).RunAsync(new BenchmarkInput(Field, Column, Home, WeightInput, Series), cancellationToken);
}
