using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// The one home of the sign conversion between budget amounts as Hilversum books them and the convention of
/// <see cref="BudgetVariance"/>. Hilversum (docs/data-sources/hilversum.md, "Sign"): lasten positive, baten negative,
/// saldo = lasten + baten, so a positive saldo is a net cost. <see cref="BudgetVariance"/>: baten are positive and a
/// <see cref="BudgetMeasure.Net"/> saldo is baten − lasten, so a negative saldo is a net cost. Baten and saldo differ,
/// by their sign. Everything the dashboard stores, shows and exports is in the Hilversum convention; the variance
/// functions here take and return Hilversum amounts and let <see cref="BudgetVariance"/> judge them.
/// </summary>
/// <remarks>
/// Baten flip their sign like the saldo (issue 19: variances are direction-aware for baten): booked −2.000.000 and
/// realised −1.600.000 is 400.000 less income, an overrun, and comes back as a difference of +400.000 (more net cost).
/// </remarks>
public static class HilversumBudget
{
    /// <summary>An amount as Hilversum books it, in <see cref="BudgetVariance"/>'s convention: a saldo flips its sign.</summary>
    public static decimal ToCore(decimal amount, BudgetMeasure measure) => measure is BudgetMeasure.Net or BudgetMeasure.Income ? -amount : amount;

    /// <summary>An amount in <see cref="BudgetVariance"/>'s convention, back as Hilversum books it (the same flip).</summary>
    public static decimal FromCore(decimal amount, BudgetMeasure measure) => ToCore(amount, measure);

    /// <summary>
    /// Realisation against one budget, both as Hilversum books them. Kind, status and description are Core's
    /// (<see cref="BudgetVariance.Against"/>); budget, realisation, difference (realisation − budget) and percent
    /// (difference / |budget| × 100) come back in the Hilversum convention, so a saldo overspend is a positive difference.
    /// </summary>
    public static BudgetVarianceResult Against(decimal realisation, decimal budget, BudgetMeasure measure, Tolerances? tolerances = null) =>
        FromCore(BudgetVariance.Against(ToCore(realisation, measure), ToCore(budget, measure), measure, tolerances));

    /// <summary>Realisation against the primitive and (if any) the amended budget, all as Hilversum books them.</summary>
    public static BudgetComparison AgainstOriginalAndAmended(
        decimal realisation,
        decimal originalBudget,
        decimal? amendedBudget,
        BudgetMeasure measure,
        Tolerances? tolerances = null)
    {
        var core = BudgetVariance.AgainstOriginalAndAmended(
            ToCore(realisation, measure), ToCore(originalBudget, measure), amendedBudget is { } amended ? ToCore(amended, measure) : null, measure, tolerances);
        return new BudgetComparison(
            FromCore(core.AgainstOriginal),
            core.AgainstAmended is { } againstAmended ? FromCore(againstAmended) : null,
            core.Amendment is { } amendment ? FromCore(amendment, measure) : null);
    }

    private static BudgetVarianceResult FromCore(BudgetVarianceResult core) => core.Measure is BudgetMeasure.Net or BudgetMeasure.Income
        ? core with
        {
            Budget = FromCore(core.Budget, core.Measure),
            Realisation = FromCore(core.Realisation, core.Measure),
            Difference = FromCore(core.Difference, core.Measure),
            DifferencePercent = core.DifferencePercent is { } percent ? FromCore(percent, core.Measure) : null,
        }
        : core;
}
