using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Pages;

/// <summary>Kwartaaloverzicht: every KPI at the chosen quarter, grouped by programme and domain.</summary>
public class IndexModel(SocialDomainDbContext db) : PageModel
{
    /// <summary>The requested quarter, e.g. "2020-K3"; empty = the latest quarter with data.</summary>
    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Quarter { get; set; }

    public Period? SelectedQuarter { get; private set; }

    public IReadOnlyList<Period> Quarters { get; private set; } = [];

    public IReadOnlyList<ProgrammeGroup> Programmes { get; private set; } = [];

    public Period? LatestMeasurement { get; private set; }

    public int MeasuredInQuarter { get; private set; }

    public int KpiCount { get; private set; }

    public string? QuarterMessage { get; private set; }

    public bool HasSyntheticData { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Round trip 1: KPIs with programme, the target in force and the quarter's published commentary.
        var requested = Period.TryParse(Quarter, out var parsed) && parsed.IsQuarter ? parsed : (Period?)null;
        var kpis = await db.Kpis.AsNoTracking()
            .OrderBy(k => k.ProgrammeCode).ThenBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new
            {
                k.Id, k.Code, k.Name, k.Unit, k.Direction, k.BandLow, k.BandHigh, k.LegalNorm, k.Domain,
                k.ProgrammeCode,
                ProgrammeName = k.Programme != null ? k.Programme.Name : null,
                Target = k.Targets.OrderByDescending(t => t.Version).Select(t => new
                {
                    t.Version, t.TargetValue, t.DeadlineYear, t.DeadlineQuarter, t.BaselineValue, t.BaselineYear, t.BaselineQuarter,
                    t.ToleranceOnTrackPercent, t.ToleranceAttentionPercent,
                }).FirstOrDefault(),
                Commentaries = k.Commentaries.Where(c => c.Status == CommentaryStatus.Published)
                    .Select(c => new { c.Year, c.Quarter, c.Text, c.IsSynthetic }).ToList(),
            })
            .ToListAsync(cancellationToken);

        // Round trip 2: every measurement (a few per KPI), for values, changes and sparklines.
        var measurements = (await db.KpiMeasurements.AsNoTracking()
                .Select(m => new { m.KpiId, m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.KpiId)
            .ToDictionary(g => g.Key, g => g.Select(m => new MeasurementPoint(new Period(m.Year, m.Quarter), m.Value, m.Status, m.IsSynthetic)).ToList());

        Quarters = measurements.Values.SelectMany(s => s).Select(m => KpiEvaluation.EndQuarter(m.Period))
            .Distinct().OrderDescending().ToList();
        KpiCount = kpis.Count;
        LatestMeasurement = measurements.Values.SelectMany(s => s).Select(m => m.Period).DefaultIfEmpty().Max() is var max && max != default ? max : null;
        HasSyntheticData = measurements.Values.Any(s => s.Any(m => m.IsSynthetic));
        if (Quarters.Count == 0)
        {
            return;
        }

        SelectedQuarter = requested ?? Quarters[0];
        if (Quarter is { Length: > 0 } && requested is null)
        {
            QuarterMessage = $"'{Quarter}' is geen kwartaal (gebruik bijvoorbeeld 2020-K3); het laatste kwartaal met gegevens wordt getoond.";
        }

        var quarter = SelectedQuarter.Value;
        var rows = kpis.Select(k =>
        {
            var rule = new KpiRule(k.Unit, k.Direction, k.BandLow, k.BandHigh, k.LegalNorm);
            var target = k.Target is null ? null : new TargetInfo(k.Target.Version, k.Target.TargetValue,
                k.Target.DeadlineYear is { } dy ? new Period(dy, k.Target.DeadlineQuarter) : null,
                k.Target.BaselineValue, k.Target.BaselineYear is { } by ? new Period(by, k.Target.BaselineQuarter) : null,
                k.Target.ToleranceOnTrackPercent, k.Target.ToleranceAttentionPercent);
            var evaluation = KpiEvaluation.Evaluate(rule, target, measurements.GetValueOrDefault(k.Id) ?? [], quarter);
            var comment = k.Commentaries.FirstOrDefault(c => c.Year == quarter.Year && c.Quarter == quarter.Quarter);
            return new KpiRow(k.Code, k.Name, k.Unit, k.Domain, k.ProgrammeCode, k.ProgrammeName, target, evaluation,
                comment is null ? null : FirstLine(comment.Text), comment?.IsSynthetic ?? false);
        }).ToList();

        MeasuredInQuarter = rows.Count(r => r.Evaluation.Current is not null && !r.Evaluation.CurrentIsFromEarlierPeriod);
        Programmes = rows.GroupBy(r => (r.ProgrammeCode, r.ProgrammeName))
            .Select(g => new ProgrammeGroup(g.Key.ProgrammeCode, g.Key.ProgrammeName,
                g.GroupBy(r => r.Domain).OrderBy(d => d.Key).Select(d => new DomainGroup(d.Key, d.ToList())).ToList()))
            .ToList();
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200].TrimEnd() + "…";
    }

    public sealed record ProgrammeGroup(string? Code, string? Name, IReadOnlyList<DomainGroup> Domains);

    public sealed record DomainGroup(SocialDomainArea Domain, IReadOnlyList<KpiRow> Kpis);

    public sealed record KpiRow(
        string Code,
        string Name,
        KpiUnit Unit,
        SocialDomainArea Domain,
        string? ProgrammeCode,
        string? ProgrammeName,
        TargetInfo? Target,
        KpiEvaluationResult Evaluation,
        string? CommentaryFirstLine,
        bool CommentaryIsSynthetic);
}
