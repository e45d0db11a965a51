using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Features.Overview;

namespace SocialDomain.Web.Features.Domains;

/// <summary>A taakveld of the domain (code and name, from task_fields).</summary>
public sealed record DomainTaskField(string Code, string Name);

/// <summary>The home municipality's own benchmark figure of one taakveld (saldo per inhabitant as printed, negative = net cost).</summary>
public sealed record HomeTaskFieldFigure(string TaskFieldCode, int Year, BenchmarkStage Stage, decimal? Saldo);

/// <summary>Everything a domain page is built from, as <see cref="DomainQuery"/> read it.</summary>
/// <param name="Overview">The Kwartaaloverzicht of the current quarter for this reader (its KPI rows and statuses).</param>
/// <param name="Benchmark">The benchmark report of the domain total; null when the page has no benchmark domain.</param>
/// <param name="KpiTaskFields">The taakveld of each KPI that has one, by KPI code.</param>
/// <param name="Populations">The home municipality's population per characteristics snapshot.</param>
public sealed record DomainData(
    DomainPage Page,
    OverviewReport Overview,
    IReadOnlyDictionary<string, string> KpiTaskFields,
    IReadOnlyList<DomainTaskField> TaskFields,
    IReadOnlyList<BudgetLineData> BudgetLines,
    BenchmarkReport? Benchmark,
    IReadOnlyList<HomeTaskFieldFigure> HomeFigures,
    IReadOnlyList<PopulationSnapshot> Populations,
    IReadOnlyList<ThresholdVersion>? Thresholds = null);

/// <summary>(a) The KPIs of the domain against their targets in the current quarter, worst first.</summary>
/// <param name="Quarter">The quarter of the overview; null when none is available to this reader.</param>
public sealed record DomainKpiPart(Period? Quarter, StatusCounts Counts, IReadOnlyList<KpiRow> Rows);

/// <summary>
/// (b) One taakveld in one year: begroting, gewijzigde begroting, and realisatie (jaarrekening) or else the latest prognose,
/// with the variance and, when thresholds are set, whether it must be explained.
/// </summary>
/// <param name="Compared">The amount the budget is compared with: realisatie of the whole year, or the latest prognose.</param>
/// <param name="ComparedLabel">"realisatie" or "prognose (stand 30-04-2019)".</param>
/// <param name="Headline">Variance against the gewijzigde begroting when there is one, else against the primitieve.</param>
/// <param name="Judgement">The verdict under the thresholds; null when no thresholds are set or there is no variance.</param>
/// <param name="Missing">Why there is no variance; null when there is one.</param>
public sealed record BudgetTaskFieldRow(
    DomainTaskField TaskField,
    int Year,
    decimal? Original,
    decimal? Amended,
    decimal? Compared,
    string? ComparedLabel,
    BudgetVarianceResult? AgainstOriginal,
    BudgetVarianceResult? AgainstAmended,
    ExplanationJudgement? Judgement,
    string? Missing)
{
    public BudgetVarianceResult? Headline => AgainstAmended ?? AgainstOriginal;

    /// <summary>"nadelig: hogere lasten dan begroot" and so on; null without a variance.</summary>
    public string? Direction => Headline is { } h ? ExplanationThreshold.DirectionLabel(h.Kind, BudgetMeasure.Expenses) : null;
}

/// <summary>(b) Budget against realisatie or prognose per taakveld of the domain.</summary>
/// <param name="Thresholds">The toelichtingsgrenzen; null when none are set.</param>
public sealed record DomainBudgetPart(IReadOnlyList<BudgetTaskFieldRow> Rows, ExplanationThresholds? Thresholds)
{
    /// <summary>"toelichten boven € 250.000 én 10%", or "geen toelichtingsgrenzen ingesteld".</summary>
    public string ThresholdsText => Thresholds?.Description ?? "geen toelichtingsgrenzen ingesteld";
}

/// <summary>(c) Own cost per inhabitant of one taakveld and year against the G40 figure; <see cref="Result"/> says why when it cannot.</summary>
public sealed record OwnCostRow(DomainTaskField TaskField, int Year, Result<OwnCostPerInhabitant> Result);

/// <summary>
/// (c) € per inhabitant of the domain total against the G40 average, the size class and "gemeenten zoals wij" (from the
/// benchmark report), and the own cost per inhabitant per taakveld.
/// </summary>
/// <param name="Missing">Why there are no G40 figures for the domain; null when there are.</param>
public sealed record DomainBenchmarkPart(BenchmarkReport? Report, IReadOnlyList<OwnCostRow> OwnCosts, string? Missing)
{
    /// <summary>The home municipality's bar in the selected column (saldo, rank); null without one.</summary>
    public BarRow? Home => Report?.HomeBar;

    public IReadOnlyList<ReferenceRow> References =>
        Report is null ? [] : new[] { Report.G40RecomputedReference, Report.SizeClassReference }.OfType<ReferenceRow>().ToList();
}

/// <summary>
/// A domain page: the three deviations side by side. Pure: built from <see cref="DomainData"/> and the thresholds by
/// <see cref="Build"/>. Statuses come from the overview (one rule), variances from Core
/// (<see cref="HilversumBudget"/>, <see cref="ExplanationThreshold"/>), own cost from <see cref="OwnCost"/>.
/// </summary>
public sealed record DomainReport(DomainPage Page, IReadOnlyList<DomainTaskField> TaskFields, DomainKpiPart Kpis, DomainBudgetPart Budget, DomainBenchmarkPart Benchmark)
{
    /// <summary>Severity order of "worst first": uit koers, aandacht, op koers, niet te beoordelen.</summary>
    public static IReadOnlyList<KpiStatus?> WorstFirst { get; } = [KpiStatus.OffTrack, KpiStatus.Attention, KpiStatus.OnTrack, null];

    private static readonly BudgetStage[] BudgetStages = [BudgetStage.OriginalBudget, BudgetStage.AmendedBudget, BudgetStage.Actuals, BudgetStage.Forecast];

    /// <summary>With the same thresholds for every year.</summary>
    public static DomainReport Build(DomainData data, ExplanationThresholds? thresholds) => Build(data, _ => thresholds, thresholds);

    /// <summary>With the stored threshold versions: each year's variance is judged by the version in force for that year.</summary>
    public static DomainReport Build(DomainData data, IReadOnlyList<ThresholdVersion> versions) =>
        Build(data, year => ThresholdVersions.InForce(versions, year)?.Thresholds, versions.MaxBy(v => (v.ValidFromYear, v.RecordedAt))?.Thresholds);

    private static DomainReport Build(DomainData data, Func<int, ExplanationThresholds?> thresholdsFor, ExplanationThresholds? shown)
    {
        ArgumentNullException.ThrowIfNull(data);
        var codes = data.TaskFields.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var lines = data.BudgetLines
            .Where(l => l.Measure == BudgetMeasure.Expenses && BudgetStages.Contains(l.Stage))
            .Select(l => (Line: l, TaskField: TaskFieldOf(l)))
            .Where(l => l.TaskField is { } code && codes.Contains(code))
            .ToList();
        return new DomainReport(data.Page, data.TaskFields, KpiPart(data), BudgetPart(data.TaskFields, lines, thresholdsFor, shown), BenchmarkPart(data, lines));
    }

    /// <summary>The taakveld a budget line counts for: a taakveld line's code, or the taakveld the line names (a lot's).</summary>
    public static string? TaskFieldOf(BudgetLineData line) => line.Scope switch
    {
        BudgetScope.TaskField => line.TaskFieldCode ?? line.ScopeCode,
        BudgetScope.Lot => line.TaskFieldCode,
        _ => null,
    };

    /// <summary>Whether a line is the realisatie (lasten) of a whole year, the jaarrekening: what own cost and cost per client divide.</summary>
    public static bool IsWholeYearRealisation(BudgetLineData line) =>
        line.Stage == BudgetStage.Actuals && line.PeriodEnd is null && line.Measure == BudgetMeasure.Expenses;

    private static DomainKpiPart KpiPart(DomainData data)
    {
        var taskFields = data.TaskFields.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var rows = data.Overview.Rows
            .Where(r => data.Page.KpiDomains.Contains(r.Domain) || (data.KpiTaskFields.TryGetValue(r.Code, out var t) && taskFields.Contains(t)))
            .OrderBy(r => WorstFirst.ToList().IndexOf(r.Status))
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new DomainKpiPart(data.Overview.SelectedQuarter, StatusCounts.Of(rows), rows);
    }

    private static DomainBudgetPart BudgetPart(IReadOnlyList<DomainTaskField> taskFields, List<(BudgetLineData Line, string? TaskField)> lines,
        Func<int, ExplanationThresholds?> thresholdsFor, ExplanationThresholds? shown)
    {
        var rows = new List<BudgetTaskFieldRow>();
        foreach (var year in lines.Select(l => l.Line.Year).Distinct().OrderDescending())
        {
            foreach (var field in taskFields)
            {
                var own = lines.Where(l => l.Line.Year == year && l.TaskField == field.Code).Select(l => l.Line).ToList();
                if (own.Count > 0)
                {
                    rows.Add(BudgetRow(field, year, own, thresholdsFor(year)));
                }
            }
        }

        return new DomainBudgetPart(rows, shown);
    }

    private static BudgetTaskFieldRow BudgetRow(DomainTaskField field, int year, List<BudgetLineData> lines, ExplanationThresholds? thresholds)
    {
        var original = Sum(lines.Where(l => l.Stage == BudgetStage.OriginalBudget));
        var amended = Sum(lines.Where(l => l.Stage == BudgetStage.AmendedBudget));
        var (compared, label, duringYear) = ComparedAmount(lines);
        if (compared is not { } amount || (original is null && amended is null) || duringYear)
        {
            var missing = original is null && amended is null ? "geen begroting"
                : duringYear ? $"{label}: een realisatie tot een datum in het jaar is niet met de jaarbegroting te vergelijken"
                : "nog geen realisatie of prognose";
            return new BudgetTaskFieldRow(field, year, original, amended, compared, label, null, null, null, missing);
        }

        var againstOriginal = original is { } o ? HilversumBudget.Against(amount, o, BudgetMeasure.Expenses) : null;
        var againstAmended = amended is { } a ? HilversumBudget.Against(amount, a, BudgetMeasure.Expenses) : null;
        var headline = againstAmended ?? againstOriginal!;
        return new BudgetTaskFieldRow(field, year, original, amended, amount, label, againstOriginal, againstAmended,
            thresholds is null ? null : ExplanationThreshold.Judge(headline, thresholds), null);
    }

    /// <summary>
    /// The realisatie of the whole year; else the prognose of the latest peildatum; else the latest realisatie during the
    /// year (shown, not compared). The lines of one stage and peildatum are summed (several lots in one taakveld).
    /// </summary>
    private static (decimal? Amount, string? Label, bool DuringYear) ComparedAmount(List<BudgetLineData> lines)
    {
        var actuals = lines.Where(l => l.Stage == BudgetStage.Actuals).ToList();
        if (Sum(actuals.Where(l => l.PeriodEnd is null)) is { } realisation)
        {
            return (realisation, "realisatie", false);
        }

        var forecast = lines.Where(l => l.Stage == BudgetStage.Forecast).ToList();
        if (forecast.Count > 0)
        {
            var latest = forecast.Max(l => l.PeriodEnd);
            return (Sum(forecast.Where(l => l.PeriodEnd == latest)), "prognose" + Stand(latest), false);
        }

        if (actuals.Count > 0)
        {
            var latest = actuals.Max(l => l.PeriodEnd);
            return (Sum(actuals.Where(l => l.PeriodEnd == latest)), "realisatie" + (latest is { } d ? $" t/m {d.ToString("dd-MM-yyyy", DutchFormat.Culture)}" : string.Empty), true);
        }

        return (null, null, false);
    }

    private static string Stand(DateOnly? date) => date is { } d ? $" (stand {d.ToString("dd-MM-yyyy", DutchFormat.Culture)})" : string.Empty;

    private static decimal? Sum(IEnumerable<BudgetLineData> lines)
    {
        var list = lines.ToList();
        return list.Count == 0 ? null : list.Sum(l => l.Amount);
    }

    private static DomainBenchmarkPart BenchmarkPart(DomainData data, List<(BudgetLineData Line, string? TaskField)> lines)
    {
        var report = data.Benchmark is { HasData: true, SelectedField: { TaskFieldCode: null } field } r && field.Domain == data.Page.BenchmarkDomain ? r : null;
        var missing = report is not null ? null
            : data.Page.BenchmarkDomain is null ? data.Page.Note ?? "geen G40-cijfers voor dit domein"
            : "geen G40-cijfers voor dit domein geladen";

        // Own cost per inhabitant: every year with a whole-year realisatie of a taakveld of the domain, and the latest year of
        // the home municipality's own G40 figures (jaarrekening), each taakveld of the domain.
        var realisations = lines.Where(l => IsWholeYearRealisation(l.Line)).ToList();
        var benchmarkYears = data.HomeFigures.Where(f => f.Stage == BenchmarkStage.AnnualAccounts).Select(f => f.Year).ToList();
        var years = realisations.Select(l => l.Line.Year)
            .Concat(benchmarkYears.Count > 0 ? [benchmarkYears.Max()] : [])
            .Distinct().OrderDescending().ToList();
        var ownCosts = years.SelectMany(year => data.TaskFields.Select(field =>
        {
            var amounts = realisations.Where(l => l.Line.Year == year && l.TaskField == field.Code).Select(l => l.Line).ToList();
            var saldo = data.HomeFigures.FirstOrDefault(f => f.TaskFieldCode == field.Code && f.Year == year && f.Stage == BenchmarkStage.AnnualAccounts)?.Saldo;
            return new OwnCostRow(field, year, OwnCost.PerInhabitant(field.Code, year, Sum(amounts), data.Populations, saldo));
        })).ToList();
        return new DomainBenchmarkPart(report, ownCosts, missing);
    }
}
