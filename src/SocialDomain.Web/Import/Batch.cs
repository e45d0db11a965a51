using System.Globalization;
using SmartTarget = SocialDomain.Core.Calculations.SmartTarget;
using SmartTargetField = SocialDomain.Core.Calculations.SmartTargetField;
using SmartTargetInput = SocialDomain.Core.Calculations.SmartTargetInput;
using SmartTargetTime = SocialDomain.Core.Calculations.SmartTargetTime;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Import;

/// <summary>A percentage printed under a G40 table (growth of lasten, or budgeted deficit).</summary>
public sealed record StatedSummary(
    string EntityCode,
    SocialDomainArea Domain,
    StatedSummaryKind Kind,
    int FromYear,
    BenchmarkStage FromStage,
    int ToYear,
    BenchmarkStage ToStage,
    decimal StatedPercent,
    SourceReference Source);

/// <summary>
/// A row of source_checks.csv: a statement in a source (document and line) checked against the figures it concerns
/// (docs/data-sources/checks.md). <paramref name="Stated"/> is the printed number (its scale is its precision), or null
/// when <paramref name="StatedFigure"/> names a stored figure instead.
/// </summary>
public sealed record SourceCheck(
    string Code,
    DataQualityCheck Kind,
    decimal? Stated,
    string? StatedFigure,
    IReadOnlyList<string> Figures,
    string Claim,
    SourceReference Source,
    decimal Unit = 1m,
    decimal InputHalfUnit = 0m,
    decimal Factor = 1m,
    decimal CircaPercent = 0m,
    int? TableDecimals = null,
    string? KpiCode = null,
    string? BudgetScope = null,
    string? BudgetCode = null,
    int? Year = null);

/// <summary>Everything parsed from one import, with the line each item came from.</summary>
internal sealed class Batch
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public List<Item<Programme>> Programmes { get; } = [];

    public List<Item<TaskField>> TaskFields { get; } = [];

    public List<Item<Municipality>> Entities { get; } = [];

    public List<Item<MunicipalityCharacteristics>> Characteristics { get; } = [];

    public List<Item<BenchmarkObservation>> Observations { get; } = [];

    public List<Item<StatedSummary>> Summaries { get; } = [];

    public List<Item<SourceCheck>> SourceChecks { get; } = [];

    public List<Item<Kpi>> Kpis { get; } = [];

    public List<KpiItem<KpiTarget>> Targets { get; } = [];

    /// <summary>Per line of targets.csv the texts as the target editor's rules read them (kept while parsing).</summary>
    public Dictionary<int, SmartTargetInput> TargetInputs { get; } = [];

    public List<KpiItem<KpiMeasurement>> Measurements { get; } = [];

    public List<KpiItem<KpiReferenceValue>> ReferenceValues { get; } = [];

    public List<Item<BudgetLine>> BudgetLines { get; } = [];

    public List<Item<Project>> Projects { get; } = [];

    public List<Item<ProjectBudget>> ProjectBudgets { get; } = [];

    public List<Item<ReserveMovement>> ReserveMovements { get; } = [];

    /// <summary>The lines of the IV3 budget cycle (<see cref="BudgetCycleImport"/>).</summary>
    public List<BudgetCycleRow> BudgetCycle { get; } = [];

    /// <summary>What the import did not store on purpose, for the report (e.g. a taakveld outside the sociaal domein).</summary>
    public List<string> Notices { get; } = [];

    public List<Item<ExplanationThresholdSetting>> Thresholds { get; } = [];

    /// <summary>Checks that need more than one field: duplicates, references, totals, value ranges.</summary>
    public void ValidateAcrossRows(IReadOnlyDictionary<string, CsvSheet> sheets, KnownCodes known)
    {
        CsvSheet Sheet(string name) => sheets[name];

        Unique(Programmes, p => p.Code, () => Sheet("programmes"));
        Unique(TaskFields, t => t.Code, () => Sheet("task_fields"));
        foreach (var (row, field) in TaskFields)
        {
            RequireKnown(Sheet("task_fields"), row, "programme", field.ProgrammeCode, known.Programmes, "programmacode");
        }

        Unique(Entities, e => e.Code, () => Sheet("entities"));
        var sizeClasses = Entities.Where(e => e.Value.Kind == BenchmarkEntityKind.SizeClass).Select(e => e.Value.Code)
            .Concat(known.SizeClasses).ToHashSet(StringComparer.Ordinal);
        foreach (var (row, entity) in Entities)
        {
            RequireKnown(Sheet("entities"), row, "size_class", entity.SizeClassCode, sizeClasses, "grootteklasse");
        }

        Unique(Characteristics, c => (c.MunicipalityCode, c.Snapshot), () => Sheet("characteristics"));
        foreach (var (row, c) in Characteristics)
        {
            RequireKnown(Sheet("characteristics"), row, "entity_code", c.MunicipalityCode, known.Municipalities, "gemeentecode");
        }

        ValidateObservations(sheets, known);
        Unique(SourceChecks, c => c.Code, () => Sheet("source_checks"));
        foreach (var (row, summary) in Summaries)
        {
            RequireKnown(Sheet("stated_summaries"), row, "entity_code", summary.EntityCode, known.Municipalities, "gemeentecode");
        }

        Unique(Kpis, k => k.Code, () => Sheet("kpis"));
        foreach (var (row, kpi) in Kpis)
        {
            RequireKnown(Sheet("kpis"), row, "programme", kpi.ProgrammeCode, known.Programmes, "programmacode");
            RequireKnown(Sheet("kpis"), row, "task_field", kpi.TaskFieldCode, known.TaskFields.Keys, "taakveld");
        }

        Unique(Measurements, m => (m.KpiCode, m.Value.Year, m.Value.Quarter), () => Sheet("measurements"));
        Unique(ReferenceValues, m => (m.KpiCode, m.Value.Year, m.Value.Quarter, m.Value.Reference), () => Sheet("reference_values"));
        foreach (var (row, code, m) in Measurements)
        {
            if (known.Kpis.TryGetValue(code, out var unit) && UnitRanges.ForMeasurement(unit) is { } range && !range.Contains(m.Value))
            {
                Sheet("measurements").Problem(row, "value",
                    $"{m.Value.ToString(Dutch)} past niet bij de eenheid van KPI {code} (toegestaan {range.Min.ToString(Dutch)} tot en met {range.Max.ToString(Dutch)}).");
            }
        }

        var targetCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, code, target) in Targets)
        {
            var version = targetCounts[code] = targetCounts.GetValueOrDefault(code) + 1;
            target.Version = version;
            if (version > 1 && string.IsNullOrWhiteSpace(target.ChangeReason))
            {
                Sheet("targets").Problem(row, "change_reason",
                    $"Dit is wijziging {version - 1} van de streefwaarde van {code}; een reden (change_reason) is verplicht.");
            }
        }

        ValidateTargetRules(sheets, known);

        Unique(BudgetLines, b => (b.Scope, b.ScopeCode, b.Year, b.Stage, b.Measure), () => Sheet("budget_lines"));
        foreach (var (row, line) in BudgetLines)
        {
            RequireKnown(Sheet("budget_lines"), row, "code", line.ProgrammeCode, known.Programmes, "programmacode");
            RequireKnown(Sheet("budget_lines"), row, line.Scope == BudgetScope.TaskField ? "code" : "task_field", line.TaskFieldCode, known.TaskFields.Keys, "taakveld");
        }

        Unique(Projects, p => p.Code, () => Sheet("projects"));
        foreach (var (row, project) in Projects)
        {
            if (project.ParentCode is { Length: > 0 } parent && parent == project.Code)
            {
                Sheet("projects").Problem(row, "parent_code", $"Project {project.Code} kan geen onderdeel van zichzelf zijn.");
            }
            else
            {
                RequireKnown(Sheet("projects"), row, "parent_code", project.ParentCode, known.Projects, "projectcode (onderdeel van)");
            }
        }

        // A part of a part of itself: following the parents from a project leads back to it (self-parents are reported above).
        var parents = Projects.GroupBy(p => p.Value.Code).ToDictionary(g => g.Key, g => g.First().Value.ParentCode, StringComparer.Ordinal);
        foreach (var (row, project) in Projects.Where(p => p.Value.ParentCode != p.Value.Code))
        {
            var at = parents.GetValueOrDefault(project.ParentCode ?? string.Empty);
            for (var steps = 0; at is { Length: > 0 } && steps < parents.Count; steps++, at = parents.GetValueOrDefault(at))
            {
                if (at == project.Code)
                {
                    Sheet("projects").Problem(row, "parent_code", $"Project {project.Code} is via {project.ParentCode} een onderdeel van zichzelf.");
                    break;
                }
            }
        }

        Unique(ProjectBudgets, b => (b.ProjectCode, b.Year, b.Funding), () => Sheet("project_budgets"));
        foreach (var (row, budget) in ProjectBudgets)
        {
            RequireKnown(Sheet("project_budgets"), row, "project_code", budget.ProjectCode, known.Projects, "projectcode");
        }

        Unique(ReserveMovements, r => (r.Reserve, r.Year, r.Kind, r.Description), () => Sheet("reserve_movements"));
        foreach (var (row, movement) in ReserveMovements)
        {
            RequireKnown(Sheet("reserve_movements"), row, "project_code", movement.ProjectCode, known.Projects, "projectcode");
        }
    }

    /// <summary>
    /// Every imported target version passes the target editor's rules (<see cref="SmartTarget.RecordedProblems"/>: unit
    /// ranges, tolerances, deadline after baseline, rationale, geldig vanaf, decision), so the command line and the seed
    /// cannot store a target the editor would refuse. A line the importer already reported is checked again once it is corrected,
    /// so no cell is reported twice.
    /// </summary>
    private void ValidateTargetRules(IReadOnlyDictionary<string, CsvSheet> sheets, KnownCodes known)
    {
        if (Targets.Count == 0)
        {
            return;
        }

        var sheet = sheets["targets"];
        var reported = sheet.ProblemLines();
        var time = new SmartTargetTime(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), null);
        foreach (var (row, code, target) in Targets)
        {
            if (reported.Contains(row.Line) || !known.Kpis.TryGetValue(code, out var unit))
            {
                continue;
            }

            var input = TargetInputs[row.Line];
            foreach (var problem in SmartTarget.RecordedProblems(input, unit, isChange: target.Version > 1, time))
            {
                sheet.Problem(row, problem.Field == SmartTargetField.Deadline ? "deadline_period" : ModelLimits.Snake(problem.Field.ToString()), problem.Message);
            }
        }
    }

    private void ValidateObservations(IReadOnlyDictionary<string, CsvSheet> sheets, KnownCodes known)
    {
        if (Observations.Count == 0)
        {
            return;
        }

        var sheet = sheets["benchmark_observations"];
        Unique(Observations, o => (o.MunicipalityCode, o.Domain, o.TaskFieldCode, o.Year, o.Stage), () => sheet);
        foreach (var (row, o) in Observations)
        {
            RequireKnown(sheet, row, "entity_code", o.MunicipalityCode, known.Municipalities, "gemeentecode");
            if (o.TaskFieldCode is { } field)
            {
                if (!known.TaskFields.TryGetValue(field, out var domain))
                {
                    sheet.Problem(row, "task_field", $"Onbekend taakveld '{field}'.");
                }
                else if (domain != o.Domain)
                {
                    sheet.Problem(row, "task_field", $"Taakveld {field} hoort niet bij domein {o.Domain.ToString().ToLowerInvariant()}.");
                }
            }
        }

        // A total must equal the sum of its task fields (±0,1) when all are present.
        foreach (var group in Observations.GroupBy(o => (o.Value.MunicipalityCode, o.Value.Domain, o.Value.Year, o.Value.Stage)))
        {
            var total = group.FirstOrDefault(o => o.Value.TaskFieldCode is null);
            var parts = group.Where(o => o.Value.TaskFieldCode is not null).ToList();
            if (total.Value?.ValuePerInhabitant is not { } stated || parts.Count == 0 || parts.Any(p => p.Value.ValuePerInhabitant is null))
            {
                continue;
            }

            var sum = parts.Sum(p => p.Value.ValuePerInhabitant!.Value);
            if (Math.Abs(stated - sum) > 0.1m)
            {
                sheet.Problem(total.Row, "value",
                    $"Totaal {stated.ToString(Dutch)} wijkt meer dan 0,1 af van de som van de taakvelden ({sum.ToString(Dutch)}).");
            }
        }
    }

    private static void RequireKnown(CsvSheet sheet, CsvRow row, string column, string? code, IEnumerable<string> known, string what)
    {
        if (code is not null && code.Length > 0 && !known.Contains(code, StringComparer.Ordinal))
        {
            sheet.Problem(row, column, $"Onbekende {what} '{code}'.");
        }
    }

    private static void Unique<T, TKey>(IEnumerable<Item<T>> items, Func<T, TKey> key, Func<CsvSheet> sheet)
        where TKey : notnull
    {
        var seen = new Dictionary<TKey, int>();
        foreach (var (row, value) in items)
        {
            if (!seen.TryAdd(key(value), row.Line))
            {
                sheet().Problem(row, null, $"Dubbele regel: dezelfde sleutel staat ook op regel {seen[key(value)]}.");
            }
        }
    }

    private static void Unique<T, TKey>(IEnumerable<KpiItem<T>> items, Func<KpiItem<T>, TKey> key, Func<CsvSheet> sheet)
        where TKey : notnull
    {
        var seen = new Dictionary<TKey, int>();
        foreach (var item in items)
        {
            if (!seen.TryAdd(key(item), item.Row.Line))
            {
                sheet().Problem(item.Row, null, $"Dubbele regel: dezelfde sleutel staat ook op regel {seen[key(item)]}.");
            }
        }
    }
}

internal readonly record struct Item<T>(CsvRow Row, T Value);

internal readonly record struct KpiItem<T>(CsvRow Row, string KpiCode, T Value);
