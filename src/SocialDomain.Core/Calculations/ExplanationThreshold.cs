using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>A threshold value that cannot be used, with the form field it belongs to ("absolute" or "relative").</summary>
public sealed record ThresholdProblem(string Field, string Message);

/// <summary>
/// When a budget variance must be explained to the council, as a financiële verordening sets it: an absolute amount
/// and/or a percentage of the budget, combined with "én" or "of" (e.g. "toelichten boven € 250.000 én 10%").
/// A variance is above a threshold when it is strictly greater. Percentages are compared unrounded.
/// </summary>
/// <param name="Absolute">Amount in euros; null when the verordening sets none.</param>
/// <param name="RelativePercent">Percentage of |budget|; null when the verordening sets none.</param>
/// <param name="Combination">"én" (both thresholds) or "of" (either).</param>
/// <param name="IncludeFavourable">Whether favourable variances (onderschrijdingen) must be explained too.</param>
public sealed record ExplanationThresholds(
    decimal? Absolute,
    decimal? RelativePercent,
    ThresholdCombination Combination,
    bool IncludeFavourable = true)
{
    /// <summary>What is wrong with a pair of thresholds, per field, in Dutch; empty when they can be used.</summary>
    public static IReadOnlyList<ThresholdProblem> Problems(decimal? absolute, decimal? relativePercent)
    {
        var problems = new List<ThresholdProblem>();
        if (absolute is null && relativePercent is null)
        {
            problems.Add(new("absolute", "Vul een absolute grens (bedrag) of een relatieve grens (percentage) in, of allebei."));
        }

        if (absolute < 0m)
        {
            problems.Add(new("absolute", "De absolute grens mag niet negatief zijn."));
        }

        if (relativePercent < 0m)
        {
            problems.Add(new("relative", "De relatieve grens mag niet negatief zijn."));
        }

        return problems;
    }

    /// <summary>The thresholds, or the first problem as the reason when they cannot be used.</summary>
    public static Result<ExplanationThresholds> Create(
        decimal? absolute, decimal? relativePercent, ThresholdCombination combination, bool includeFavourable = true) =>
        Problems(absolute, relativePercent) is [var first, ..]
            ? Result<ExplanationThresholds>.NotApplicable(first.Message)
            : Result<ExplanationThresholds>.Ok(new(absolute, relativePercent, combination, includeFavourable));

    /// <summary>A threshold percentage as the verordening writes it: "10%", "2,5%".</summary>
    public static string ThresholdPercent(decimal percent) => DutchFormat.Percent(percent, percent == decimal.Truncate(percent) ? 0 : 1);

    /// <summary>"toelichten boven € 250.000 én 10%", "toelichten boven € 250.000", "toelichten boven 10%".</summary>
    public string Description
    {
        get
        {
            var parts = new List<string>();
            if (Absolute is { } amount)
            {
                parts.Add(DutchFormat.Euro(amount));
            }

            if (RelativePercent is { } percent)
            {
                parts.Add(ThresholdPercent(percent));
            }

            var joined = string.Join(Combination == ThresholdCombination.Both ? " én " : " of ", parts);
            return $"toelichten boven {joined}" + (IncludeFavourable ? string.Empty : " (alleen nadelige afwijkingen)");
        }
    }
}

/// <summary>The verdict on one variance under <see cref="ExplanationThresholds"/>.</summary>
/// <param name="Verdict">Toelichten, geen toelichting nodig, or niet te beoordelen.</param>
/// <param name="Kind">Overrun (nadelig), underrun (voordelig) or on budget.</param>
/// <param name="Amount">Size of the variance in euros, ≥ 0.</param>
/// <param name="Percent">Size as a percentage of |budget|, ≥ 0; null when there is no budget to divide by.</param>
/// <param name="AbsoluteExceeded">Whether the amount is above the absolute threshold; null when there is none.</param>
/// <param name="RelativeExceeded">Whether the percentage is above the relative threshold; null when there is none or no percentage.</param>
/// <param name="Reason">Dutch sentence saying why.</param>
public sealed record ExplanationJudgement(
    ExplanationVerdict Verdict,
    BudgetVarianceKind Kind,
    decimal Amount,
    decimal? Percent,
    bool? AbsoluteExceeded,
    bool? RelativeExceeded,
    string Reason)
{
    /// <summary>"toelichten", "geen toelichting nodig" or "niet te beoordelen".</summary>
    public string Label => Vocabulary.ExplanationVerdicts.Label(Verdict);
}

/// <summary>Judges budget variances (realisation or prognose against a budget) against <see cref="ExplanationThresholds"/>.</summary>
public static class ExplanationThreshold
{
    /// <summary>
    /// "nadelig: hogere lasten dan begroot", "voordelig: hogere baten dan begroot", … — the direction of a variance
    /// in words that fit the measure (an overrun of baten is less income).
    /// </summary>
    public static string DirectionLabel(BudgetVarianceKind kind, BudgetMeasure measure) => (kind, measure) switch
    {
        (BudgetVarianceKind.OnBudget, _) => "conform begroting",
        (BudgetVarianceKind.Overrun, BudgetMeasure.Expenses) => "nadelig: hogere lasten dan begroot",
        (BudgetVarianceKind.Underrun, BudgetMeasure.Expenses) => "voordelig: lagere lasten dan begroot",
        (BudgetVarianceKind.Overrun, BudgetMeasure.Income) => "nadelig: lagere baten dan begroot",
        (BudgetVarianceKind.Underrun, BudgetMeasure.Income) => "voordelig: hogere baten dan begroot",
        (BudgetVarianceKind.Overrun, _) => "nadelig: hoger saldo van lasten en baten dan begroot",
        _ => "voordelig: lager saldo van lasten en baten dan begroot",
    };

    /// <summary>A computed variance (realisation or prognose against a budget) under the thresholds.</summary>
    public static ExplanationJudgement Judge(BudgetVarianceResult variance, ExplanationThresholds thresholds) =>
        Judge(variance.Amount, variance.AmountPercent, variance.Kind, thresholds);

    /// <summary>
    /// A variance of <paramref name="amount"/> euros (its size, the sign is in <paramref name="kind"/>) and, when the budget
    /// is known, <paramref name="percent"/> of it. With "én" a threshold that is not exceeded decides "geen toelichting
    /// nodig" even when the other cannot be applied; with "of" a threshold that is exceeded decides "toelichten".
    /// Otherwise a threshold that cannot be applied (no percentage) makes the variance "niet te beoordelen".
    /// </summary>
    public static ExplanationJudgement Judge(decimal amount, decimal? percent, BudgetVarianceKind kind, ExplanationThresholds thresholds)
    {
        amount = Math.Abs(amount);
        percent = percent is { } p ? Math.Abs(p) : null;
        bool? absolute = thresholds.Absolute is { } a ? amount > a : null;
        bool? relative = thresholds.RelativePercent is { } r && percent is { } q ? q > r : null;
        var relativeUnknown = thresholds.RelativePercent is not null && percent is null;

        ExplanationJudgement Verdict(ExplanationVerdict verdict, string reason) => new(verdict, kind, amount, percent, absolute, relative, reason);

        if (kind == BudgetVarianceKind.OnBudget || amount == 0m)
        {
            return Verdict(ExplanationVerdict.WithinThresholds, "geen toelichting nodig: conform begroting");
        }

        if (kind == BudgetVarianceKind.Underrun && !thresholds.IncludeFavourable)
        {
            return Verdict(ExplanationVerdict.WithinThresholds, "geen toelichting nodig: een voordelige afwijking hoeft volgens de grenzen niet te worden toegelicht");
        }

        var set = new List<bool?>();
        if (thresholds.Absolute is not null)
        {
            set.Add(absolute);
        }

        if (thresholds.RelativePercent is not null)
        {
            set.Add(relative);
        }

        var explain = thresholds.Combination == ThresholdCombination.Both
            ? set.Contains(false) ? false : set.Contains(null) ? (bool?)null : true
            : set.Contains(true) ? true : set.Contains(null) ? (bool?)null : false;

        var facts = Facts(amount, percent, absolute, relative, thresholds);
        return explain switch
        {
            true => Verdict(ExplanationVerdict.Explain, $"toelichten: {facts}"),
            false => Verdict(ExplanationVerdict.WithinThresholds, $"geen toelichting nodig: {facts}"),
            _ => Verdict(ExplanationVerdict.NotJudgeable,
                $"niet te beoordelen: {facts}" + (relativeUnknown ? "; zonder begroting is er geen percentage" : string.Empty)),
        };
    }

    private static string Facts(decimal amount, decimal? percent, bool? absolute, bool? relative, ExplanationThresholds thresholds)
    {
        var facts = new List<string>();
        if (thresholds.Absolute is { } a)
        {
            facts.Add($"{DutchFormat.Euro(amount)} is {(absolute == true ? "meer dan" : "niet meer dan")} de grens van {DutchFormat.Euro(a)}");
        }

        if (thresholds.RelativePercent is { } r)
        {
            facts.Add(percent is { } p
                ? $"{DutchFormat.Percent(p)} is {(relative == true ? "meer dan" : "niet meer dan")} de grens van {ExplanationThresholds.ThresholdPercent(r)}"
                : $"het percentage is onbekend (grens {ExplanationThresholds.ThresholdPercent(r)})");
        }

        return string.Join(" en ", facts);
    }
}
