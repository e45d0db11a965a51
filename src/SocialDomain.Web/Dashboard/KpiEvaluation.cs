using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Dashboard;

/// <summary>A measured value as the dashboard uses it.</summary>
public sealed record MeasurementPoint(Period Period, decimal Value, MeasurementStatus Status, bool IsSynthetic);

/// <summary>The target version in force: value, deadline, baseline and tolerances.</summary>
public sealed record TargetInfo(
    int Version,
    decimal Value,
    Period? Deadline,
    decimal? Baseline,
    Period? BaselinePeriod,
    decimal? ToleranceOnTrackPercent,
    decimal? ToleranceAttentionPercent);

/// <summary>What a KPI's definition contributes to its judgement.</summary>
public sealed record KpiRule(KpiUnit Unit, KpiDirection Direction, decimal? BandLow, decimal? BandHigh, decimal? LegalNorm);

/// <summary>A KPI judged at one quarter: the figures every page, export and API shows alike.</summary>
public sealed record KpiEvaluationResult(
    MeasurementPoint? Current,
    bool CurrentIsFromEarlierPeriod,
    MeasurementPoint? Previous,
    decimal? ChangeAbsolute,
    decimal? ChangePercent,
    KpiJudgement? Judgement,
    string StatusReason,
    LegalNormJudgement? LegalNorm,
    ProjectionResult? Projection,
    IReadOnlyList<MeasurementPoint> SeriesUpTo)
{
    public KpiStatus? Status => Judgement?.Status;
}

/// <summary>
/// Maps stored figures to the Core calculations for one quarter. Pure: callers load the rows (one query
/// for all KPIs) and pass them in.
/// </summary>
public static class KpiEvaluation
{
    /// <summary>The quarter in which a period's figure becomes available: a year counts from its fourth quarter.</summary>
    public static Period EndQuarter(Period period) => period.IsQuarter ? period : Period.OfQuarter(period.Year, 4);

    public static KpiEvaluationResult Evaluate(KpiRule rule, TargetInfo? target, IReadOnlyList<MeasurementPoint> series, Period quarter)
    {
        var upTo = series.Where(m => EndQuarter(m.Period) <= quarter).OrderBy(m => EndQuarter(m.Period)).ThenBy(m => m.Period).ToList();
        var current = upTo.Count > 0 ? upTo[^1] : null;
        var previous = upTo.Count > 1 ? upTo[^2] : null;
        decimal? changeAbsolute = current is not null && previous is not null ? current.Value - previous.Value : null;
        decimal? changePercent = current is not null && previous is not null && Growth.Percent(previous.Value, current.Value) is { IsOk: true } g ? g.Value : null;

        KpiJudgement? judgement = null;
        string reason;
        LegalNormJudgement? legal = null;
        ProjectionResult? projection = null;
        var policyTarget = PolicyTarget(rule, target);
        var tolerances = target is null ? Tolerances.Default
            : new Tolerances(target.ToleranceOnTrackPercent ?? 5m, target.ToleranceAttentionPercent ?? 15m);

        if (current is null)
        {
            reason = "nog geen meting";
        }
        else if (rule.Direction == KpiDirection.Informative)
        {
            reason = "beschrijvende indicator: geen streefwaarde";
        }
        else if (policyTarget is null)
        {
            reason = "geen streefwaarde vastgesteld";
        }
        else
        {
            judgement = KpiAssessment.Assess(current.Value, policyTarget.Value, tolerances);
            reason = judgement.StatusUnavailableReason ?? string.Empty;
        }

        if (current is not null && rule.LegalNorm is { } norm && rule.Unit == KpiUnit.Percent)
        {
            legal = KpiAssessment.AssessLegalNorm(current.Value, norm, policyTarget, policyTolerances: tolerances);
        }

        if (policyTarget is { } t && target?.Deadline is { } deadline && upTo.Count > 0)
        {
            var sameGrain = upTo.Where(m => m.Period.HasSameGranularity(deadline)).Select(m => new TrendPoint(m.Period, m.Value)).ToList();
            projection = Projection.ToDeadline(sameGrain, t, deadline, rule.Unit);
        }

        return new KpiEvaluationResult(current, current is not null && EndQuarter(current.Period) != quarter, previous,
            changeAbsolute, changePercent, judgement, reason, legal, projection, upTo);
    }

    /// <summary>The policy target as a Core target, or null when there is none (or the KPI is descriptive).</summary>
    public static KpiTarget? PolicyTarget(KpiRule rule, TargetInfo? target) => (rule.Direction, target) switch
    {
        (KpiDirection.Informative, _) or (_, null) => null,
        (KpiDirection.WithinBand, _) when rule.BandHigh is null => null,
        (KpiDirection.WithinBand, _) => KpiTarget.Band(rule.BandLow ?? target.Value, rule.BandHigh!.Value),
        _ => KpiTarget.Create(rule.Direction, target.Value),
    };
}
