using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Import;

/// <summary>
/// Evaluates the rows of source_checks.csv (statements in the Hilversum documents against the figures they concern) with
/// the pure rules of <see cref="SourceChecks"/>, and makes a <see cref="DataQualityFinding"/> of every check that is not
/// consistent: a deviation, a difference explained by rounding only (labelled so), or a check whose figures are missing
/// ("niet na te rekenen"). Figure keys are documented in docs/data-sources/checks.md.
/// </summary>
public static class SourceCheckRunner
{
    public const string Dataset = "hilversum";

    public static async Task<IReadOnlyList<DataQualityFinding>> RunAsync(SocialDomainDbContext db, IReadOnlyList<SourceCheck> checks, CancellationToken ct)
    {
        var figures = await FigureBook.LoadAsync(db, ct);
        return checks.Select(check => FindingOf(check, Evaluate(check, figures.Value))).OfType<DataQualityFinding>().ToList();
    }

    /// <summary>The outcome of one check; <paramref name="figure"/> gives a key's value, or null when it is not stored.</summary>
    public static SourceCheckResult Evaluate(SourceCheck check, Func<string, decimal?> figure)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(figure);
        decimal? Figure(int index) => index < check.Figures.Count ? ValueOf(check.Figures[index], figure) : null;
        var stated = check.Stated is { } s ? s * check.Unit : check.StatedFigure is { } key ? ValueOf(key, figure) : null;
        if (stated is not { } value)
        {
            return SourceCheckResult.Missing($"het vermelde cijfer ({check.StatedFigure}) is niet opgeslagen");
        }

        var statedHalfUnit = check.Stated is { } printed ? SourceChecks.HalfUnit(printed, check.Unit) : check.InputHalfUnit;
        var missing = check.Figures.Where(f => ValueOf(f, figure) is null).ToList();
        var result = check.Kind switch
        {
            DataQualityCheck.Sum => SourceChecks.Sum(value, statedHalfUnit, check.Figures.Select(f => ValueOf(f, figure)).ToList(), check.InputHalfUnit),
            DataQualityCheck.ChangePercent when Figure(0) is { } from && Figure(1) is { } to => SourceChecks.ChangePercent(
                value, statedHalfUnit, from, to, check.InputHalfUnit, check.TableDecimals is { } d ? SourceChecks.HalfUnit(new decimal(1, 0, 0, false, (byte)d)) : null),
            DataQualityCheck.Ratio => SourceChecks.Ratio(value, statedHalfUnit, Figure(0), Figure(1), check.Factor, check.InputHalfUnit, check.CircaPercent),
            DataQualityCheck.SameValue => SourceChecks.SameValue(value, statedHalfUnit, Figure(0), check.InputHalfUnit),
            DataQualityCheck.AllAbove or DataQualityCheck.AllBelow => SourceChecks.AllAbove(
                check.Figures.Chunk(2).Select(pair => new ComparedPair(Label(pair[0]), ValueOf(pair[0], figure), pair.Length > 1 ? ValueOf(pair[1], figure) : null)).ToList(),
                above: check.Kind == DataQualityCheck.AllAbove),
            DataQualityCheck.WholeBase when Figure(0) is { } count => SourceChecks.WholeBase(count, value, statedHalfUnit),
            _ => SourceCheckResult.Missing("een van de cijfers ontbreekt"),
        };
        return result.Outcome == CheckOutcome.NotVerifiable && missing.Count > 0
            ? SourceCheckResult.Missing($"niet opgeslagen: {string.Join(", ", missing)}")
            : result;
    }

    private static DataQualityFinding? FindingOf(SourceCheck check, SourceCheckResult result)
    {
        if (!result.IsFinding)
        {
            return null;
        }

        // The rule's message starts with its outcome: "wijkt af", "alleen afronding" or "niet na te rekenen".
        var message = $"{check.Claim}: {result.Message}.";
        return new DataQualityFinding
        {
            Dataset = Dataset,
            Subject = "check/" + check.Code,
            Kind = check.Kind,
            Message = message.Length <= 1000 ? message : message[..999] + "…",
            StatedValue = Round(result.Stated),
            RecomputedValue = Round(result.Recomputed),
            Difference = Round(result.Difference),
            RoundingOnly = result.Outcome == CheckOutcome.RoundingOnly,
            KpiCode = check.KpiCode,
            BudgetScope = check.BudgetScope,
            BudgetCode = check.BudgetCode,
            Year = check.Year,
            Source = check.Source,
        };
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4) : null;

    /// <summary>A literal number (decimal point) or the value of a figure key.</summary>
    private static decimal? ValueOf(string text, Func<string, decimal?> figure) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var literal)
            ? literal
            : figure(text);

    private static string Label(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// The stored Hilversum figures by key: <c>budget:scope/code/year/stage/measure</c> (stage <c>*</c>: the one row of any
    /// stage), <c>project:code/year[/funding]</c> (sum over fundings), <c>reserve:name/year/begin|eind|storting|onttrekking</c>,
    /// <c>kpi:code/year</c> and <c>ref:code/year/reference</c> (year <c>*</c>: the one value of any period),
    /// <c>inwoners:municipality/yyyy-mm</c>. Null when no single stored figure matches.
    /// </summary>
    private sealed class FigureBook
    {
        private readonly List<BudgetLine> _budget;
        private readonly List<ProjectBudget> _projects;
        private readonly List<ReserveMovement> _reserve;
        private readonly List<(string Kpi, int Year, decimal Value)> _measurements;
        private readonly List<(string Kpi, int Year, string Reference, decimal Value)> _references;
        private readonly List<MunicipalityCharacteristics> _characteristics;

        private FigureBook(List<BudgetLine> budget, List<ProjectBudget> projects, List<ReserveMovement> reserve,
            List<(string, int, decimal)> measurements, List<(string, int, string, decimal)> references, List<MunicipalityCharacteristics> characteristics)
        {
            (_budget, _projects, _reserve, _measurements, _references, _characteristics) = (budget, projects, reserve, measurements, references, characteristics);
        }

        public static async Task<FigureBook> LoadAsync(SocialDomainDbContext db, CancellationToken ct)
        {
            var measurements = await db.KpiMeasurements.AsNoTracking().Select(m => new { m.Kpi!.Code, m.Year, m.Value }).ToListAsync(ct);
            var references = await db.KpiReferenceValues.AsNoTracking().Select(r => new { r.Kpi!.Code, r.Year, r.Reference, r.Value }).ToListAsync(ct);
            return new FigureBook(
                await db.BudgetLines.AsNoTracking().ToListAsync(ct),
                await db.ProjectBudgets.AsNoTracking().ToListAsync(ct),
                await db.ReserveMovements.AsNoTracking().ToListAsync(ct),
                measurements.Select(m => (m.Code, m.Year, m.Value)).ToList(),
                references.Select(r => (r.Code, r.Year, r.Reference, r.Value)).ToList(),
                await db.MunicipalityCharacteristics.AsNoTracking().ToListAsync(ct));
        }

        public decimal? Value(string key)
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            var parts = key[(colon + 1)..].Split('/');
            return (key[..colon], parts.Length) switch
            {
                ("budget", 5) => Single(_budget.Where(b =>
                        Vocabulary.BudgetScopes.Token(b.Scope) == parts[0] && b.ScopeCode == parts[1] && Year(parts[2]) == b.Year
                        && (parts[3] == "*" || Vocabulary.BudgetStages.Token(b.Stage) == parts[3]) && Vocabulary.BudgetMeasures.Token(b.Measure) == parts[4])
                    .Select(b => b.Amount)),
                ("project", 2 or 3) => SumOrNull(_projects.Where(p => p.ProjectCode == parts[0] && Year(parts[1]) == p.Year
                    && (parts.Length == 2 || p.Funding == parts[2])).Select(p => p.Amount)),
                ("reserve", 3) => Reserve(parts[0], Year(parts[1]), parts[2]),
                ("kpi", 2) => Single(_measurements.Where(m => m.Kpi == parts[0] && (parts[1] == "*" || Year(parts[1]) == m.Year)).Select(m => m.Value)),
                ("ref", 3) => Single(_references.Where(r => r.Kpi == parts[0] && (parts[1] == "*" || Year(parts[1]) == r.Year) && r.Reference == parts[2])
                    .Select(r => r.Value).Distinct()),
                ("inwoners", 2) => Single(_characteristics.Where(c => c.MunicipalityCode == parts[0]
                    && c.Snapshot.ToString("yyyy-MM", CultureInfo.InvariantCulture) == parts[1] && c.Population is not null).Select(c => (decimal)c.Population!.Value)),
                _ => null,
            };
        }

        // The opening and closing balance are the rows of kind beginstand and eindstand (BudgetReport's rules).
        private decimal? Reserve(string name, int? year, string what)
        {
            var rows = _reserve.Where(r => r.Reserve == name && r.Year == year).ToList();
            return what switch
            {
                "begin" => Single(rows.Where(r => r.Kind == Features.Budget.BudgetReport.OpeningKind).Select(r => r.Amount)),
                "eind" => Single(rows.Where(r => r.Kind == Features.Budget.BudgetReport.ClosingKind).Select(r => r.Amount)),
                "storting" or "onttrekking" => rows.Count == 0 ? null : rows.Where(r => r.Kind == what).Sum(r => r.Amount),
                _ => null,
            };
        }

        private static int? Year(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

        private static decimal? Single(IEnumerable<decimal> values)
        {
            var list = values.Take(2).ToList();
            return list.Count == 1 ? list[0] : null;
        }

        private static decimal? SumOrNull(IEnumerable<decimal> values)
        {
            var list = values.ToList();
            return list.Count == 0 ? null : list.Sum();
        }
    }
}
