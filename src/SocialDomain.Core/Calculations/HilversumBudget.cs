using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// The one home of the sign conversion between budget amounts as Hilversum books them and the convention of
/// <see cref="BudgetVariance"/>. Hilversum (docs/data-sources/hilversum.md, "Sign"): lasten positive, baten negative,
/// saldo = lasten + baten, so a positive saldo is a net cost. <see cref="BudgetVariance"/>: a
/// <see cref="BudgetMeasure.Net"/> saldo is baten − lasten, so a negative saldo is a net cost. Only the saldo differs,
/// by its sign. Everything the dashboard stores, shows and exports is in the Hilversum convention; the variance
/// functions here take and return Hilversum amounts and let <see cref="BudgetVariance"/> judge them.
/// </summary>
/// <remarks>
/// Baten are passed unchanged, as the budget page has always done. No budget or realisation line in the sources
/// carries baten (the levels are lasten or saldo; baten occur only in the budget change, which has no variance), so
/// this has never been exercised. Note that Core's <see cref="BudgetMeasure.Income"/> expects positive baten.
/// </remarks>
public static class HilversumBudget
{
    /// <summary>An amount as Hilversum books it, in <see cref="BudgetVariance"/>'s convention: a saldo flips its sign.</summary>
    public static decimal ToCore(decimal amount, BudgetMeasure measure) => measure == BudgetMeasure.Net ? -amount : amount;

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

    private static BudgetVarianceResult FromCore(BudgetVarianceResult core) => core.Measure == BudgetMeasure.Net
        ? core with
        {
            Budget = FromCore(core.Budget, core.Measure),
            Realisation = FromCore(core.Realisation, core.Measure),
            Difference = FromCore(core.Difference, core.Measure),
            DifferencePercent = core.DifferencePercent is { } percent ? FromCore(percent, core.Measure) : null,
        }
        : core;
}
