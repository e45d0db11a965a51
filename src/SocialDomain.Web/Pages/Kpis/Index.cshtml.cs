using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Pages.Kpis;

/// <summary>The KPI definitions catalogue, searchable and grouped by domain.</summary>
public class IndexModel(SocialDomainDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    public IReadOnlyList<IGrouping<SocialDomainArea, KpiDefinition>> Domains { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Kpis.AsNoTracking();
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            // ILIKE with a bound parameter; % and _ in the input are escaped so they match literally.
            var pattern = LikePattern.Contains(search);
            query = query.Where(k => EF.Functions.ILike(k.Name, pattern, LikePattern.Escape) || EF.Functions.ILike(k.Definition, pattern, LikePattern.Escape) || EF.Functions.ILike(k.Code, pattern, LikePattern.Escape));
        }

        var kpis = await query
            .OrderBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new KpiDefinition(k.Code, k.Name, k.Definition, k.Unit, k.Direction, k.BandLow, k.BandHigh, k.Frequency, k.DataSource,
                k.Owner, k.LegalNorm, k.LegalNormDescription, k.Domain, k.ProgrammeCode, k.Programme != null ? k.Programme.Name : null))
            .ToListAsync(cancellationToken);
        Total = kpis.Count;
        Domains = kpis.GroupBy(k => k.Domain).ToList();
    }

    public sealed record KpiDefinition(
        string Code,
        string Name,
        string Definition,
        KpiUnit Unit,
        KpiDirection Direction,
        decimal? BandLow,
        decimal? BandHigh,
        KpiFrequency Frequency,
        string? DataSource,
        string? Owner,
        decimal? LegalNorm,
        string? LegalNormDescription,
        SocialDomainArea Domain,
        string? ProgrammeCode,
        string? ProgrammeName);
}
