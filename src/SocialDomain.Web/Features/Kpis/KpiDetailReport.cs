using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>
/// One KPI as its page and its table exports show it to one reader: definition, the visible measurements (with
/// publication state and value at publication), target history, comparison values, commentary and the judgement.
/// </summary>
public sealed record KpiDetailReport(
    KpiDefinition Kpi,
    IReadOnlyList<MeasurementRecord> Measurements,
    IReadOnlyList<TargetVersion> TargetHistory,
    IReadOnlyList<ReferenceRow> References,
    IReadOnlyList<CommentaryRow> Commentary,
    KpiEvaluationResult? Evaluation,
    TargetVersion? CurrentTarget,
    bool ShowsUnpublished,
    Period? LatestPublished)
{
    /// <summary>Periods whose value changed after a publication, with the value as first published.</summary>
    public IReadOnlyDictionary<Period, decimal> Corrections { get; } =
        Measurements.Where(m => m.IsCorrected).ToDictionary(m => m.MeasuredPeriod, m => m.PublishedValue!.Value);

    /// <summary>
    /// Pure: applies visibility (the public and council members see figures up to the latest published quarter and
    /// commentary of published quarters), marks changes after publication and judges the KPI at its latest quarter.
    /// </summary>
    public static KpiDetailReport Build(KpiDetailData data, bool showsUnpublished)
    {
        var publishedQuarters = data.Published.Select(p => p.Publication).ToHashSet();
        var latestPublished = Visibility.LatestPublished(publishedQuarters);
        var firstPublished = Visibility.FirstPublishedValues(data.Published);
        var kpi = data.Kpi;
        var measurements = data.Measurements
            .Where(m => showsUnpublished || Visibility.IsPublished(m.Period, latestPublished))
            .Select(m => new MeasurementRecord(kpi.Code, kpi.Name, kpi.Domain, kpi.ProgrammeCode, kpi.Unit, m.Year, m.Quarter, m.Value, m.Status,
                m.IsSynthetic, Visibility.IsPublished(m.Period, latestPublished), firstPublished.TryGetValue(m.Period, out var was) ? was : null,
                m.SourceDocument, m.SourceSection, m.Note))
            .ToList();
        var commentary = showsUnpublished ? data.Commentary : data.Commentary.Where(c => Visibility.IsPublishedQuarter(c.Period, publishedQuarters))
            .Select(c => c with { Author = StaffAttribution.Public(c.Author) }).ToList();
        // The judgement is of the latest quarter with a measurement, against the target version in force then; without
        // measurements, the version in force in the newest quarter any version applies from is shown.
        KpiEvaluationResult? evaluation = null;
        TargetVersion? currentTarget;
        if (measurements.Count > 0)
        {
            var points = measurements.Select(m => new MeasurementPoint(m.MeasuredPeriod, m.Value, m.Status, m.IsSynthetic)).ToList();
            var lastQuarter = points.Select(p => QuarterOrdinal.EndQuarter(p.Period)).Max();
            currentTarget = TargetVersion.InForce(data.Targets, lastQuarter);
            evaluation = KpiEvaluation.Evaluate(kpi.Rule, currentTarget?.Terms, points, lastQuarter);
        }
        else
        {
            currentTarget = data.Targets.Count > 0 ? TargetVersion.InForce(data.Targets, data.Targets.Max(t => TargetInForce.StartQuarter(t.ValidFrom))) : null;
        }

        var history = showsUnpublished ? data.Targets : data.Targets.Select(t => t with { ChangedBy = StaffAttribution.Public(t.ChangedBy) }).ToList();
        return new KpiDetailReport(kpi, measurements, history, data.References, commentary, evaluation, currentTarget, showsUnpublished, latestPublished);
    }

    /// <summary>The periods on the chart's axis: every measurement, then the projection up to the deadline.</summary>
    public IReadOnlyList<Period> ChartPeriods()
    {
        var periods = Measurements.Select(m => m.MeasuredPeriod).ToList();
        if (Evaluation?.Projection is { Trend: not null, Verdict: not ProjectionVerdict.NotApplicable } projection && periods.Count > 0)
        {
            var last = periods.Where(p => p.HasSameGranularity(projection.Deadline)).DefaultIfEmpty(periods[^1]).Max();
            for (var p = last.Next(); p <= projection.Deadline; p = p.Next())
            {
                periods.Add(p);
            }
        }

        return periods.OrderBy(QuarterOrdinal.EndQuarter).ThenBy(p => p).Distinct().ToList();
    }
}
