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

    /// <summary>?stand=2020-03-15: the dashboard as published at the end of that day.</summary>
    [BindProperty(SupportsGet = true, Name = "stand")]
    public string? Stand { get; set; }

    /// <summary>?versie=1: an older publication of the quarter.</summary>
    [BindProperty(SupportsGet = true, Name = "versie")]
    public string? Version { get; set; }

    public OverviewReport Report { get; private set; } = null!;

    /// <summary>Why a requested stand or version is not shown, with what is shown instead.</summary>
    public string? PublicationMessage => Report.PublicationProblem is { } problem
        ? problem + (Report.Stand is null && Stand is not null ? "; het dashboard zoals het nu is gepubliceerd wordt getoond." : "; de nieuwste publicatie wordt getoond.")
        : null;

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
        Report = OverviewReport.Build(await OverviewQuery.LoadAsync(db, Quarter, showsUnpublished, cancellationToken, Stand, Version), showsUnpublished);
    }
}
