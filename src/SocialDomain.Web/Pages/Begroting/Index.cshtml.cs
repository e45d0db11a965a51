using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Pages.Begroting;

/// <summary>
/// Begroting: budget against realisation per programme and lot (grouped by year), the WINST budget change per
/// programme, the WINST investment plan with its coverage, and the reserve Sociaal Domein. Shows what the data
/// holds; a missing budget or realisation is "niet beschikbaar" with the reason, never 0. Three database round trips.
/// </summary>
public class BudgetModel(SocialDomainDbContext db) : PageModel
{
    /// <summary>Amounts in these checks are whole euros; a difference below half a euro is rounding.</summary>
    public const decimal EuroTolerance = 0.5m;

    /// <summary>The project that stands for the WINST plan as a whole and carries its coverage (dekking) rows.</summary>
    public const string PlanCode = "WINST";

    public const string NoLotDetailReason =
        "niet beschikbaar: de grafiek met de gewijzigde begroting en de realisatie 2019 per perceel (KPMG-rapport, regels 2038–2093) " +
        "is bij het overnemen door elkaar geraakt; per perceel is niet vast te stellen welk bedrag welk is";

    public const string NoOriginalProgrammeReason =
        "niet beschikbaar: de bronnen noemen de primitieve begroting van het programma niet (het KPMG-rapport verwijst naar het Jaarverslag 2019, dat niet in de bronnen zit)";

    public const string ForecastReason = "niet beschikbaar: meerjarenraming, het jaar was bij het verschijnen van de bron nog niet gerealiseerd";

    public bool HasData { get; private set; }

    /// <summary>Budget levels and realisation per year (newest first is not useful here: chronological).</summary>
    public IReadOnlyList<BudgetYear> Years { get; private set; } = [];

    /// <summary>Programmes with only a budget change (no level, no realisation).</summary>
    public IReadOnlyList<string> ProgrammesWithoutLevels { get; private set; } = [];

    public IReadOnlyList<int> ChangeYears { get; private set; } = [];

    public IReadOnlyList<ChangeRow> Changes { get; private set; } = [];

    public ChangeRow? ChangeTotal { get; private set; }

    /// <summary>Per year: does the stated total of the budget change equal the sum of the programmes?</summary>
    public IReadOnlyDictionary<int, AggregateCheck> ChangeChecks { get; private set; } = new Dictionary<int, AggregateCheck>();

    public IReadOnlyList<int> PlanYears { get; private set; } = [];

    public IReadOnlyList<PlanRow> Plan { get; private set; } = [];

    /// <summary>Total of the projects per year; null when a project lacks that year.</summary>
    public IReadOnlyDictionary<int, decimal?> PlanTotals { get; private set; } = new Dictionary<int, decimal?>();

    public IReadOnlyList<PlanRow> Coverage { get; private set; } = [];

    public IReadOnlyDictionary<int, string> PlanFunding { get; private set; } = new Dictionary<int, string>();

    /// <summary>Per year: total of the projects against the coverage (dekking) the plan states.</summary>
    public IReadOnlyDictionary<int, AggregateCheck> PlanChecks { get; private set; } = new Dictionary<int, AggregateCheck>();

    public IReadOnlyList<ReserveYear> Reserve { get; private set; } = [];

    public string? ReserveName { get; private set; }

    /// <summary>How the three sources agree with each other (budget change, plan, reserve).</summary>
    public IReadOnlyList<CrossCheck> CrossChecks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Round trip 1: every budget line with its programme name (38 rows).
        var lines = await db.BudgetLines.AsNoTracking()
            .OrderBy(l => l.Year).ThenBy(l => l.Id)
            .Select(l => new Line(l.Scope, l.ScopeCode, l.Name, l.ProgrammeCode, l.Programme != null ? l.Programme.Name : null,
                l.TaskFieldCode, l.Year, l.Stage, l.Measure, l.Amount, l.Note))
            .ToListAsync(cancellationToken);

        // Round trip 2: the projects with their yearly amounts (parents without amounts included).
        var projects = await db.Projects.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new
            {
                p.Code,
                p.Name,
                p.Description,
                Budgets = p.Budgets.OrderBy(b => b.Year).Select(b => new { b.Year, b.Amount, b.Funding }).ToList(),
            })
            .ToListAsync(cancellationToken);

        // Round trip 3: the reserve movements.
        var movements = await db.ReserveMovements.AsNoTracking()
            .OrderBy(m => m.Reserve).ThenBy(m => m.Year).ThenBy(m => m.Id)
            .Select(m => new Movement(m.Reserve, m.Year, m.Kind, m.Amount, m.Description))
            .ToListAsync(cancellationToken);

        HasData = lines.Count > 0 || projects.Count > 0 || movements.Count > 0;
        BuildLevels(lines);
        BuildChanges(lines);
        BuildPlan(projects.Select(p => new ProjectData(p.Code, p.Name, p.Description,
            p.Budgets.Select(b => new ProjectAmount(b.Year, b.Amount, b.Funding)).ToList())).ToList());
        BuildReserve(movements);
        BuildCrossChecks(lines, movements);
    }

    public static string Euro(decimal? amount) => amount is { } a ? DutchFormat.Euro(a) : "–";

    /// <summary>
    /// A variance row: the source states the overspend against the budget (stored as realisatie/saldo, see
    /// docs/data-sources/hilversum.md), not the realised amount itself.
    /// </summary>
    private static bool IsVarianceRow(Line line) =>
        line.Stage == BudgetStage.Actuals
        && ((line.Note?.StartsWith("Afwijking", StringComparison.OrdinalIgnoreCase) ?? false) || line.Name.Contains("tekort", StringComparison.OrdinalIgnoreCase));

    private void BuildLevels(List<Line> lines)
    {
        var levelStages = new[] { BudgetStage.OriginalBudget, BudgetStage.AmendedBudget, BudgetStage.Actuals };
        var levels = lines.Where(l => levelStages.Contains(l.Stage)).ToList();
        var originals = levels.Where(l => l.Stage == BudgetStage.OriginalBudget).ToList();
        Years = levels.GroupBy(l => l.Year).OrderBy(g => g.Key).Select(year =>
        {
            var rows = year.GroupBy(l => (l.Scope, l.ScopeCode)).Select(item => BuildLevelRow(item.ToList(), originals)).ToList();
            return new BudgetYear(
                year.Key,
                rows.Where(r => r.Scope == BudgetScope.Programme).ToList(),
                rows.Where(r => r.Scope is BudgetScope.Lot or BudgetScope.TaskField).ToList(),
                rows.Where(r => r.Scope == BudgetScope.Total).ToList());
        }).ToList();

        var withLevels = levels.Where(l => l.Scope == BudgetScope.Programme).Select(l => l.ScopeCode).ToHashSet(StringComparer.Ordinal);
        ProgrammesWithoutLevels = lines.Where(l => l.Scope == BudgetScope.Programme && !withLevels.Contains(l.ScopeCode))
            .Select(l => ProgrammeLabel(l)).Distinct().ToList();
    }

    private static LevelRow BuildLevelRow(List<Line> item, List<Line> originals)
    {
        var first = item[0];
        var original = item.FirstOrDefault(l => l.Stage == BudgetStage.OriginalBudget);
        var amended = item.FirstOrDefault(l => l.Stage == BudgetStage.AmendedBudget);
        var actual = item.FirstOrDefault(l => l.Stage == BudgetStage.Actuals && !IsVarianceRow(l));
        var variance = item.FirstOrDefault(l => l.Stage == BudgetStage.Actuals && IsVarianceRow(l));
        var measure = (original ?? amended ?? actual ?? variance ?? first).Measure;
        var label = first.Scope == BudgetScope.Programme ? ProgrammeLabel(first) : first.Name;
        var notes = item.Where(l => !string.IsNullOrWhiteSpace(l.Note)).Select(l => $"{StageLabel(l)}: {l.Note}").ToList();

        // Realisation: stated, or derived from a stated overspend on the amended budget (then labelled as derived).
        decimal? realisation = actual?.Amount;
        string? realisationNote = null;
        if (realisation is null && variance is not null && amended is not null)
        {
            realisation = amended.Amount + variance.Amount;
            realisationNote = $"afgeleid: gewijzigde begroting + vermeld tekort van {Euro(variance.Amount)}";
        }

        string? missingOriginal = original is null
            ? (first.Scope == BudgetScope.Programme ? NoOriginalProgrammeReason : "niet beschikbaar: niet in de bronnen")
            : null;
        string? missingAmended = amended is null ? MissingLevelReason(first) : null;
        string? missingRealisation = realisation is null ? MissingLevelReason(first) : null;

        // Variance through Core. Saldo amounts follow the Hilversum convention (positive = net cost); Core's
        // Net measure expects baten − lasten (negative = net cost), so saldi are passed with the sign flipped.
        BudgetComparison? comparison = null;
        BudgetVarianceResult? againstAmendedOnly = null;
        if (realisation is { } r)
        {
            var coreMeasure = measure;
            decimal Core(decimal amount) => measure == BudgetMeasure.Net ? -amount : amount;
            if (original is not null)
            {
                comparison = BudgetVariance.AgainstOriginalAndAmended(Core(r), Core(original.Amount), amended is null ? null : Core(amended.Amount), coreMeasure);
            }
            else if (amended is not null)
            {
                againstAmendedOnly = BudgetVariance.Against(Core(r), Core(amended.Amount), coreMeasure);
            }
        }

        var headline = comparison?.Headline ?? againstAmendedOnly;
        var why = headline is null
            ? (realisation is null ? "realisatie niet beschikbaar" : "begroting niet beschikbaar")
            : null;

        // The multi-year estimate against the same lot's budget in the first year with one (e.g. 2022 against 2019).
        var earlier = original is null
            ? null
            : originals.Where(l => l.Scope == first.Scope && l.ScopeCode == first.ScopeCode && l.Year < first.Year).OrderBy(l => l.Year).FirstOrDefault();
        var change = earlier is not null && original is not null && Growth.Percent(earlier.Amount, original.Amount) is { IsOk: true } g
            ? (Percent: g.Value, From: earlier.Year)
            : ((decimal Percent, int From)?)null;

        return new LevelRow(first.Scope, first.ScopeCode, label, measure, original?.Amount, missingOriginal,
            amended?.Amount, missingAmended, amended?.Name.Contains("afgeleid", StringComparison.OrdinalIgnoreCase) ?? false,
            realisation, realisationNote ?? missingRealisation, realisationNote is not null,
            headline, comparison?.AgainstAmended is not null ? comparison.AgainstOriginal : null, why, change?.Percent, change?.From, notes);
    }

    private static string MissingLevelReason(Line line) => line switch
    {
        { Scope: BudgetScope.Lot, Year: 2019 } => NoLotDetailReason,
        { Year: > 2020 } => ForecastReason,
        _ => "niet beschikbaar: niet in de bronnen",
    };

    private static string ProgrammeLabel(Line line) =>
        line.ProgrammeName is { } name ? $"Programma {line.ScopeCode} {name}" : line.Name;

    private static string StageLabel(Line line) => line.Stage switch
    {
        BudgetStage.OriginalBudget => "primitieve begroting",
        BudgetStage.AmendedBudget => "gewijzigde begroting",
        BudgetStage.Actuals => IsVarianceRow(line) ? "vermeld tekort" : "realisatie",
        _ => "begrotingswijziging",
    };

    private void BuildChanges(List<Line> lines)
    {
        var changes = lines.Where(l => l.Stage == BudgetStage.Change).ToList();
        ChangeYears = changes.Select(l => l.Year).Distinct().Order().ToList();
        ChangeRow Row(IGrouping<string, Line> g)
        {
            var first = g.First();
            var cells = ChangeYears.ToDictionary(y => y, y => new ChangeCell(
                g.FirstOrDefault(l => l.Year == y && l.Measure == BudgetMeasure.Expenses)?.Amount,
                g.FirstOrDefault(l => l.Year == y && l.Measure == BudgetMeasure.Income)?.Amount,
                g.FirstOrDefault(l => l.Year == y && l.Measure == BudgetMeasure.Net)?.Amount));
            return new ChangeRow(first.Scope == BudgetScope.Programme ? ProgrammeLabel(first) : first.Name, cells);
        }

        Changes = changes.Where(l => l.Scope == BudgetScope.Programme).GroupBy(l => l.ScopeCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Row).ToList();
        ChangeTotal = changes.Where(l => l.Scope == BudgetScope.Total).GroupBy(l => l.ScopeCode).Select(Row).FirstOrDefault();
        if (ChangeTotal is null)
        {
            return;
        }

        var checks = new Dictionary<int, AggregateCheck>();
        foreach (var year in ChangeYears)
        {
            if (ChangeTotal.Cells[year].Net is { } total)
            {
                checks[year] = DataQuality.TotalEqualsSumOfParts(total, Changes.Select(c => c.Cells[year].Net).ToList(), EuroTolerance);
            }
        }

        ChangeChecks = checks;
    }

    private void BuildPlan(List<ProjectData> projects)
    {
        // Parents (W7_ICT, W8_FORMATIE) have no amounts of their own: their amounts are the sums of their parts
        // (W7A..W7E, W8A..W8B). The plan as a whole ("WINST") carries the coverage rows (negative).
        var leaves = projects.Where(p => p.Amounts.Count > 0 && !IsPlanTotal(p)).ToList();
        var total = projects.FirstOrDefault(IsPlanTotal);
        PlanYears = projects.SelectMany(p => p.Amounts).Select(a => a.Year).Distinct().Order().ToList();
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
            if (children.Count == 0)
            {
                rows.Add(new PlanRow(project.Code, project.Name, project.Description, 0, false, PlanYears.ToDictionary(y => y, _ => (decimal?)null),
                    "geen bedragen in de bron"));
                continue;
            }

            rows.Add(new PlanRow(project.Code, project.Name, project.Description, 0, true,
                PlanYears.ToDictionary(y => y, y => (decimal?)children.SelectMany(c => c.Amounts).Where(a => a.Year == y).Sum(a => a.Amount)),
                "subtotaal: som van de onderdelen"));
            rows.AddRange(children.Select(c => LeafRow(c, 1)));
        }

        Plan = rows;
        PlanTotals = PlanYears.ToDictionary(y => y, y => leaves.All(l => l.Amounts.Any(a => a.Year == y))
            ? leaves.SelectMany(l => l.Amounts).Where(a => a.Year == y).Sum(a => a.Amount)
            : (decimal?)null);
        PlanFunding = PlanYears.ToDictionary(y => y, y => string.Join("; ", leaves.SelectMany(l => l.Amounts)
            .Where(a => a.Year == y && !string.IsNullOrWhiteSpace(a.Funding)).Select(a => a.Funding!).Distinct()));
        if (total is null)
        {
            return;
        }

        Coverage = total.Amounts.GroupBy(a => a.Funding ?? "dekking").Select(g => new PlanRow(total.Code, $"Dekking: {g.Key}", null, 0, false,
            PlanYears.ToDictionary(y => y, y => g.Where(a => a.Year == y).Select(a => (decimal?)a.Amount).FirstOrDefault()), null)).ToList();
        var checks = new Dictionary<int, AggregateCheck>();
        foreach (var year in PlanYears)
        {
            var coverage = total.Amounts.Where(a => a.Year == year).ToList();
            if (coverage.Count > 0)
            {
                // The plan's spending per year must equal its coverage (dekking, stored negative).
                checks[year] = DataQuality.TotalEqualsSumOfParts(-coverage.Sum(a => a.Amount),
                    leaves.Select(l => l.Amounts.Where(a => a.Year == year).Select(a => (decimal?)a.Amount).FirstOrDefault()).ToList(), EuroTolerance);
            }
        }

        PlanChecks = checks;

        PlanRow LeafRow(ProjectData project, int level) => new(project.Code, project.Name, project.Description, level, false,
            PlanYears.ToDictionary(y => y, y => project.Amounts.Where(a => a.Year == y).Select(a => (decimal?)a.Amount).FirstOrDefault()), null);
    }

    private static bool IsPlanTotal(ProjectData project) => project.Code == PlanCode;

    /// <summary>W7A_ICT_INVOEREN belongs to W7_ICT: its number ("W7A") extends the parent's ("W7") by a letter.</summary>
    private static ProjectData? ParentOf(ProjectData project, List<ProjectData> projects)
    {
        var number = project.Code.Split('_')[0];
        return projects.FirstOrDefault(p => p != project && p.Amounts.Count == 0
            && p.Code.Split('_')[0] is var parent && number.Length == parent.Length + 1
            && number.StartsWith(parent, StringComparison.Ordinal) && char.IsLetter(number[^1]));
    }

    private void BuildReserve(List<Movement> movements)
    {
        ReserveName = movements.Select(m => m.Reserve).FirstOrDefault();
        Reserve = movements.GroupBy(m => (m.Reserve, m.Year)).Select(g =>
        {
            var balances = g.Where(m => m.Kind == "saldo").ToList();
            var opening = balances.FirstOrDefault(m => m.Description?.Contains("1 januari", StringComparison.OrdinalIgnoreCase) ?? false);
            var closing = balances.FirstOrDefault(m => m.Description?.Contains("31 december", StringComparison.OrdinalIgnoreCase) ?? false);
            var flows = g.Where(m => m.Kind != "saldo").ToList();
            AggregateCheck? check = null;
            if (closing is not null)
            {
                // Opening balance + movements = closing balance; a missing opening balance makes it not checkable.
                check = DataQuality.TotalEqualsSumOfParts(closing.Amount, [opening?.Amount, .. flows.Select(f => (decimal?)f.Amount)], EuroTolerance);
            }

            var isEstimate = g.Any(m => m.Description?.Contains("raming", StringComparison.OrdinalIgnoreCase) ?? false);
            return new ReserveYear(g.Key.Year, opening?.Amount, flows, closing?.Amount, check, isEstimate,
                opening is null ? "geen beginstand in de bron" : null);
        }).OrderBy(r => r.Year).ToList();
    }

    private void BuildCrossChecks(List<Line> lines, List<Movement> movements)
    {
        var checks = new List<CrossCheck>();
        foreach (var year in PlanYears)
        {
            var withdrawal = movements.Where(m => m.Year == year && m.Kind == "onttrekking" && (m.Description?.Contains("WINST", StringComparison.Ordinal) ?? false)).ToList();
            var fromReserve = Coverage.FirstOrDefault(c => c.Name.Contains("Reserve", StringComparison.OrdinalIgnoreCase))?.Amounts.GetValueOrDefault(year);
            if (withdrawal.Count > 0 && fromReserve is { } planned)
            {
                checks.Add(new CrossCheck(
                    $"{year}: onttrekking uit de reserve voor WINST ({Euro(withdrawal.Sum(w => w.Amount))}) tegen de dekking uit de reserve in het investeringsplan ({Euro(planned)})",
                    DataQuality.CompareStated(withdrawal.Sum(w => w.Amount), planned, EuroTolerance)));
            }
            else if (withdrawal.Count == 0 && fromReserve == 0m)
            {
                checks.Add(new CrossCheck($"{year}: het investeringsplan dekt niets uit de reserve en de reserve vermeldt geen onttrekking voor WINST", null, false));
            }
            else if (fromReserve is { } p)
            {
                checks.Add(new CrossCheck(
                    $"{year}: het investeringsplan dekt {Euro(p)} uit de reserve; de reserve noemt geen onttrekking voor WINST in dat jaar", null));
            }
        }

        var lasten2017 = lines.FirstOrDefault(l => l.Stage == BudgetStage.Change && l.Scope == BudgetScope.Total && l.Year == 2017 && l.Measure == BudgetMeasure.Expenses);
        if (lasten2017 is not null && PlanTotals.GetValueOrDefault(2017) is { } plan2017)
        {
            checks.Insert(0, new CrossCheck(
                $"2017: lasten van de begrotingswijziging WINST ({Euro(lasten2017.Amount)}) tegen het investeringsplan 2017 ({Euro(plan2017)})",
                DataQuality.CompareStated(lasten2017.Amount, plan2017, EuroTolerance)));
        }

        CrossChecks = checks;
    }

    public sealed record Line(
        BudgetScope Scope,
        string ScopeCode,
        string Name,
        string? ProgrammeCode,
        string? ProgrammeName,
        string? TaskFieldCode,
        int Year,
        BudgetStage Stage,
        BudgetMeasure Measure,
        decimal Amount,
        string? Note);

    public sealed record BudgetYear(int Year, IReadOnlyList<LevelRow> Programmes, IReadOnlyList<LevelRow> Lots, IReadOnlyList<LevelRow> Totals)
    {
        public IEnumerable<LevelRow> All => Programmes.Concat(Lots).Concat(Totals);
    }

    public sealed record LevelRow(
        BudgetScope Scope,
        string Code,
        string Label,
        BudgetMeasure Measure,
        decimal? Original,
        string? OriginalMissing,
        decimal? Amended,
        string? AmendedMissing,
        bool AmendedIsDerived,
        decimal? Realisation,
        string? RealisationNote,
        bool RealisationIsDerived,
        BudgetVarianceResult? Variance,
        BudgetVarianceResult? VarianceAgainstOriginal,
        string? VarianceMissing,
        decimal? ChangePercent,
        int? ChangeFromYear,
        IReadOnlyList<string> Notes);

    public sealed record ChangeCell(decimal? Expenses, decimal? Income, decimal? Net);

    public sealed record ChangeRow(string Label, IReadOnlyDictionary<int, ChangeCell> Cells);

    public sealed record ProjectAmount(int Year, decimal Amount, string? Funding);

    public sealed record ProjectData(string Code, string Name, string? Description, IReadOnlyList<ProjectAmount> Amounts);

    public sealed record PlanRow(string Code, string Name, string? Description, int Level, bool IsSubtotal, IReadOnlyDictionary<int, decimal?> Amounts, string? Note)
    {
        /// <summary>Sum over the years; null when a year is missing (never counted as 0).</summary>
        public decimal? Total => Amounts.Values.Any(a => a is null) ? null : Amounts.Values.Sum();
    }

    public sealed record Movement(string Reserve, int Year, string Kind, decimal Amount, string? Description);

    public sealed record ReserveYear(int Year, decimal? Opening, IReadOnlyList<Movement> Movements, decimal? Closing, AggregateCheck? Check, bool IsEstimate, string? OpeningMissing)
    {
        public decimal Deposits => Movements.Where(m => m.Amount > 0m).Sum(m => m.Amount);

        public decimal Withdrawals => Movements.Where(m => m.Amount < 0m).Sum(m => m.Amount);
    }

    /// <param name="NeedsCheck">False for a statement that needs no check (nothing planned, nothing withdrawn).</param>
    public sealed record CrossCheck(string What, AggregateCheck? Check, bool NeedsCheck = true);
}
