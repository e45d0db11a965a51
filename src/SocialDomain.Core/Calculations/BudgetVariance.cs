using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>Which side of the budget the realisation fell on.</summary>
public enum BudgetVarianceKind
{
    /// <summary>Realisation equals the budget.</summary>
    OnBudget,

    /// <summary>The unfavourable side: more expenses, less income, or a lower (more negative) saldo than budgeted. "Overschrijding".</summary>
    Overrun,

    /// <summary>The other side: less expenses, more income, or a higher saldo. Reported, not praised. "Onderschrijding".</summary>
    Underrun,
}

/// <summary>Realisation against one budget.</summary>
/// <param name="Budget">The budget (primitive or amended).</param>
/// <param name="Realisation">The actual amount.</param>
/// <param name="Measure">Lasten, baten or saldo: decides which side is unfavourable.</param>
/// <param name="Difference">Realisation − budget, as booked (sign not normalised).</param>
/// <param name="DifferencePercent">Difference as a percentage of |budget|; null when the budget is 0.</param>
/// <param name="Kind">Overrun (unfavourable), underrun or on budget.</param>
/// <param name="Status">Status from the overrun (an underrun is always on course); null when it cannot be determined.</param>
/// <param name="StatusUnavailableReason">Dutch reason why there is no status or no percentage.</param>
public sealed record BudgetVarianceResult(
    decimal Budget,
    decimal Realisation,
    BudgetMeasure Measure,
    decimal Difference,
    decimal? DifferencePercent,
    BudgetVarianceKind Kind,
    KpiStatus? Status,
    string? StatusUnavailableReason)
{
    /// <summary>The size of the variance, always ≥ 0.</summary>
    public decimal Amount => Math.Abs(Difference);

    /// <summary>The size of the variance as a percentage of the budget, always ≥ 0; null when the budget is 0.</summary>
    public decimal? AmountPercent => DifferencePercent is { } p ? Math.Abs(p) : null;

    /// <summary>"op koers", "aandacht", "uit koers" or "niet te beoordelen".</summary>
    public string StatusLabel => Status.ToDutchLabel();

    /// <summary>
    /// Neutral Dutch description: "overschrijding van € 1.163.470 (1,4% van de begroting)",
    /// "onderschrijding van € 250.000 (2,0% van de begroting)" or "conform begroting".
    /// </summary>
    public string Description => Kind switch
    {
        BudgetVarianceKind.OnBudget => "conform begroting",
        _ => (Kind == BudgetVarianceKind.Overrun ? "overschrijding van " : "onderschrijding van ")
            + DutchFormat.Euro(Amount)
            + (AmountPercent is { } p ? $" ({DutchFormat.Percent(p)} van de begroting)" : " (begroting is 0)"),
    };
}

/// <summary>Realisation against the primitive and (if any) the amended budget.</summary>
/// <param name="AgainstOriginal">Against the primitive budget (primitieve begroting).</param>
/// <param name="AgainstAmended">Against the amended budget (gewijzigde begroting); null when there is none.</param>
/// <param name="Amendment">Amended − primitive budget; null when there is no amended budget.</param>
public sealed record BudgetComparison(
    BudgetVarianceResult AgainstOriginal,
    BudgetVarianceResult? AgainstAmended,
    decimal? Amendment)
{
    /// <summary>The comparison that determines the headline status: the amended budget when there is one.</summary>
    public BudgetVarianceResult Headline => AgainstAmended ?? AgainstOriginal;
}

/// <summary>Budget variance: realisation against budget, absolute and percent, with the KPI status logic.</summary>
public static class BudgetVariance
{
    /// <summary>
    /// Realisation against one budget. Difference = realisation − budget; percent = difference / |budget| × 100.
    /// An overrun (the unfavourable side for the <paramref name="measure"/>) is judged with the
    /// tolerances (default 5% / 15% of the budget); an underrun is reported and always "op koers".
    /// For <see cref="BudgetMeasure.Net"/> the saldo is baten − lasten (negative = net cost), so a lower saldo is the overrun.
    /// </summary>
    public static BudgetVarianceResult Against(
        decimal realisation,
        decimal budget,
        BudgetMeasure measure = BudgetMeasure.Expenses,
        Tolerances? tolerances = null)
    {
        var tol = tolerances ?? Tolerances.Default;
        var difference = realisation - budget;
        decimal? percent = budget == 0m ? null : difference / Math.Abs(budget) * 100m;

        // Sign-normalised like a KPI deviation: negative = unfavourable.
        var favourable = measure == BudgetMeasure.Expenses ? -difference : difference;
        var kind = favourable == 0m ? BudgetVarianceKind.OnBudget
            : favourable < 0m ? BudgetVarianceKind.Overrun
            : BudgetVarianceKind.Underrun;

        var normalisedPercent = percent is { } p ? (measure == BudgetMeasure.Expenses ? -p : p) : (decimal?)null;
        var status = tol.Classify(favourable, normalisedPercent);
        var reason = budget == 0m ? "geen percentage: de begroting is 0" : null;
        return new BudgetVarianceResult(budget, realisation, measure, difference, percent, kind, status, reason);
    }

    /// <summary>Realisation against the primitive budget and, if given, the amended budget.</summary>
    public static BudgetComparison AgainstOriginalAndAmended(
        decimal realisation,
        decimal originalBudget,
        decimal? amendedBudget,
        BudgetMeasure measure = BudgetMeasure.Expenses,
        Tolerances? tolerances = null) =>
        new(
            Against(realisation, originalBudget, measure, tolerances),
            amendedBudget is { } amended ? Against(realisation, amended, measure, tolerances) : null,
            amendedBudget - originalBudget);
}
