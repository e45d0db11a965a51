using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;

namespace SocialDomain.Web.Features.Budget;

/// <summary>The bulk dataset and the API's /begrotingen: every matching budget line, with on realisation lines the variance of the Begroting page.</summary>
public static class BudgetDataset
{
    public const string Name = "begrotingen";

    public static ColumnSet<BudgetRecord> Columns => BudgetColumns.Lines;

    /// <summary>Every matching budget line, with the variance of its item on realisation lines.</summary>
    public static Task<IReadOnlyList<BudgetRecord>> LoadAsync(SocialDomainDbContext db, BudgetFilter filter, CancellationToken cancellationToken) =>
        LoadAsync(new BudgetQuery(db), filter, cancellationToken);

    /// <summary>Three round trips: all lines (for the report's variances), the matching lines with their source and the thresholds.</summary>
    public static async Task<IReadOnlyList<BudgetRecord>> LoadAsync(BudgetQuery query, BudgetFilter filter, CancellationToken cancellationToken)
    {
        var allLines = await query.LinesAsync(cancellationToken);
        var matching = await query.SourcedLinesAsync(filter, cancellationToken);
        return WithVariances(allLines, matching, await query.ThresholdsAsync(cancellationToken));
    }

    /// <summary>
    /// Puts the variance of each item and year, as the report of the page has it, on the realisation lines. The
    /// variances come from <see cref="BudgetReport"/> itself, so the dataset can never disagree with the page.
    /// </summary>
    public static List<BudgetRecord> WithVariances(
        IReadOnlyList<BudgetLineData> allLines, IReadOnlyList<BudgetRecord> matching, IReadOnlyList<ThresholdVersion>? thresholds = null)
    {
        var report = BudgetReport.Build(new BudgetData(allLines, [], [], thresholds));
        var rows = report.Years.SelectMany(y => y.All.Select(r => (y.Year, Row: r)))
            .GroupBy(x => (x.Year, x.Row.Scope, x.Row.Code))
            .ToDictionary(g => g.Key, g => g.First().Row);
        return matching.Select(r => r.Line.Stage switch
            {
                BudgetStage.Actuals => r with { Variance = rows.GetValueOrDefault((r.Line.Year, r.Line.Scope, r.Line.ScopeCode)) is { } row ? BudgetVarianceRow.From(row) : null },
                BudgetStage.StatedVariance => r with { Variance = rows.GetValueOrDefault((r.Line.Year, r.Line.Scope, r.Line.ScopeCode)) is { } row ? BudgetVarianceRow.FromStated(row) : null },
                _ => r,
            })
            .ToList();
    }
}
