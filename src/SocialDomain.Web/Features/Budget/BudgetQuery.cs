using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Budget;

/// <summary>A budget line as the report needs it. Amounts as Hilversum books them (lasten +, baten −, saldo = lasten + baten).</summary>
public sealed record BudgetLineData
{
    public required BudgetScope Scope { get; init; }

    /// <summary>Programme number, task field code, lot code or "TOTAAL".</summary>
    public required string ScopeCode { get; init; }

    public required string Name { get; init; }

    public string? ProgrammeCode { get; init; }

    /// <summary>Name of the programme the line belongs to, when it is known.</summary>
    public string? ProgrammeName { get; init; }

    public string? TaskFieldCode { get; init; }

    /// <summary>Name of the IV3 task field, when the line has one.</summary>
    public string? TaskFieldName { get; init; }

    public required int Year { get; init; }

    public required BudgetStage Stage { get; init; }

    public required BudgetMeasure Measure { get; init; }

    public required decimal Amount { get; init; }

    public string? Note { get; init; }

    /// <summary>Last day of the period a realisatie or prognose during the year covers; null for a whole year.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Number, adoption date and reason of a begrotingswijziging.</summary>
    public string? ChangeNumber { get; init; }

    public DateOnly? ChangeDate { get; init; }

    public string? ChangeReason { get; init; }
}

/// <summary>
/// One year's amount of a project of an investment plan; on the plan itself a coverage (dekking) row, negative, with the
/// kind of its funding ("reserve" when it draws on a reserve).
/// </summary>
public sealed record PlanAmount(int Year, decimal Amount, string? Funding, string? FundingKind = null, SourceReference? Source = null);

/// <summary>
/// A project of an investment plan (<paramref name="Role"/> "project"), or the plan as a whole (role "plan"), which
/// carries the coverage rows; a collective project (a parent, e.g. W7_ICT) has no amounts of its own and its parts name it
/// in <paramref name="ParentCode"/>.
/// </summary>
public sealed record PlanProjectData(string Code, string Name, string? Description, IReadOnlyList<PlanAmount> Amounts, string Role = BudgetReport.ProjectRole, string? ParentCode = null,
    SourceReference? Source = null);

/// <summary>
/// A movement (storting, onttrekking), balance (beginstand, eindstand) or maximum of a reserve; withdrawals are negative.
/// <paramref name="ProjectCode"/>: the project or plan a withdrawal is for; <paramref name="IsEstimate"/>: a raming, not a realisation.
/// </summary>
public sealed record ReserveMovementData(string Reserve, int Year, string Kind, decimal Amount, string? Description, string? ProjectCode = null, bool IsEstimate = false);

/// <summary>Everything the budget report is built from; <paramref name="Thresholds"/> are the versions of the explanation thresholds.</summary>
public sealed record BudgetData(
    IReadOnlyList<BudgetLineData> Lines,
    IReadOnlyList<PlanProjectData> Projects,
    IReadOnlyList<ReserveMovementData> Movements,
    IReadOnlyList<ThresholdVersion>? Thresholds = null);

/// <summary>Which budget lines the bulk dataset and the API return; null = no filter.</summary>
public sealed record BudgetFilter(int? Year = null, BudgetStage? Stage = null, BudgetScope? Scope = null, string? ProgrammeCode = null, string? TaskFieldCode = null);

/// <summary>The database round trips of the budget feature (/begroting, its table exports, the bulk dataset and the API).</summary>
public sealed class BudgetQuery(SocialDomainDbContext db)
{
    /// <summary>Everything the Begroting, Projecten and Reserves pages show, in four round trips.</summary>
    public async Task<BudgetData> LoadAsync(CancellationToken cancellationToken)
    {
        // Round trip 1: every budget line with its programme name (38 rows).
        var lines = await LinesAsync(cancellationToken);

        // Round trip 2: the projects with their yearly amounts (parents without amounts included).
        var projects = await db.Projects.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new
            {
                p.Code,
                p.Name,
                p.Description,
                p.Role,
                p.ParentCode,
                SourceDocument = p.Source.Document,
                SourceSection = p.Source.Section,
                Budgets = p.Budgets.OrderBy(b => b.Year)
                    .Select(b => new { b.Year, b.Amount, b.Funding, b.FundingKind, SourceDocument = b.Source.Document, SourceSection = b.Source.Section }).ToList(),
            })
            .ToListAsync(cancellationToken);

        // Round trip 3: the reserve movements.
        var movements = await db.ReserveMovements.AsNoTracking()
            .OrderBy(m => m.Reserve).ThenBy(m => m.Year).ThenBy(m => m.Id)
            .Select(m => new ReserveMovementData(m.Reserve, m.Year, m.Kind, m.Amount, m.Description, m.ProjectCode, m.IsEstimate))
            .ToListAsync(cancellationToken);

        // Round trip 4: the versions of the explanation thresholds.
        var thresholds = await ThresholdEditor.LoadAsync(db, cancellationToken);

        return new BudgetData(
            lines,
            projects.Select(p => new PlanProjectData(p.Code, p.Name, p.Description,
                p.Budgets.Select(b => new PlanAmount(b.Year, b.Amount, b.Funding, b.FundingKind, new SourceReference(b.SourceDocument, b.SourceSection))).ToList(),
                p.Role, p.ParentCode, new SourceReference(p.SourceDocument, p.SourceSection))).ToList(),
            movements,
            thresholds);
    }

    /// <summary>The versions of the explanation thresholds (one round trip).</summary>
    public Task<IReadOnlyList<ThresholdVersion>> ThresholdsAsync(CancellationToken cancellationToken) => ThresholdEditor.LoadAsync(db, cancellationToken);

    /// <summary>Every budget line (one round trip): what the variances of the levels are built from.</summary>
    public async Task<IReadOnlyList<BudgetLineData>> LinesAsync(CancellationToken cancellationToken) =>
        (await WithSource(BudgetCycleStore.Current(db)).ToListAsync(cancellationToken)).Select(r => r.Line).ToList();

    /// <summary>The budget lines that match <paramref name="filter"/>, with their source and without variance (one round trip).</summary>
    public async Task<IReadOnlyList<BudgetRecord>> SourcedLinesAsync(BudgetFilter filter, CancellationToken cancellationToken)
    {
        var query = BudgetCycleStore.Current(db);
        if (filter.Year is { } year)
        {
            query = query.Where(l => l.Year == year);
        }

        if (filter.Stage is { } stage)
        {
            query = query.Where(l => l.Stage == stage);
        }

        if (filter.Scope is { } scope)
        {
            query = query.Where(l => l.Scope == scope);
        }

        if (filter.ProgrammeCode is { } programme)
        {
            query = query.Where(l => l.ProgrammeCode == programme);
        }

        if (filter.TaskFieldCode is { } taskField)
        {
            query = query.Where(l => l.TaskFieldCode == taskField);
        }

        return await WithSource(query).ToListAsync(cancellationToken);
    }

    /// <summary>Budget lines (callers pass current ones, <see cref="BudgetCycleStore.Current"/>) in year and id order, each with its programme's name and its source.</summary>
    private static IQueryable<BudgetRecord> WithSource(IQueryable<BudgetLine> lines) =>
        lines.AsNoTracking()
            .OrderBy(l => l.Year).ThenBy(l => l.Id)
            .Select(l => new BudgetRecord
            {
                Line = new BudgetLineData
                {
                    Scope = l.Scope,
                    ScopeCode = l.ScopeCode,
                    Name = l.Name,
                    ProgrammeCode = l.ProgrammeCode,
                    ProgrammeName = l.Programme != null ? l.Programme.Name : null,
                    TaskFieldCode = l.TaskFieldCode,
                    TaskFieldName = l.TaskField != null ? l.TaskField.Name : null,
                    Year = l.Year,
                    Stage = l.Stage,
                    Measure = l.Measure,
                    Amount = l.Amount,
                    Note = l.Note,
                    PeriodEnd = l.PeriodEnd,
                    ChangeNumber = l.ChangeNumber,
                    ChangeDate = l.ChangeDate,
                    ChangeReason = l.ChangeReason,
                },
                SourceDocument = l.Source.Document,
                SourceSection = l.Source.Section,
            });
}
