using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Features.Budget;

/// <summary>
/// The budget report (/begroting, /projecten, /reserves, their table exports, the variances of the bulk dataset and the
/// API): budget against realisation per programme and lot (grouped by year), the budget change per programme, the
/// investment plan (the project with role "plan") with its coverage, the reserves, and how these sources agree. Pure: built from
/// <see cref="BudgetData"/> only. A missing budget or realisation is "niet beschikbaar" with the reason, never 0.
/// Amounts as Hilversum books them; variances through <see cref="HilversumBudget"/>.
/// </summary>
public sealed partial record BudgetReport
{
    public static readonly BudgetReport Empty = new();

    public bool HasData { get; init; }

    /// <summary>Budget levels and realisation per year, chronological.</summary>
    public IReadOnlyList<BudgetYear> Years { get; init; } = [];

    /// <summary>
    /// Amounts a source prints as "amended budget or realisation" without saying which, or for which of two lots
    /// (<see cref="BudgetStage.Unassigned"/>): shown as printed, never in a level row, a total or a variance.
    /// </summary>
    public IReadOnlyList<BudgetLineData> Unassigned { get; init; } = [];

    /// <summary>Programmes with only a budget change (no level, no realisation).</summary>
    public IReadOnlyList<string> ProgrammesWithoutLevels { get; init; } = [];

    public IReadOnlyList<int> ChangeYears { get; init; } = [];

    public IReadOnlyList<ChangeRow> Changes { get; init; } = [];

    public ChangeRow? ChangeTotal { get; init; }

    /// <summary>Per year: does the stated total of the budget change equal the sum of the programmes?</summary>
    public IReadOnlyDictionary<int, AggregateCheck> ChangeChecks { get; init; } = new Dictionary<int, AggregateCheck>();

    public IReadOnlyList<int> PlanYears { get; init; } = [];

    public IReadOnlyList<PlanRow> Plan { get; init; } = [];

    /// <summary>Total of the projects per year; null when a project lacks that year.</summary>
    public IReadOnlyDictionary<int, decimal?> PlanTotals { get; init; } = new Dictionary<int, decimal?>();

    /// <summary>The plan over all years; null when a year is not complete.</summary>
    public decimal? PlanGrandTotal => PlanTotals.Values.All(v => v is not null) ? PlanTotals.Values.Sum(v => v!.Value) : null;

    public IReadOnlyList<PlanRow> Coverage { get; init; } = [];

    public IReadOnlyDictionary<int, string> PlanFunding { get; init; } = new Dictionary<int, string>();

    /// <summary>Per year: total of the projects against the coverage (dekking) the plan states.</summary>
    public IReadOnlyDictionary<int, AggregateCheck> PlanChecks { get; init; } = new Dictionary<int, AggregateCheck>();

    /// <summary>Every reserve in the data (by name, in name order) with its years and stated maximum.</summary>
    public IReadOnlyList<ReserveReport> Reserves { get; init; } = [];

    /// <summary>How the three sources agree with each other (budget change, plan, reserve).</summary>
    public IReadOnlyList<CrossCheck> CrossChecks { get; init; } = [];

    /// <summary>The code of the project with the role "plan" (the plan as a whole), when there is one.</summary>
    public string? PlanCode { get; init; }

    /// <summary>The name of that plan project.</summary>
    public string? PlanName { get; init; }

    /// <summary>The project the budget change is attributed to (<see cref="BudgetChangeProject"/>); null when none.</summary>
    public string? ChangeProjectCode { get; init; }

    public static BudgetReport Build(BudgetData data)
    {
        var thresholds = data.Thresholds ?? [];
        var gaps = DataGaps.Of(data.Lines);
        var levels = BuildLevels(data.Lines, thresholds, gaps);
        var changes = BuildChanges(data.Lines);
        var plan = BuildPlan(data.Projects);
        return plan with
        {
            HasData = data.Lines.Count > 0 || data.Projects.Count > 0 || data.Movements.Count > 0,
            Years = levels.Years,
            ProgrammesWithoutLevels = levels.ProgrammesWithoutLevels,
            TaskFields = BuildTaskFields(data.Lines, thresholds, gaps),
            Thresholds = thresholds,
            ChangeYears = changes.ChangeYears,
            Changes = changes.Changes,
            ChangeTotal = changes.ChangeTotal,
            ChangeChecks = changes.ChangeChecks,
            ChangeProjectCode = changes.ChangeYears.Count > 0 ? BudgetChangeProject(data.Projects) : null,
            Unassigned = data.Lines.Where(l => l.Stage == BudgetStage.Unassigned).OrderBy(l => l.Year).ThenBy(l => l.ScopeCode, StringComparer.Ordinal)
                .ThenByDescending(l => l.Amount).ToList(),
            Reserves = data.Movements.GroupBy(m => m.Reserve, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReserveReport(g.Key, BuildReserve(g.Where(m => m.Kind != CeilingKind).ToList()), g.Where(m => m.Kind == CeilingKind).ToList()))
                .ToList(),
            CrossChecks = BuildCrossChecks(data.Lines, data.Movements, plan),
        };
    }

    /// <summary>The levels (primitive budget, amended budget, realisation) per year, and the programmes without any.</summary>
    private static BudgetReport BuildLevels(IReadOnlyList<BudgetLineData> lines, IReadOnlyList<ThresholdVersion> thresholds, DataGaps gaps)
    {
        var levelStages = new[] { BudgetStage.OriginalBudget, BudgetStage.MultiYearEstimate, BudgetStage.AmendedBudget, BudgetStage.Actuals, BudgetStage.StatedVariance };
        var levels = lines.Where(l => levelStages.Contains(l.Stage)).ToList();
        var originals = levels.Where(l => l.Stage is BudgetStage.OriginalBudget or BudgetStage.MultiYearEstimate).ToList();
        var years = levels.GroupBy(l => l.Year).OrderBy(g => g.Key).Select(year =>
        {
            var rows = year.GroupBy(l => (l.Scope, l.ScopeCode)).Select(item => BuildLevelRow(item.ToList(), originals, thresholds, gaps)).ToList();
            return new BudgetYear(
                year.Key,
                rows.Where(r => r.Scope == BudgetScope.Programme).ToList(),
                rows.Where(r => r.Scope is BudgetScope.Lot or BudgetScope.TaskField).ToList(),
                rows.Where(r => r.Scope == BudgetScope.Total).ToList());
        }).ToList();

        var withLevels = levels.Where(l => l.Scope == BudgetScope.Programme).Select(l => l.ScopeCode).ToHashSet(StringComparer.Ordinal);
        return new BudgetReport
        {
            Years = years,
            ProgrammesWithoutLevels = lines.Where(l => l.Scope == BudgetScope.Programme && !withLevels.Contains(l.ScopeCode))
                .Select(ProgrammeLabel).Distinct().ToList(),
        };
    }

    private static LevelRow BuildLevelRow(List<BudgetLineData> item, List<BudgetLineData> originals, IReadOnlyList<ThresholdVersion> thresholds, DataGaps gaps)
    {
        var first = item[0];
        var original = item.FirstOrDefault(l => l.Stage == BudgetStage.OriginalBudget) ?? item.FirstOrDefault(l => l.Stage == BudgetStage.MultiYearEstimate);
        var amended = item.FirstOrDefault(l => l.Stage == BudgetStage.AmendedBudget);
        var stated = item.FirstOrDefault(l => l.Stage == BudgetStage.StatedVariance);
        var measure = (original ?? amended ?? item.FirstOrDefault(l => l.Stage == BudgetStage.Actuals) ?? stated ?? first).Measure;

        // Only what the sources print: a stated variance stays a variance, it is never turned into a realisation. The
        // realisation is the jaarrekening, or without it the latest realisatie during the year.
        decimal? realisation = Latest(item, BudgetStage.Actuals)?.Amount;

        BudgetComparison? comparison = null;
        BudgetVarianceResult? againstAmendedOnly = null;
        if (realisation is { } r)
        {
            if (original is not null)
            {
                comparison = HilversumBudget.AgainstOriginalAndAmended(r, original.Amount, amended?.Amount, measure);
            }
            else if (amended is not null)
            {
                againstAmendedOnly = HilversumBudget.Against(r, amended.Amount, measure);
            }
        }

        var headline = comparison?.Headline ?? againstAmendedOnly;

        // The multi-year estimate against the same lot's budget in the first year with one (e.g. 2022 against 2019).
        var earlier = original is null
            ? null
            : originals.Where(l => l.Scope == first.Scope && l.ScopeCode == first.ScopeCode && l.Year < first.Year).OrderBy(l => l.Year).FirstOrDefault();
        var change = earlier is not null && original is not null && Growth.Percent(earlier.Amount, original.Amount) is { IsOk: true } g
            ? (Percent: g.Value, From: earlier.Year)
            : ((decimal Percent, int From)?)null;

        return new LevelRow
        {
            Scope = first.Scope,
            Code = first.ScopeCode,
            Label = first.Scope == BudgetScope.Programme ? ProgrammeLabel(first) : first.Name,
            Measure = measure,
            Original = original?.Amount,
            OriginalIsEstimate = original?.Stage == BudgetStage.MultiYearEstimate,
            OriginalMissing = original is null ? NotInSourcesReason : null,
            Amended = amended?.Amount,
            AmendedMissing = amended is null ? gaps.MissingReason(first.Scope, first.Year) : null,
            Realisation = realisation,
            RealisationNote = realisation is null ? gaps.MissingReason(first.Scope, first.Year) : null,
            StatedVariance = stated?.Amount,
            Variance = headline,
            VarianceComparedWith = headline is null ? null : amended is not null ? BudgetStage.AmendedBudget : BudgetStage.OriginalBudget,
            VarianceAgainstOriginal = comparison?.AgainstAmended is not null ? comparison.AgainstOriginal : null,
            Judged = headline is null ? null
                : Judge(headline, BudgetStage.Actuals, amended is not null ? BudgetStage.AmendedBudget : BudgetStage.OriginalBudget, first.Year, thresholds),
            JudgedAgainstOriginal = comparison?.AgainstAmended is not null
                ? Judge(comparison.AgainstOriginal, BudgetStage.Actuals, BudgetStage.OriginalBudget, first.Year, thresholds)
                : null,
            StatedJudged = stated is null ? null : JudgeStated(stated, thresholds),
            VarianceMissing = headline is null
                ? (stated is not null ? StatedVarianceReason(stated) : realisation is null ? "realisatie niet beschikbaar" : "begroting niet beschikbaar")
                : null,
            ChangePercent = change?.Percent,
            ChangeFromYear = change?.From,
            Notes = item.Where(l => !string.IsNullOrWhiteSpace(l.Note)).Select(l => $"{StageLabel(l)}: {l.Note}").ToList(),
        };
    }

    private static BudgetReport BuildChanges(IReadOnlyList<BudgetLineData> lines)
    {
        var changes = lines.Where(l => l.Stage == BudgetStage.Change).ToList();
        var years = changes.Select(l => l.Year).Distinct().Order().ToList();
        ChangeRow Row(IGrouping<string, BudgetLineData> g)
        {
            var first = g.First();
            var cells = years.ToDictionary(y => y, y => new ChangeCell(
                g.FirstOrDefault(l => l.Year == y && l.Measure == BudgetMeasure.Expenses)?.Amount,
                g.FirstOrDefault(l => l.Year == y && l.Measure == BudgetMeasure.Income)?.Amount,
                g.FirstOrDefault(l => l.Year == y && l.Measure == BudgetMeasure.Net)?.Amount));
            var notes = g.Where(l => !string.IsNullOrWhiteSpace(l.Note)).GroupBy(l => l.Note!.Trim(), StringComparer.Ordinal)
                .Select(n => $"{string.Join(", ", n.Select(l => l.Year).Distinct().Order())}: {n.Key}").ToList();
            return new ChangeRow(first.Scope == BudgetScope.Programme ? ProgrammeLabel(first) : first.Name, cells, notes);
        }

        var rows = changes.Where(l => l.Scope == BudgetScope.Programme).GroupBy(l => l.ScopeCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Row).ToList();
        var total = changes.Where(l => l.Scope == BudgetScope.Total).GroupBy(l => l.ScopeCode).Select(Row).FirstOrDefault();
        var checks = new Dictionary<int, AggregateCheck>();
        foreach (var year in years)
        {
            if (total?.Cells[year].Net is { } stated)
            {
                checks[year] = DataQuality.TotalEqualsSumOfParts(stated, rows.Select(c => c.Cells[year].Net).ToList(), EuroTolerance);
            }
        }

        return new BudgetReport { ChangeYears = years, Changes = rows, ChangeTotal = total, ChangeChecks = checks };
    }

    private static BudgetReport BuildPlan(IReadOnlyList<PlanProjectData> projects)
    {
        // A collective project (a parent, named by its parts' ParentCode) has no amounts of its own: its amounts are the sums
        // of its parts. The plan as a whole (role "plan") carries the coverage rows (negative).
        var leaves = projects.Where(p => p.Amounts.Count > 0 && !IsPlanTotal(p)).ToList();
        var total = projects.FirstOrDefault(IsPlanTotal);
        var years = projects.SelectMany(p => p.Amounts).Select(a => a.Year).Distinct().Order().ToList();
        PlanRow LeafRow(PlanProjectData project, int level) => new()
        {
            Code = project.Code,
            Name = project.Name,
            Description = project.Description,
            Level = level,
            Amounts = years.ToDictionary(y => y, y => project.Amounts.Where(a => a.Year == y).Select(a => (decimal?)a.Amount).FirstOrDefault()),
        };

        var rows = new List<PlanRow>();
        foreach (var project in projects.Where(p => !IsPlanTotal(p)))
        {
            if (project.Amounts.Count > 0)
            {
                if (ParentOf(project, projects) is null)
                {
                    rows.Add(LeafRow(project, 0));
                }

                continue;
            }

            var children = leaves.Where(l => ParentOf(l, projects) == project).ToList();
            rows.Add(new PlanRow
            {
                Code = project.Code,
                Name = project.Name,
                Description = project.Description,
                IsSubtotal = children.Count > 0,
                Amounts = years.ToDictionary(y => y, y => children.Count == 0
                    ? null
                    : (decimal?)children.SelectMany(c => c.Amounts).Where(a => a.Year == y).Sum(a => a.Amount)),
                Note = children.Count == 0 ? NoAmountsNote : SubtotalNote,
            });
            rows.AddRange(children.Select(c => LeafRow(c, 1)));
        }

        var report = new BudgetReport
        {
            PlanYears = years,
            Plan = rows,
            PlanTotals = years.ToDictionary(y => y, y => leaves.All(l => l.Amounts.Any(a => a.Year == y))
                ? leaves.SelectMany(l => l.Amounts).Where(a => a.Year == y).Sum(a => a.Amount)
                : (decimal?)null),
            PlanFunding = years.ToDictionary(y => y, y => string.Join("; ", leaves.SelectMany(l => l.Amounts)
                .Where(a => a.Year == y && !string.IsNullOrWhiteSpace(a.Funding)).Select(a => a.Funding!).Distinct())),
        };
        if (total is null)
        {
            return report;
        }

        var checks = new Dictionary<int, AggregateCheck>();
        foreach (var year in years)
        {
            var coverage = total.Amounts.Where(a => a.Year == year).ToList();
            if (coverage.Count > 0)
            {
                // The plan's spending per year must equal its coverage (dekking, stored negative).
                checks[year] = DataQuality.TotalEqualsSumOfParts(-coverage.Sum(a => a.Amount),
                    leaves.Select(l => l.Amounts.Where(a => a.Year == year).Select(a => (decimal?)a.Amount).FirstOrDefault()).ToList(), EuroTolerance);
            }
        }

        return report with
        {
            PlanCode = total.Code,
            PlanName = total.Name,
            Coverage = total.Amounts.GroupBy(a => a.Funding ?? "dekking").Select(g => new PlanRow
            {
                Code = total.Code,
                Name = $"Dekking: {g.Key}",
                FundingKind = g.Select(a => a.FundingKind).FirstOrDefault(k => k is not null),
                Amounts = years.ToDictionary(y => y, y => g.Where(a => a.Year == y).Select(a => (decimal?)a.Amount).FirstOrDefault()),
            }).ToList(),
            PlanChecks = checks,
        };
    }

    private static List<ReserveYear> BuildReserve(IReadOnlyList<ReserveMovementData> movements) =>
        movements.GroupBy(m => (m.Reserve, m.Year)).Select(g =>
        {
            var opening = g.FirstOrDefault(IsOpeningBalance);
            var closing = g.FirstOrDefault(IsClosingBalance);
            var flows = g.Where(IsFlow).ToList();

            // Opening balance + movements = closing balance; a missing opening balance makes it not checkable.
            var check = closing is null
                ? null
                : DataQuality.TotalEqualsSumOfParts(closing.Amount, [opening?.Amount, .. flows.Select(f => (decimal?)f.Amount)], EuroTolerance);
            return new ReserveYear
            {
                Year = g.Key.Year,
                Opening = opening?.Amount,
                Movements = flows,
                Closing = closing?.Amount,
                Check = check,
                IsEstimate = g.Any(m => m.IsEstimate),
                OpeningMissing = opening is null ? NoOpeningBalanceReason : null,
            };
        }).OrderBy(r => r.Year).ToList();

    private static List<CrossCheck> BuildCrossChecks(IReadOnlyList<BudgetLineData> lines, IReadOnlyList<ReserveMovementData> movements, BudgetReport plan)
    {
        var checks = new List<CrossCheck>();
        if (plan.PlanCode is not { } code)
        {
            return checks;
        }

        foreach (var year in plan.PlanYears)
        {
            var withdrawal = movements.Where(m => m.Year == year && IsPlanWithdrawal(m, code)).ToList();
            var fromReserve = plan.Coverage.FirstOrDefault(IsReserveCoverage)?.Amounts.GetValueOrDefault(year);
            if (withdrawal.Count > 0 && fromReserve is { } planned)
            {
                checks.Add(new CrossCheck(
                    $"{year}: onttrekking uit de reserve voor {code} ({Euro(withdrawal.Sum(w => w.Amount))}) tegen de dekking uit de reserve in het investeringsplan ({Euro(planned)})",
                    DataQuality.CompareStated(withdrawal.Sum(w => w.Amount), planned, EuroTolerance)));
            }
            else if (withdrawal.Count == 0 && fromReserve == 0m)
            {
                checks.Add(new CrossCheck($"{year}: het investeringsplan dekt niets uit de reserve en de reserve vermeldt geen onttrekking voor {code}", null, false));
            }
            else if (fromReserve is { } p)
            {
                checks.Add(new CrossCheck(
                    $"{year}: het investeringsplan dekt {Euro(p)} uit de reserve; de reserve noemt geen onttrekking voor {code} in dat jaar", null));
            }
        }

        // The lasten of the budget change against the plan, in the years in which the budget change's total gives lasten
        // (otherwise only a saldo, which includes the coverage and so cannot be compared with the plan).
        var changeExpenses = lines.Where(l => l.Stage == BudgetStage.Change && l.Scope == BudgetScope.Total && l.Measure == BudgetMeasure.Expenses)
            .OrderByDescending(l => l.Year).ToList();
        foreach (var lasten in changeExpenses)
        {
            if (plan.PlanTotals.GetValueOrDefault(lasten.Year) is { } plannedInYear)
            {
                checks.Insert(0, new CrossCheck(
                    $"{lasten.Year}: lasten van de begrotingswijziging {code} ({Euro(lasten.Amount)}) tegen het investeringsplan {lasten.Year} ({Euro(plannedInYear)})",
                    DataQuality.CompareStated(lasten.Amount, plannedInYear, EuroTolerance)));
            }
        }

        return checks;
    }
}
