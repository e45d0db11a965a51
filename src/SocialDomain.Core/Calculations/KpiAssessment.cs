using System.Globalization;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// A KPI's target: a single value with a direction (higher or lower is better), or a band
/// [<see cref="Value"/>, <see cref="UpperBound"/>] within which the KPI should stay.
/// </summary>
public readonly record struct KpiTarget
{
    private KpiTarget(KpiDirection direction, decimal value, decimal? upperBound)
    {
        Direction = direction;
        Value = value;
        UpperBound = upperBound;
    }

    public KpiDirection Direction { get; }

    /// <summary>The target value; for a band, its lower bound.</summary>
    public decimal Value { get; }

    /// <summary>The upper bound of a band; null for the other directions.</summary>
    public decimal? UpperBound { get; }

    public static KpiTarget HigherIsBetter(decimal target) => new(KpiDirection.HigherIsBetter, target, null);

    public static KpiTarget LowerIsBetter(decimal target) => new(KpiDirection.LowerIsBetter, target, null);

    /// <summary>A band; both bounds belong to the band. Throws when <paramref name="lower"/> exceeds <paramref name="upper"/> (a configuration error).</summary>
    public static KpiTarget Band(decimal lower, decimal upper) =>
        lower <= upper
            ? new(KpiDirection.WithinBand, lower, upper)
            : throw new ArgumentOutOfRangeException(nameof(lower), lower, "The lower bound of a band must not exceed the upper bound.");

    /// <summary>A target with the given direction; for <see cref="KpiDirection.WithinBand"/> the upper bound is required.</summary>
    public static KpiTarget Create(KpiDirection direction, decimal value, decimal? upperBound = null) => direction switch
    {
        KpiDirection.HigherIsBetter => HigherIsBetter(value),
        KpiDirection.LowerIsBetter => LowerIsBetter(value),
        KpiDirection.WithinBand when upperBound is { } upper => Band(value, upper),
        KpiDirection.WithinBand => throw new ArgumentNullException(nameof(upperBound), "A band needs an upper bound."),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    /// <summary>True when <paramref name="actual"/> is on or on the good side of the target (inside the band).</summary>
    public bool IsMetBy(decimal actual) => Direction switch
    {
        KpiDirection.HigherIsBetter => actual >= Value,
        KpiDirection.LowerIsBetter => actual <= Value,
        _ => actual >= Value && actual <= UpperBound!.Value,
    };

    /// <summary>Culture-invariant, for logs and test output: "&gt;= 95", "&lt;= 7", "[40, 60]".</summary>
    public override string ToString() => Direction switch
    {
        KpiDirection.HigherIsBetter => string.Create(CultureInfo.InvariantCulture, $">= {Value}"),
        KpiDirection.LowerIsBetter => string.Create(CultureInfo.InvariantCulture, $"<= {Value}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"[{Value}, {UpperBound}]"),
    };
}

/// <summary>
/// Deviation of an actual value from its target, with the sign normalised by the KPI's direction:
/// positive = better than the target, negative = worse, zero = exactly on target (or inside the band).
/// </summary>
/// <param name="Actual">The measured value.</param>
/// <param name="Target">The target it is judged against.</param>
/// <param name="Reference">The value the deviation is measured from: the target, or for a band the bound that was crossed (the nearer bound when inside).</param>
/// <param name="Absolute">Sign-normalised deviation in the KPI's unit (percentage points for a percent KPI).</param>
/// <param name="RelativePercent">Sign-normalised deviation as a percentage of |<paramref name="Reference"/>|; null when the reference is 0.</param>
/// <param name="RelativeUnavailableReason">Dutch reason why <paramref name="RelativePercent"/> is null.</param>
public sealed record KpiDeviation(
    decimal Actual,
    KpiTarget Target,
    decimal Reference,
    decimal Absolute,
    decimal? RelativePercent,
    string? RelativeUnavailableReason);

/// <summary>A KPI judged against its target: the deviation and the resulting status.</summary>
/// <param name="Deviation">The sign-normalised deviation.</param>
/// <param name="Status">The status; null when it cannot be determined (see <paramref name="StatusUnavailableReason"/>).</param>
/// <param name="StatusUnavailableReason">Dutch reason why there is no status.</param>
/// <param name="Tolerances">The tolerances that were applied, so the page can show them.</param>
public sealed record KpiJudgement(
    KpiDeviation Deviation,
    KpiStatus? Status,
    string? StatusUnavailableReason,
    Tolerances Tolerances)
{
    /// <summary>"op koers", "aandacht", "uit koers" or "niet te beoordelen".</summary>
    public string StatusLabel => Status.ToDutchLabel();

    /// <summary>True when "op koers" only thanks to the tolerance: worse than the target, but within the on-track limit.</summary>
    public bool WithinMargin => Status == KpiStatus.OnTrack && Deviation.Absolute < 0m;

    /// <summary>The label with "(binnen de marge)" when <see cref="WithinMargin"/>: 92 % against 95 % is not simply "op koers".</summary>
    public string StatusText => WithinMargin ? StatusLabel + " " + MarginNote : StatusLabel;

    public const string MarginNote = "(binnen de marge)";
}

/// <summary>
/// A legal-norm KPI (share of decisions taken within the legal term) judged against the legal norm,
/// and separately against the (optional) policy target. The two judgements are never merged.
/// </summary>
/// <param name="MeetsNorm">True when the share is at or above the norm.</param>
/// <param name="AgainstNorm">Judgement against the legal norm (tolerances default to <see cref="Tolerances.LegalNormDefault"/>).</param>
/// <param name="AgainstPolicyTarget">Judgement against the policy target; null when the KPI has none.</param>
public sealed record LegalNormJudgement(
    bool MeetsNorm,
    KpiJudgement AgainstNorm,
    KpiJudgement? AgainstPolicyTarget);

/// <summary>KPI against target: deviation, status, legal norms.</summary>
public static class KpiAssessment
{
    internal const string TargetIsZeroReason = "geen relatieve afwijking: de streefwaarde is 0";

    /// <summary>
    /// Absolute and relative deviation from the target, sign-normalised by direction.
    /// Higher is better: actual − target. Lower is better: target − actual.
    /// Band: 0 (and 0%) inside the band, otherwise minus the distance to the crossed bound.
    /// Relative = absolute / |reference| × 100, and null when the reference (target or crossed bound) is 0.
    /// </summary>
    public static KpiDeviation Deviation(decimal actual, KpiTarget target)
    {
        decimal reference;
        decimal absolute;
        switch (target.Direction)
        {
            case KpiDirection.HigherIsBetter:
                reference = target.Value;
                absolute = actual - target.Value;
                break;
            case KpiDirection.LowerIsBetter:
                reference = target.Value;
                absolute = target.Value - actual;
                break;
            default:
                var upper = target.UpperBound!.Value;
                if (actual < target.Value)
                {
                    reference = target.Value;
                    absolute = actual - target.Value;
                }
                else if (actual > upper)
                {
                    reference = upper;
                    absolute = upper - actual;
                }
                else
                {
                    reference = actual - target.Value <= upper - actual ? target.Value : upper;
                    absolute = 0m;
                }

                break;
        }

        if (target.Direction == KpiDirection.WithinBand && absolute == 0m)
        {
            // Inside the band: exactly on target, whatever the bounds are.
            return new KpiDeviation(actual, target, reference, 0m, 0m, null);
        }

        return reference == 0m
            ? new KpiDeviation(actual, target, reference, absolute, null, TargetIsZeroReason)
            : new KpiDeviation(actual, target, reference, absolute, absolute / Math.Abs(reference) * 100m, null);
    }

    /// <summary>
    /// Deviation plus status (<see cref="Tolerances.Default"/>: within 5% of the target on course,
    /// 5–15% attention, beyond off course; better than target is always on course).
    /// </summary>
    public static KpiJudgement Assess(decimal actual, KpiTarget target, Tolerances? tolerances = null)
    {
        var tol = tolerances ?? Tolerances.Default;
        var deviation = Deviation(actual, target);
        var status = tol.Classify(deviation.Absolute, deviation.RelativePercent);
        return new KpiJudgement(
            deviation,
            status,
            status is null ? TargetIsZeroReason + "; stel absolute toleranties in om te beoordelen" : null,
            tol);
    }

    /// <summary>
    /// Share (percent) of decisions taken within the legal term. Not applicable when nothing was decided
    /// or the counts are inconsistent.
    /// </summary>
    public static Result<decimal> ShareWithinTerm(int decidedWithinTerm, int decidedTotal)
    {
        if (decidedTotal <= 0)
        {
            return Result<decimal>.NotApplicable("geen besluiten in deze periode");
        }

        if (decidedWithinTerm < 0 || decidedWithinTerm > decidedTotal)
        {
            return Result<decimal>.NotApplicable("aantal binnen de termijn ligt buiten 0 en het totaal aantal besluiten");
        }

        return Result<decimal>.Ok((decimal)decidedWithinTerm / decidedTotal * 100m);
    }

    /// <summary>
    /// Judges a legal-norm KPI: against the legal norm (higher is better, tolerances default to
    /// <see cref="Tolerances.LegalNormDefault"/>) and, separately, against the policy target if there is one
    /// (tolerances default to <see cref="Tolerances.Default"/>).
    /// </summary>
    /// <param name="shareWithinTermPercent">Share decided within the legal term, percent (0–100).</param>
    /// <param name="legalNormPercent">The legal norm, percent (for example 95).</param>
    /// <param name="policyTarget">The policy target, if any.</param>
    /// <param name="normTolerances">Tolerances against the norm.</param>
    /// <param name="policyTolerances">Tolerances against the policy target.</param>
    public static LegalNormJudgement AssessLegalNorm(
        decimal shareWithinTermPercent,
        decimal legalNormPercent,
        KpiTarget? policyTarget = null,
        Tolerances? normTolerances = null,
        Tolerances? policyTolerances = null)
    {
        var norm = KpiTarget.HigherIsBetter(legalNormPercent);
        var againstNorm = Assess(shareWithinTermPercent, norm, normTolerances ?? Tolerances.LegalNormDefault);
        var againstPolicy = policyTarget is { } t ? Assess(shareWithinTermPercent, t, policyTolerances) : null;
        return new LegalNormJudgement(norm.IsMetBy(shareWithinTermPercent), againstNorm, againstPolicy);
    }
}
