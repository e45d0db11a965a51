using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Features.Budget;

/// <summary>The budget levels of one year, by scope.</summary>
public sealed record BudgetYear(int Year, IReadOnlyList<LevelRow> Programmes, IReadOnlyList<LevelRow> Lots, IReadOnlyList<LevelRow> Totals)
{
    /// <summary>Programmes, then lots and task fields, then totals: the order of the table and its export.</summary>
    public IEnumerable<LevelRow> All => Programmes.Concat(Lots).Concat(Totals);

    /// <summary>The primitive budget of all lots together; null unless there are several lots and each has one.</summary>
    public decimal? LotsOriginalTotal => Lots.Count > 1 && Lots.All(l => l.Original is not null) ? Lots.Sum(l => l.Original!.Value) : null;
}

/// <summary>
/// One item (programme, lot, task field or total) in one year: its primitive and amended budget, realisation and
/// variance. Amounts as Hilversum books them; a missing amount is null with the Dutch reason next to it, never 0.
/// </summary>
public sealed record LevelRow
{
    public required BudgetScope Scope { get; init; }

    public required string Code { get; init; }

    /// <summary>"Programma 2 Zorg" for a programme, otherwise the line's name.</summary>
    public required string Label { get; init; }

    public required BudgetMeasure Measure { get; init; }

    /// <summary>Primitieve begroting, or for a later year the meerjarenraming printed with an earlier budget (<see cref="OriginalIsEstimate"/>).</summary>
    public decimal? Original { get; init; }

    /// <summary><see cref="Original"/> is a meerjarenraming (multi-year estimate), not the year's own primitive budget.</summary>
    public bool OriginalIsEstimate { get; init; }

    public string? OriginalMissing { get; init; }

    /// <summary>Gewijzigde begroting.</summary>
    public decimal? Amended { get; init; }

    public string? AmendedMissing { get; init; }

    public decimal? Realisation { get; init; }

    /// <summary>Why the realisation is missing.</summary>
    public string? RealisationNote { get; init; }

    /// <summary>
    /// A variance the source states without the levels it lies between (seed 003: programme Zorg 2019 "een tekort van
    /// € 1.163.470 ten opzichte van de begroting"), as Hilversum books it: positive = more net cost than budgeted. Never
    /// turned into a realisation or a budget.
    /// </summary>
    public decimal? StatedVariance { get; init; }

    /// <summary>The headline variance (against the amended budget when there is one), in the Hilversum convention.</summary>
    public BudgetVarianceResult? Variance { get; init; }

    /// <summary>The budget <see cref="Variance"/> is against: the amended one, or the primitive one without it.</summary>
    public BudgetStage? VarianceComparedWith { get; init; }

    /// <summary>When there is also an amended budget: the variance against the primitive one.</summary>
    public BudgetVarianceResult? VarianceAgainstOriginal { get; init; }

    /// <summary>Why there is no variance.</summary>
    public string? VarianceMissing { get; init; }

    /// <summary><see cref="Variance"/> with its direction and the verdict of the explanation thresholds.</summary>
    public JudgedVariance? Judged { get; init; }

    /// <summary><see cref="VarianceAgainstOriginal"/> with its direction and verdict.</summary>
    public JudgedVariance? JudgedAgainstOriginal { get; init; }

    /// <summary><see cref="StatedVariance"/> with its direction and verdict (judged by the absolute threshold: no percentage).</summary>
    public JudgedVariance? StatedJudged { get; init; }

    /// <summary>Change of the primitive budget against the first earlier year with one (a multi-year estimate against the budget).</summary>
    public decimal? ChangePercent { get; init; }

    public int? ChangeFromYear { get; init; }

    /// <summary>"primitieve begroting: …" per line with a note.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Lasten, baten and saldo of one programme in one year of the budget change; null = not in the source.</summary>
public sealed record ChangeCell(decimal? Expenses, decimal? Income, decimal? Net)
{
    public decimal? For(BudgetMeasure measure) => measure switch
    {
        BudgetMeasure.Expenses => Expenses,
        BudgetMeasure.Income => Income,
        _ => Net,
    };
}

/// <summary>A programme (or the total) of the budget change, per year, with the notes of its lines ("2017: …").</summary>
public sealed record ChangeRow(string Label, IReadOnlyDictionary<int, ChangeCell> Cells, IReadOnlyList<string>? Notes = null);

/// <summary>A row of an investment plan: a project, a subtotal of a parent project, or a coverage (dekking) row.</summary>
public sealed record PlanRow
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>0 = project, 1 = part of a parent project.</summary>
    public int Level { get; init; }

    public bool IsSubtotal { get; init; }

    /// <summary>Per plan year; null when the project has no amount that year.</summary>
    public required IReadOnlyDictionary<int, decimal?> Amounts { get; init; }

    public string? Note { get; init; }

    /// <summary>On a coverage row: the kind of funding ("reserve" when it draws on a reserve).</summary>
    public string? FundingKind { get; init; }

    /// <summary>Sum over the years; null when a year is missing (never counted as 0).</summary>
    public decimal? Total => Amounts.Values.Any(a => a is null) ? null : Amounts.Values.Sum();
}

/// <summary>A reserve: its name as the data give it, its years and the maximum the sources state for it (never summed).</summary>
public sealed record ReserveReport(string Name, IReadOnlyList<ReserveYear> Years, IReadOnlyList<ReserveMovementData> Ceilings)
{
    /// <summary>The years with a balance per 31 December, for the chart.</summary>
    public IReadOnlyList<ReserveYear> WithClosing => Years.Where(y => y.Closing is not null).ToList();

    /// <summary>The text alternative of the chart: where the balance per 31 December starts, peaks and ends.</summary>
    public string Summary
    {
        get
        {
            var closing = WithClosing;
            if (closing.Count == 0)
            {
                return "Er zijn geen standen van de reserve.";
            }

            var estimate = closing.FirstOrDefault(r => r.IsEstimate);
            return $"De stand per 31 december loopt van {DutchFormat.Euro(closing[0].Closing!.Value)} in {closing[0].Year} naar "
                + $"{DutchFormat.Euro(closing.Max(r => r.Closing!.Value))} op het hoogste punt en {DutchFormat.Euro(closing[^1].Closing!.Value)} in {closing[^1].Year}"
                + (estimate is not null ? $"; vanaf {estimate.Year} zijn het ramingen." : ".");
        }
    }
}

/// <summary>A reserve in one year: opening balance, movements, closing balance and the check between them.</summary>
public sealed record ReserveYear
{
    public required int Year { get; init; }

    /// <summary>Balance per 1 January; null when the source gives none (<see cref="OpeningMissing"/>).</summary>
    public decimal? Opening { get; init; }

    /// <summary>Deposits and withdrawals (not the balances).</summary>
    public required IReadOnlyList<ReserveMovementData> Movements { get; init; }

    /// <summary>Balance per 31 December.</summary>
    public decimal? Closing { get; init; }

    /// <summary>Opening + movements = closing; null without a closing balance.</summary>
    public AggregateCheck? Check { get; init; }

    /// <summary>An estimate from the investment proposal rather than a realisation.</summary>
    public bool IsEstimate { get; init; }

    public string? OpeningMissing { get; init; }

    public decimal Deposits => Movements.Where(m => m.Amount > 0m).Sum(m => m.Amount);

    public decimal Withdrawals => Movements.Where(m => m.Amount < 0m).Sum(m => m.Amount);
}

/// <summary>How two sources agree (budget change, plan, reserve).</summary>
/// <param name="NeedsCheck">False for a statement that needs no check (nothing planned, nothing withdrawn).</param>
public sealed record CrossCheck(string What, AggregateCheck? Check, bool NeedsCheck = true);

/// <summary>
/// A variance (realisation or prognose against a budget, or one a source states) with its direction for the measure
/// (<see cref="ExplanationThreshold.DirectionLabel"/>) and the verdict of the explanation thresholds in force for its year.
/// Amounts in the Hilversum convention: <see cref="Difference"/> positive = more net cost than budgeted.
/// </summary>
public sealed record JudgedVariance
{
    /// <summary>The budget it is against: primitieve or gewijzigde begroting.</summary>
    public required BudgetStage Against { get; init; }

    /// <summary>Realisatie, prognose, or the stated variance (afwijking).</summary>
    public required BudgetStage Of { get; init; }

    public required BudgetMeasure Measure { get; init; }

    public required BudgetVarianceKind Kind { get; init; }

    /// <summary>Realisation or prognose minus budget; for a stated variance the amount the source states.</summary>
    public required decimal Difference { get; init; }

    /// <summary>As a percentage of |budget|; null when the budget is 0 or unknown.</summary>
    public decimal? Percent { get; init; }

    /// <summary>"overschrijding van € 47.000 (2,5% van de begroting)".</summary>
    public required string Description { get; init; }

    public required ExplanationVerdict Verdict { get; init; }

    /// <summary>"toelichten: € 1.163.470 is meer dan de grens van € 250.000 en …", or why it cannot be judged.</summary>
    public required string VerdictReason { get; init; }

    /// <summary>The thresholds in force, as the verordening words them; null when none are.</summary>
    public string? Thresholds { get; init; }

    /// <summary>"nadelig: hogere lasten dan begroot", …</summary>
    public string Direction => ExplanationThreshold.DirectionLabel(Kind, Measure);

    /// <summary>"toelichten", "binnen_grenzen" or "niet_te_beoordelen".</summary>
    public string VerdictToken => Vocabulary.ExplanationVerdicts.Token(Verdict);

    /// <summary>"toelichten", "geen toelichting nodig" or "niet te beoordelen".</summary>
    public string VerdictLabel => Vocabulary.ExplanationVerdicts.Label(Verdict);
}

/// <summary>A realisatie or prognose as the report uses it: the sum of the chosen lines and the period they cover.</summary>
/// <param name="PeriodEnd">Last day covered; null for the whole year (the jaarrekening).</param>
public sealed record CycleAmount(decimal Amount, DateOnly? PeriodEnd);

/// <summary>The budget cycle of one IV3 task field in one year (section "Per taakveld").</summary>
public sealed record TaskFieldBudgetRow
{
    public required string Code { get; init; }

    /// <summary>"6.2 Wijkteams".</summary>
    public required string Label { get; init; }

    public required BudgetMeasure Measure { get; init; }

    /// <summary>The lines it is made of ("Toegang (perceel)"), when they are not the task field itself.</summary>
    public IReadOnlyList<string> MadeOf { get; init; } = [];

    public decimal? Original { get; init; }

    public bool OriginalIsEstimate { get; init; }

    public decimal? Amended { get; init; }

    public CycleAmount? Realisation { get; init; }

    public CycleAmount? Forecast { get; init; }

    public JudgedVariance? AgainstOriginal { get; init; }

    public JudgedVariance? AgainstAmended { get; init; }

    /// <summary>Prognose against the gewijzigde begroting (the primitieve when there is no gewijzigde).</summary>
    public JudgedVariance? ForecastAgainstBudget { get; init; }

    /// <summary>Why an amount or variance is missing, per column.</summary>
    public string? OriginalMissing { get; init; }

    public string? AmendedMissing { get; init; }

    public string? RealisationMissing { get; init; }

    public string? ForecastMissing { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The task fields of one year.</summary>
public sealed record TaskFieldYear(int Year, IReadOnlyList<TaskFieldBudgetRow> Rows);
