using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Budget;

/// <summary>
/// The budget cycle per IV3 task field (primitieve begroting, gewijzigde begroting, realisatie, prognose) and the verdict
/// of the explanation thresholds on every variance (docs/calculations.md, "Begroting" and "Toelichten").
/// </summary>
public sealed partial record BudgetReport
{
    /// <summary>The budget cycle per task field and year, chronological; lines without a task field are not in it.</summary>
    public IReadOnlyList<TaskFieldYear> TaskFields { get; init; } = [];

    /// <summary>Every version of the explanation thresholds (for the page's note on which apply).</summary>
    public IReadOnlyList<ThresholdVersion> Thresholds { get; init; } = [];

    /// <summary>
    /// The realisatie (or prognose) of a set of lines of one item: the whole year (PeriodEnd null, the jaarrekening) when
    /// there is one, otherwise the latest period; the sum of the lines of that period. Null without lines of the stage.
    /// </summary>
    public static CycleAmount? Latest(IEnumerable<BudgetLineData> lines, BudgetStage stage)
    {
        var candidates = lines.Where(l => l.Stage == stage).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var period = candidates.Any(l => l.PeriodEnd is null) ? null : candidates.Max(l => l.PeriodEnd);
        return new CycleAmount(candidates.Where(l => l.PeriodEnd == period).Sum(l => l.Amount), period);
    }

    /// <summary>"jaarrekening" or "realisatie t/m 30-04-2019" (for a prognose: "prognose per 30-04-2019").</summary>
    public static string PeriodLabel(CycleAmount amount, BudgetStage stage) => (amount.PeriodEnd, stage) switch
    {
        (null, BudgetStage.Actuals) => "jaarrekening (heel jaar)",
        (null, _) => "prognose voor het hele jaar",
        ({ } end, BudgetStage.Actuals) => $"realisatie t/m {DutchText.ShortDate(end)}",
        ({ } end, _) => $"prognose per {DutchText.ShortDate(end)}",
    };

    /// <summary>A computed variance with its verdict under the thresholds in force for <paramref name="year"/>.</summary>
    public static JudgedVariance Judge(BudgetVarianceResult variance, BudgetStage of, BudgetStage against, int year, IReadOnlyList<ThresholdVersion> thresholds) =>
        Judged(new JudgedVariance
        {
            Against = against,
            Of = of,
            Measure = variance.Measure,
            Kind = variance.Kind,
            Difference = variance.Difference,
            Percent = variance.DifferencePercent,
            Description = variance.Description,
            Verdict = ExplanationVerdict.NotJudgeable,
            VerdictReason = string.Empty,
        }, year, thresholds);

    /// <summary>
    /// A variance the source states without budget and realisation (Hilversum convention: positive = more net cost): judged
    /// on its amount alone, as there is no budget to take a percentage of.
    /// </summary>
    public static JudgedVariance JudgeStated(BudgetLineData stated, IReadOnlyList<ThresholdVersion> thresholds)
    {
        var kind = stated.Amount > 0m ? BudgetVarianceKind.Overrun : stated.Amount < 0m ? BudgetVarianceKind.Underrun : BudgetVarianceKind.OnBudget;
        return Judged(new JudgedVariance
        {
            Against = BudgetStage.OriginalBudget,
            Of = BudgetStage.StatedVariance,
            Measure = stated.Measure,
            Kind = kind,
            Difference = stated.Amount,
            Description = kind == BudgetVarianceKind.OnBudget
                ? "conform begroting"
                : $"{(kind == BudgetVarianceKind.Overrun ? "overschrijding" : "onderschrijding")} van {Euro(Math.Abs(stated.Amount))} (vermeld in de bron)",
            Verdict = ExplanationVerdict.NotJudgeable,
            VerdictReason = string.Empty,
        }, stated.Year, thresholds);
    }

    /// <summary>The verdict of the thresholds in force for <paramref name="year"/> on a variance, or why there is none.</summary>
    private static JudgedVariance Judged(JudgedVariance variance, int year, IReadOnlyList<ThresholdVersion> thresholds)
    {
        var version = ThresholdVersions.InForce(thresholds, year);
        var judgement = version is null ? null : ExplanationThreshold.Judge(variance.Difference, variance.Percent, variance.Kind, version.Thresholds);
        return variance with
        {
            Verdict = judgement?.Verdict ?? ExplanationVerdict.NotJudgeable,
            VerdictReason = judgement?.Reason ?? ThresholdVersions.MissingReason(thresholds, year)!,
            Thresholds = version?.Thresholds.Description,
        };
    }

    private static List<TaskFieldYear> BuildTaskFields(IReadOnlyList<BudgetLineData> lines, IReadOnlyList<ThresholdVersion> thresholds, DataGaps gaps)
    {
        var stages = new[] { BudgetStage.OriginalBudget, BudgetStage.MultiYearEstimate, BudgetStage.AmendedBudget, BudgetStage.Actuals, BudgetStage.Forecast };
        return lines.Where(l => l.TaskFieldCode is not null && stages.Contains(l.Stage))
            .GroupBy(l => l.Year).OrderBy(g => g.Key)
            .Select(year => new TaskFieldYear(year.Key, year
                .GroupBy(l => (Code: l.TaskFieldCode!, l.Measure))
                .OrderBy(g => g.Key.Code, TaskFieldOrder.Instance).ThenBy(g => g.Key.Measure)
                .Select(item => BuildTaskFieldRow(item.Key.Code, item.Key.Measure, year.Key, item.ToList(), thresholds, gaps))
                .ToList()))
            .ToList();
    }

    private static TaskFieldBudgetRow BuildTaskFieldRow(
        string code, BudgetMeasure measure, int year, List<BudgetLineData> lines, IReadOnlyList<ThresholdVersion> thresholds, DataGaps gaps)
    {
        // Lines booked on the task field itself; otherwise the programmes and lots that name it (never both: no double count).
        var own = lines.Where(l => l.Scope == BudgetScope.TaskField).ToList();
        var used = own.Count > 0 ? own : lines;
        decimal? Sum(BudgetStage stage) => used.Any(l => l.Stage == stage) ? used.Where(l => l.Stage == stage).Sum(l => l.Amount) : null;

        var hasOriginal = used.Any(l => l.Stage == BudgetStage.OriginalBudget);
        var original = hasOriginal ? Sum(BudgetStage.OriginalBudget) : Sum(BudgetStage.MultiYearEstimate);
        var amended = Sum(BudgetStage.AmendedBudget);
        var realisation = Latest(used, BudgetStage.Actuals);
        var forecast = Latest(used, BudgetStage.Forecast);
        var first = used[0];
        var missing = gaps.MissingReason(first.Scope, year);

        JudgedVariance? Against(CycleAmount? amount, BudgetStage of, decimal? budget, BudgetStage against) =>
            amount is { } a && budget is { } b ? Judge(HilversumBudget.Against(a.Amount, b, measure), of, against, year, thresholds) : null;

        var budgetForForecast = amended is not null ? BudgetStage.AmendedBudget : BudgetStage.OriginalBudget;
        return new TaskFieldBudgetRow
        {
            Code = code,
            Label = $"{code} {first.TaskFieldName ?? first.Name}",
            Measure = measure,
            MadeOf = own.Count > 0 ? [] : used.Select(l => $"{l.Name} ({Vocabulary.BudgetScopes.Label(l.Scope)})").Distinct().ToList(),
            Original = original,
            OriginalIsEstimate = !hasOriginal && original is not null,
            Amended = amended,
            Realisation = realisation,
            Forecast = forecast,
            AgainstOriginal = Against(realisation, BudgetStage.Actuals, original, BudgetStage.OriginalBudget),
            AgainstAmended = Against(realisation, BudgetStage.Actuals, amended, BudgetStage.AmendedBudget),
            ForecastAgainstBudget = Against(forecast, BudgetStage.Forecast, amended ?? original, budgetForForecast),
            OriginalMissing = original is null ? NotInSourcesReason : null,
            AmendedMissing = amended is null ? missing : null,
            RealisationMissing = realisation is null ? missing : null,
            ForecastMissing = forecast is null ? NoForecastReason : null,
            Notes = used.Where(l => !string.IsNullOrWhiteSpace(l.Note)).Select(l => $"{l.Name}, {StageLabel(l)}: {l.Note}").Distinct().ToList(),
        };
    }

    /// <summary>Orders task field codes as IV3 numbers them: 6.2 before 6.71 before 6.82 before 7.1 (text order as a fallback).</summary>
    private sealed class TaskFieldOrder : IComparer<string>
    {
        public static readonly TaskFieldOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? string.Empty).Split('.');
            var b = (y ?? string.Empty).Split('.');
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                var p = i < a.Length ? a[i] : string.Empty;
                var q = i < b.Length ? b[i] : string.Empty;
                var c = int.TryParse(p, out var m) && int.TryParse(q, out var n) && i == 0 ? m.CompareTo(n) : string.CompareOrdinal(p, q);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
