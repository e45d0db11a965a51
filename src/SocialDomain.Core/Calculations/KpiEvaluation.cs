using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// A measured value as the quarterly judgement uses it. <paramref name="Stated"/> is the period as the source gives it
/// (default: exactly the stored year or quarter); a value without a comparable period is never a trend point.
/// </summary>
public sealed record MeasurementPoint(Period Period, decimal Value, MeasurementStatus Status, bool IsSynthetic, StatedPeriod Stated = default,
    ValueBound Bound = ValueBound.Exact)
{
    /// <summary>The period as a page shows it ("2020-K3", "juli 2019", "2017–2019", "peildatum onbekend …").</summary>
    public string PeriodLabel => Stated.Label(Period);

    /// <summary>"≥ " or "≤ " before a value that is only a bound; empty for an exact value.</summary>
    public string BoundPrefix => BoundText.Prefix(Bound);

    /// <summary>True when the value can be one end of a change or a point of a trend: an exact value of a comparable period.</summary>
    public bool CountsInTrend => Stated.IsComparable && Bound == ValueBound.Exact;
}

/// <summary>What a KPI's definition contributes to its judgement.</summary>
public sealed record KpiRule(KpiUnit Unit, KpiDirection Direction, decimal? BandLow, decimal? BandHigh, decimal? LegalNorm);

/// <summary>What the target version in force contributes to a judgement: value, deadline and its own tolerances (null = default).</summary>
public sealed record TargetTerms(decimal Value, Period? Deadline, decimal? ToleranceOnTrackPercent, decimal? ToleranceAttentionPercent)
{
    /// <summary>The target's tolerances, a limit left empty taking its default.</summary>
    public Tolerances Tolerances => Tolerances.WithDefaults(ToleranceOnTrackPercent, ToleranceAttentionPercent);
}

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
/// A KPI at one quarter: the latest measurement that counts by then, the change against the one before, the status
/// against the policy target, the legal norm (percent KPIs only) and the projection to the target's deadline.
/// Pure: callers pass the KPI's rule, its target in force and its measurements.
/// </summary>
public static class KpiEvaluation
{
    /// <summary>Reason when no measurement counts by the quarter.</summary>
    public const string NoMeasurement = "nog geen meting";

    /// <summary>Reason for a descriptive KPI.</summary>
    public const string Descriptive = "beschrijvende indicator: geen streefwaarde";

    /// <summary>Reason when only a bound of the value is known and it does not decide the status.</summary>
    public const string BoundOnly = "alleen een grens van de waarde bekend: de status is niet te bepalen";

    /// <summary>Reason when no (usable) target is set.</summary>
    public const string NoTarget = "geen streefwaarde vastgesteld";

    public static KpiEvaluationResult Evaluate(KpiRule rule, TargetTerms? target, IReadOnlyList<MeasurementPoint> series, Period quarter)
    {
        var upTo = series.Where(m => QuarterOrdinal.EndQuarter(m.Period) <= quarter)
            .OrderBy(m => QuarterOrdinal.EndQuarter(m.Period)).ThenBy(m => m.Period).ToList();
        var current = upTo.Count > 0 ? upTo[^1] : null;

        // A change needs two values with comparable periods: a figure without a period, or over several years, has none.
        var previous = current is { CountsInTrend: true } && upTo.Count > 1
            ? upTo.Take(upTo.Count - 1).LastOrDefault(m => m.CountsInTrend)
            : null;
        decimal? changeAbsolute = current is not null && previous is not null ? current.Value - previous.Value : null;
        decimal? changePercent = current is not null && previous is not null && Growth.Percent(previous.Value, current.Value) is { IsOk: true } g ? g.Value : null;

        KpiJudgement? judgement = null;
        string reason;
        var policyTarget = PolicyTarget(rule, target);
        var tolerances = target?.Tolerances ?? Tolerances.Default;

        if (current is null)
        {
            reason = NoMeasurement;
        }
        else if (rule.Direction == KpiDirection.Informative)
        {
            reason = Descriptive;
        }
        else if (policyTarget is null)
        {
            reason = NoTarget;
        }
        else
        {
            judgement = KpiAssessment.Assess(current.Value, policyTarget.Value, tolerances);
            reason = judgement.StatusUnavailableReason ?? string.Empty;

            // A bound ("at least 267") decides the status only when the true value can only be better than the bound and
            // the bound itself is on course; otherwise the status is not known.
            var boundDecides = current.Bound == ValueBound.Exact
                || (judgement.Status == KpiStatus.OnTrack
                    && ((current.Bound == ValueBound.AtLeast && rule.Direction == KpiDirection.HigherIsBetter)
                        || (current.Bound == ValueBound.AtMost && rule.Direction == KpiDirection.LowerIsBetter)));
            if (!boundDecides)
            {
                judgement = null;
                reason = BoundOnly;
            }
        }

        var legal = current is not null && LegalNormApplies(rule) is { } norm
            ? KpiAssessment.AssessLegalNorm(current.Value, norm, policyTarget, policyTolerances: tolerances)
            : null;

        ProjectionResult? projection = null;
        if (policyTarget is { } t && target?.Deadline is { } deadline && upTo.Count > 0)
        {
            var sameGrain = upTo.Where(m => m.CountsInTrend && m.Period.HasSameGranularity(deadline)).Select(m => new TrendPoint(m.Period, m.Value)).ToList();
            projection = Projection.ToDeadline(sameGrain, t, deadline, rule.Unit);
        }

        return new KpiEvaluationResult(current, current is not null && QuarterOrdinal.EndQuarter(current.Period) != quarter, previous,
            changeAbsolute, changePercent, judgement, reason, legal, projection, upTo);
    }

    /// <summary>The legal norm the KPI is judged against: only a percent KPI (a share decided within the legal term) has one.</summary>
    public static decimal? LegalNormApplies(KpiRule rule) => rule.Unit == KpiUnit.Percent ? rule.LegalNorm : null;

    /// <summary>The policy target as a Core target, or null when there is none (or the KPI is descriptive, or a band lacks its upper bound).</summary>
    public static KpiTarget? PolicyTarget(KpiRule rule, TargetTerms? target) => (rule.Direction, target) switch
    {
        (KpiDirection.Informative, _) or (_, null) => null,
        (KpiDirection.WithinBand, _) when rule.BandHigh is null => null,
        (KpiDirection.WithinBand, _) => KpiTarget.Band(rule.BandLow ?? target.Value, rule.BandHigh!.Value),
        _ => KpiTarget.Create(rule.Direction, target.Value),
    };
}
