using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Pages;

/// <summary>
/// Kwartaaloverzicht: every KPI at the chosen quarter, grouped by programme and domain. The public
/// and council members see published quarters only, frozen as published; staff also see the
/// quarters that are not published yet.
/// </summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class IndexModel(SocialDomainDbContext db) : PageModel
{
    /// <summary>The requested quarter, e.g. "2020-K3"; empty = the latest available quarter.</summary>
    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Quarter { get; set; }

    public OverviewReport Report { get; private set; } = null!;

    public Period? SelectedQuarter => Report.SelectedQuarter;

    public IReadOnlyList<Period> Quarters => Report.Selection.Quarters;

    public IReadOnlyList<ProgrammeGroup> Programmes => Report.Programmes;

    public Period? LatestMeasurement => Report.LatestMeasurement;

    public int MeasuredInQuarter => Report.MeasuredInQuarter;

    public int KpiCount => Report.KpiCount;

    public string? QuarterMessage => Report.Selection.PageMessage;

    public bool HasSyntheticData => Report.HasSyntheticData;

    /// <summary>When the selected quarter was published; null while it is a draft (staff only).</summary>
    public DateTimeOffset? PublishedAt => Report.PublishedAt;

    public bool ShowsUnpublished => Report.ShowsUnpublished;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var showsUnpublished = Visibility.MaySeeUnpublished(User);
        Report = OverviewReport.Build(await OverviewQuery.LoadAsync(db, Quarter, showsUnpublished, cancellationToken), showsUnpublished);
    }
}
