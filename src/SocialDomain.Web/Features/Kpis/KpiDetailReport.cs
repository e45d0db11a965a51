using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Features.Measurements;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>Reads <c>?stand=</c> for the KPI page and its exports, with the overview's rules and messages (<see cref="PublicationChoice"/>).</summary>
public static class KpiStand
{
    /// <summary>The stand asked for; null with a Dutch <paramref name="problem"/> when it is unusable (the page shows now, an export answers 400).</summary>
    public static Stand? Resolve(KpiDetailData data, string? standText, out string? problem)
    {
        var choice = PublicationChoice.Resolve(data.Published.Select(p => p.Publication).DistinctBy(p => p.Id).ToList(), standText, null);
        problem = choice.Problem;
        return choice.Stand;
    }
}

/// <summary>One publication of a quarter as it showed the KPI, with the later changes marked.</summary>
public sealed record PublishedKpiView(PublicationHeader Publication, PublishedFigureView View);

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
    Period? LatestPublished,
    PublishedKpiView? Published = null,
    IReadOnlyList<PublishedKpiView>? History = null,
    Stand? Stand = null)
{
    /// <summary>The changes of the values this reader may see, newest first (<see cref="MeasurementHistory.Visible"/>).</summary>
    public IReadOnlyList<ValueChange> ValueHistory { get; init; } = [];

    /// <summary>The quarters that were published (marked on the chart's time axis).</summary>
    public IReadOnlySet<Period> PublishedQuarters { get; init; } = new HashSet<Period>();

    /// <summary>Periods whose value changed after a publication, with the value as first published.</summary>
    public IReadOnlyDictionary<Period, decimal> Corrections { get; } =
        Measurements.Where(m => m.IsCorrected).ToDictionary(m => m.MeasuredPeriod, m => m.PublishedValue!.Value);

    /// <summary>The status shown: as published (readers of the published dashboard), or live (staff).</summary>
    public KpiStatus? Status => Published is { } p ? p.View.Status : Evaluation?.Status;

    /// <summary>Why there is no status.</summary>
    public string StatusReason => Published?.View.StatusReason ?? Evaluation?.StatusReason ?? string.Empty;

    /// <summary>Every publication and correction of this KPI the reader may see, newest first.</summary>
    public IReadOnlyList<PublishedKpiView> Publications => History ?? [];

    /// <summary>
    /// Pure: applies visibility (the public and council members see figures up to the latest published quarter, that
    /// quarter as published, and commentary of published quarters as published with later text as an addendum), marks
    /// changes after publication and judges the KPI at its latest quarter. With a <paramref name="stand"/> everyone sees
    /// the KPI as published by the end of that day.
    /// </summary>
    /// <param name="currentQuarter">The clock's quarter: the target version in force then is marked "huidige versie"
    /// (<see cref="TargetVersion.IsCurrent"/>); null marks none.</param>
    public static KpiDetailReport Build(KpiDetailData data, bool showsUnpublished, Stand? stand = null, Period? currentQuarter = null)
    {
        var kpi = data.Kpi;
        var visible = data.Published.Where(p => stand is null || stand.Includes(p.Publication.PublishedAt)).ToList();
        var publishedQuarters = visible.Select(p => p.Publication.Quarter).ToHashSet();
        var latestPublished = Visibility.LatestPublished(publishedQuarters);
        var live = showsUnpublished && stand is null;
        // A stand shows no marks the database cannot date (measurement changes).
        var firstPublished = stand is null
            ? Visibility.FirstPublishedValues(visible.Select(p => new PublishedFigureRow(p.Publication.Quarter, p.Figure.MeasurementYear, p.Figure.MeasurementQuarter, p.Figure.Value)))
            : new Dictionary<Period, decimal>();
        var measurements = data.Measurements
            .Where(m => live || Visibility.IsPublished(m.Period, latestPublished))
            .Select(m => new MeasurementRecord(kpi.Code, kpi.Name, kpi.Domain, kpi.ProgrammeCode, kpi.Unit, m.Year, m.Quarter, m.Value, m.Status,
                m.IsSynthetic, Visibility.IsPublished(m.Period, latestPublished), firstPublished.TryGetValue(m.Period, out var was) ? was : null,
                m.SourceDocument, m.SourceSection, m.Note, m.Stated, m.Bound))
            .ToList();
        var targets = stand is null ? data.Targets : data.Targets.Where(t => stand.Includes(t.ChangedAt)).ToList();
        var series = data.Measurements.Select(m => new MeasurementPoint(m.Period, m.Value, m.Status, m.IsSynthetic, m.Stated, m.Bound)).ToList();
        var changedAt = MeasurementHistory.LastChanged(data.ValueHistory ?? []);
        var history = visible
            .Select(p => new PublishedKpiView(p.Publication, PublishedFigureView.Build(kpi, data.Targets, series, p.Publication.Quarter, p.Publication, p.Figure,
                data.Commentary.FirstOrDefault(c => c.Period == p.Publication.Quarter)?.At(stand), stand, changedAt)))
            .OrderByDescending(p => p.Publication.Quarter).ThenByDescending(p => p.Publication.Version)
            .ToList();

        // Readers of the published dashboard: the latest published quarter as published.
        var shown = live ? null : history.FirstOrDefault();
        KpiEvaluationResult? evaluation = shown?.View.Evaluation;
        var currentTarget = shown?.View.Target;
        if (shown is null && measurements.Count > 0)
        {
            // The judgement is of the latest quarter with a measurement, against the target version in force then.
            var points = measurements.Select(m => new MeasurementPoint(m.MeasuredPeriod, m.Value, m.Status, m.IsSynthetic, m.Stated, m.Bound)).ToList();
            var lastQuarter = points.Select(p => QuarterOrdinal.EndQuarter(p.Period)).Max();
            currentTarget = TargetVersion.InForce(targets, lastQuarter);
            evaluation = KpiEvaluation.Evaluate(kpi.Rule, currentTarget?.Terms, points, lastQuarter);
        }
        else if (shown is null && targets.Count > 0)
        {
            // Without measurements, the version in force in the newest quarter any version applies from.
            currentTarget = TargetVersion.InForce(targets, targets.Max(t => TargetInForce.StartQuarter(t.ValidFrom)));
        }

        // Readers outside the staff see roles, never login names (issue 16).
        var commentary = live ? data.Commentary
            : PublishedCommentary(history, data.Commentary).Select(c => c with { Author = StaffAttribution.Public(c.Author) }).ToList();
        var inForceNow = currentQuarter is { } now ? TargetVersion.InForce(targets, now) : null;
        var targetHistory = targets.Select(t => t with { IsCurrent = ReferenceEquals(t, inForceNow), ChangedBy = showsUnpublished ? t.ChangedBy : StaffAttribution.Public(t.ChangedBy) })
            .ToList();
        currentTarget = currentTarget is null ? null : targetHistory.FirstOrDefault(t => t.Version == currentTarget.Version && t.TargetValue == currentTarget.TargetValue) ?? currentTarget;
        return new KpiDetailReport(kpi, measurements, targetHistory, data.References, commentary, evaluation, currentTarget, showsUnpublished && stand is null, latestPublished,
            shown, history, stand)
        {
            PublishedQuarters = publishedQuarters,
            ValueHistory = MeasurementHistory.Visible(data.ValueHistory ?? [], showsUnpublished && stand is null, latestPublished, stand),
        };
    }

    /// <summary>Per published quarter the commentary its newest publication froze, with later text as an addendum.</summary>
    private static List<CommentaryRow> PublishedCommentary(IReadOnlyList<PublishedKpiView> history, IReadOnlyList<CommentaryRow> heads) =>
        history.GroupBy(p => p.Publication.Quarter).Select(g => g.First())
            .Where(p => p.View.Commentary is not null || p.View.Addendum is not null)
            .Select(p => (Shown: p, Head: heads.FirstOrDefault(c => c.Period == p.Publication.Quarter)))
            .Select(x => new CommentaryRow(x.Shown.Publication.Quarter.Year, x.Shown.Publication.Quarter.Quarter!.Value, x.Shown.View.Commentary?.Text ?? string.Empty,
                x.Head?.Author ?? x.Shown.Publication.PublishedBy, x.Shown.Publication.PublishedAt, x.Head?.IsSynthetic ?? false, null, x.Shown.View.Addendum))
            .ToList();

    /// <summary>The measurements on the chart: those whose period the source gives as a year, quarter or month.</summary>
    public IReadOnlyList<MeasurementRecord> ChartedMeasurements => Measurements.Where(m => m.Stated.IsComparable && m.Bound == ValueBound.Exact).ToList();

    /// <summary>The measurements kept off the chart: without a period, over several years, or only a bound (shown in the table only).</summary>
    public IReadOnlyList<MeasurementRecord> UnchartedMeasurements => Measurements.Where(m => !m.Stated.IsComparable || m.Bound != ValueBound.Exact).ToList();

    /// <summary>The periods on the chart's axis: every charted measurement, then the projection up to the deadline.</summary>
    public IReadOnlyList<Period> ChartPeriods()
    {
        var periods = ChartedMeasurements.Select(m => m.MeasuredPeriod).ToList();
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
