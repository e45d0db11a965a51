using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Commentary;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Pages.Kpis;

/// <summary>One KPI: definition, measurements with target and projection, target history, commentary.</summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class DetailModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>?stand=2020-03-15: the KPI as published at the end of that day.</summary>
    [BindProperty(SupportsGet = true, Name = "stand")]
    public string? Stand { get; set; }

    /// <summary>Why the requested stand is not shown (Dutch), with what is shown instead.</summary>
    public string? StandMessage { get; private set; }

    public KpiDetailReport Report { get; private set; } = null!;

    /// <summary>The chart's series and the annotation rows of the target versions (<see cref="KpiChart"/>).</summary>
    public KpiChartModel Chart { get; private set; } = null!;

    public KpiDefinition Kpi => Report.Kpi;

    /// <summary>The definition versions, with the one in force in the viewed quarter (the shown publication's, else the current one).</summary>
    public Features.Definitions.DefinitionHistory? Definitions { get; private set; }

    public IReadOnlyList<MeasurementRecord> Measurements => Report.Measurements;

    public IReadOnlyList<TargetVersion> TargetHistory => Report.TargetHistory;

    public IReadOnlyList<ReferenceRow> References => Report.References;

    public IReadOnlyList<CommentaryRow> Commentary => Report.Commentary;

    /// <summary>Per quarter, the commentary versions before the one shown (drafts only for staff).</summary>
    public IReadOnlyDictionary<Period, IReadOnlyList<CommentaryVersionRow>> CommentaryHistory { get; private set; } = new Dictionary<Period, IReadOnlyList<CommentaryVersionRow>>();

    public KpiEvaluationResult? Evaluation => Report.Evaluation;

    /// <summary>Data-quality findings about this KPI's figures (source checks).</summary>
    public IReadOnlyList<Features.Findings.FindingNotice> Findings { get; private set; } = [];

    public TargetVersion? CurrentTarget => Report.CurrentTarget;

    /// <summary>Cost per client computed from the taakveld's realisatie (<see cref="Features.Domains.CostPerClient"/>); null when the KPI is not one.</summary>
    public Features.Domains.CostPerClientView? CostPerClient { get; private set; }

    public bool ShowsUnpublished => Report.ShowsUnpublished;

    public Period? LatestPublished => Report.LatestPublished;

    /// <summary>Periods whose value changed after a publication, with the value as published.</summary>
    public IReadOnlyDictionary<Period, decimal> Corrections => Report.Corrections;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var data = await KpiDetailQuery.LoadAsync(db, code, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        var stand = KpiStand.Resolve(data, Stand, out var problem);
        StandMessage = problem is null ? null : problem + "; de KPI wordt getoond zoals hij nu is gepubliceerd.";
        Report = KpiDetailReport.Build(data, Visibility.MaySeeUnpublished(User), stand, TargetVersion.CurrentQuarter(clock));
        Findings = data.Findings ?? [];
        CommentaryHistory = Features.Commentary.CommentaryHistory.Earlier(data.CommentaryVersions ?? [], Visibility.MaySeeUnpublished(User));
        Chart = KpiChart.Build(Report);
        CostPerClient = await Features.Domains.CostPerClient.LoadAsync(db, Report.Kpi, Report.Measurements.Select(m => (m.Year, m.Quarter, m.Value)), cancellationToken);
        Definitions = Features.Definitions.DefinitionHistory.Build(data.DefinitionVersions ?? [], Report.Published?.Publication.Quarter ?? TargetVersion.CurrentQuarter(clock),
            data.Kpi.ArchivedFrom);
        return Page();
    }

    /// <summary>The periods on the chart's axis: every measurement, then the projection up to the deadline.</summary>
    public IReadOnlyList<Period> ChartPeriods() => Report.ChartPeriods();
}
