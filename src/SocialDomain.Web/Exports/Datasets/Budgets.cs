using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Exports.Datasets;

/// <summary>
/// Budget lines with variances: the bulk dataset and the API's /begrotingen. Query, variances and columns live in
/// Features/Budget (<see cref="BudgetDataset"/>, <see cref="BudgetColumns.Lines"/>); figures are not computed here.
/// </summary>
public static class Budgets
{
    public const string Name = "begrotingen";

    public static ColumnSet<BudgetRecord> Columns => BudgetColumns.Lines;

    /// <summary>Every matching budget line, with the variance of its item on realisation lines.</summary>
    public static Task<IReadOnlyList<BudgetRecord>> LoadAsync(SocialDomainDbContext db, BudgetFilter filter, CancellationToken cancellationToken) =>
        BudgetDataset.LoadAsync(new BudgetQuery(db), filter, cancellationToken);
}
