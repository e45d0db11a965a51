using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Kpis;

/// <summary>One KPI: definition, measurements with target and projection, target history, commentary.</summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class DetailModel(SocialDomainDbContext db) : PageModel
{
    public KpiInfo Kpi { get; private set; } = null!;

    public IReadOnlyList<KpiMeasurement> Measurements { get; private set; } = [];

    public IReadOnlyList<TargetVersion> TargetHistory { get; private set; } = [];

    public IReadOnlyList<ReferenceRow> References { get; private set; } = [];

    public IReadOnlyList<CommentaryRow> Commentary { get; private set; } = [];

    public KpiEvaluationResult? Evaluation { get; private set; }

    public TargetInfo? CurrentTarget { get; private set; }

    public bool ShowsUnpublished { get; private set; }

    public Period? LatestPublished { get; private set; }

    /// <summary>Periods whose value changed after a publication, with the value as published.</summary>
    public IReadOnlyDictionary<Period, decimal> Corrections { get; private set; } = new Dictionary<Period, decimal>();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        // Round trip 1: the KPI with its target versions, reference values and published commentary.
        var kpi = await db.Kpis.AsNoTracking()
            .Where(k => k.Code == code)
            .Select(k => new
            {
                Info = new KpiInfo(k.Id, k.Code, k.Name, k.Definition, k.Unit, k.Direction, k.BandLow, k.BandHigh, k.Frequency,
                    k.DataSource, k.Domain, k.ProgrammeCode, k.Programme != null ? k.Programme.Name : null, k.Owner, k.LegalNorm,
                    k.LegalNormDescription, k.Source.Document, k.Source.Section),
                Targets = k.Targets.OrderBy(t => t.Version).Select(t => new TargetVersion(t.Version, t.TargetValue, t.DeadlineYear, t.DeadlineQuarter,
                    t.BaselineValue, t.BaselineYear, t.BaselineQuarter, t.Rationale, t.CouncilDecision, t.ChangeReason, t.ChangedBy, t.ChangedAt,
                    t.Source.Document, t.Source.Section, t.ToleranceOnTrackPercent, t.ToleranceAttentionPercent)).ToList(),
                References = db.KpiReferenceValues.Where(r => r.KpiId == k.Id).OrderBy(r => r.Year).ThenBy(r => r.Reference)
                    .Select(r => new ReferenceRow(r.Year, r.Quarter, r.Reference, r.Value, r.Source.Document, r.Source.Section)).ToList(),
                Commentary = k.Commentaries.Where(c => c.Status == CommentaryStatus.Published).OrderByDescending(c => c.Year).ThenByDescending(c => c.Quarter)
                    .Select(c => new CommentaryRow(c.Year, c.Quarter, c.Text, c.Author, c.PublishedAt, c.IsSynthetic)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (kpi is null)
        {
            return NotFound();
        }

        // Round trip 2: its measurements.
        var measurements = await db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpi.Info.Id)
            .OrderBy(m => m.Year).ThenBy(m => m.Quarter).ToListAsync(cancellationToken);

        // Round trip 3: what was published of this KPI, per quarter.
        var published = await db.PublishedFigures.AsNoTracking().Where(f => f.KpiId == kpi.Info.Id)
            .Select(f => new { f.Publication!.Year, f.Publication.Quarter, f.MeasurementYear, f.MeasurementQuarter, f.Value })
            .ToListAsync(cancellationToken);
        ShowsUnpublished = Roles.MaySeeUnpublished(User);
        var publishedQuarters = published.Select(p => Period.OfQuarter(p.Year, p.Quarter)).ToHashSet();
        LatestPublished = publishedQuarters.Count > 0 ? publishedQuarters.Max() : null;
        if (!ShowsUnpublished)
        {
            // The public and council members see figures up to the latest published quarter, and commentary of published quarters.
            measurements = measurements.Where(m => LatestPublished is { } latest && KpiEvaluation.EndQuarter(m.Period) <= latest).ToList();
            kpi = kpi with { Commentary = kpi.Commentary.Where(c => publishedQuarters.Contains(c.Period)).ToList() };
        }

        // A value that differs from what a publication showed for the same period was corrected afterwards.
        Corrections = published
            .Where(p => p.MeasurementYear is not null && p.Value is not null)
            .GroupBy(p => new Period(p.MeasurementYear!.Value, p.MeasurementQuarter))
            .Select(g => (Period: g.Key, Published: g.OrderBy(x => x.Year).ThenBy(x => x.Quarter).First().Value!.Value))
            .Where(p => measurements.Any(m => m.Period == p.Period && m.Value != p.Published))
            .ToDictionary(p => p.Period, p => p.Published);

        Kpi = kpi.Info;
        TargetHistory = kpi.Targets;
        References = kpi.References;
        Commentary = kpi.Commentary;
        Measurements = measurements;
        if (kpi.Targets.Count > 0)
        {
            var t = kpi.Targets[^1];
            CurrentTarget = new TargetInfo(t.Version, t.TargetValue, t.Deadline, t.BaselineValue, t.BaselinePeriod, t.ToleranceOnTrack, t.ToleranceAttention);
        }

        var points = measurements.Select(m => new MeasurementPoint(m.Period, m.Value, m.Status, m.IsSynthetic)).ToList();
        if (points.Count > 0)
        {
            var lastQuarter = points.Select(p => KpiEvaluation.EndQuarter(p.Period)).Max();
            Evaluation = KpiEvaluation.Evaluate(new KpiRule(Kpi.Unit, Kpi.Direction, Kpi.BandLow, Kpi.BandHigh, Kpi.LegalNorm),
                CurrentTarget, points, lastQuarter);
        }

        return Page();
    }

    /// <summary>The periods on the chart's axis: every measurement, then the projection up to the deadline.</summary>
    public IReadOnlyList<Period> ChartPeriods()
    {
        var periods = Measurements.Select(m => m.Period).ToList();
        if (Evaluation?.Projection is { Trend: not null, Verdict: not ProjectionVerdict.NotApplicable } projection && periods.Count > 0)
        {
            var last = periods.Where(p => p.HasSameGranularity(projection.Deadline)).DefaultIfEmpty(periods[^1]).Max();
            for (var p = last.Next(); p <= projection.Deadline; p = p.Next())
            {
                periods.Add(p);
            }
        }

        return periods.OrderBy(KpiEvaluation.EndQuarter).ThenBy(p => p).Distinct().ToList();
    }

    public sealed record KpiInfo(
        int Id,
        string Code,
        string Name,
        string Definition,
        KpiUnit Unit,
        KpiDirection Direction,
        decimal? BandLow,
        decimal? BandHigh,
        KpiFrequency Frequency,
        string? DataSource,
        SocialDomainArea Domain,
        string? ProgrammeCode,
        string? ProgrammeName,
        string? Owner,
        decimal? LegalNorm,
        string? LegalNormDescription,
        string SourceDocument,
        string SourceSection);

    public sealed record TargetVersion(
        int Version,
        decimal TargetValue,
        int? DeadlineYear,
        int? DeadlineQuarter,
        decimal? BaselineValue,
        int? BaselineYear,
        int? BaselineQuarter,
        string? Rationale,
        string? CouncilDecision,
        string? ChangeReason,
        string ChangedBy,
        DateTimeOffset ChangedAt,
        string SourceDocument,
        string SourceSection,
        decimal? ToleranceOnTrack,
        decimal? ToleranceAttention)
    {
        public Period? Deadline => DeadlineYear is { } y ? new Period(y, DeadlineQuarter) : null;

        public Period? BaselinePeriod => BaselineYear is { } y ? new Period(y, BaselineQuarter) : null;
    }

    public sealed record ReferenceRow(int Year, int? Quarter, string Reference, decimal Value, string SourceDocument, string SourceSection)
    {
        public Period Period => new(Year, Quarter);
    }

    public sealed record CommentaryRow(int Year, int Quarter, string Text, string Author, DateTimeOffset? PublishedAt, bool IsSynthetic)
    {
        public Period Period => Period.OfQuarter(Year, Quarter);
    }
}
