using SocialDomain.Core.Calculations;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Features.Projects;

/// <summary>One project as the list on /projecten shows it.</summary>
public sealed record ProjectSummary
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>"project" or "plan" (<see cref="BudgetReport.PlanRole"/>).</summary>
    public required string Role { get; init; }

    /// <summary>"investeringsplan (geheel)", "verzamelproject" or "project".</summary>
    public required string RoleLabel { get; init; }

    /// <summary>The collective project this one is a part of, as the data name it.</summary>
    public PlanProjectData? Parent { get; init; }

    public IReadOnlyList<PlanProjectData> Children { get; init; } = [];

    /// <summary>
    /// Per year of the plan: the project's own amount, for a collective project the sum of its parts, for the plan the
    /// total of its projects; null when it has none that year (never 0).
    /// </summary>
    public required IReadOnlyDictionary<int, decimal?> Amounts { get; init; }

    public decimal? Total => Amounts.Count == 0 || Amounts.Values.Any(a => a is null) ? null : Amounts.Values.Sum();

    /// <summary>The programmes whose budget the project changed (from the budget change attributed to it).</summary>
    public IReadOnlyList<string> Programmes { get; init; } = [];

    /// <summary>For the plan: per year, its projects against its coverage (dekking); empty for other projects.</summary>
    public IReadOnlyDictionary<int, AggregateCheck> CoverageChecks { get; init; } = new Dictionary<int, AggregateCheck>();

    public SourceReference? Source { get; init; }
}

/// <summary>One year of a project on /projecten/{code}: its amount and funding as the data state them, with the source.</summary>
public sealed record ProjectYearRow(int Year, decimal Amount, string? Funding, SourceReference? Source);

/// <summary>One project with everything /projecten/{code} shows.</summary>
public sealed record ProjectDetail
{
    public required ProjectSummary Project { get; init; }

    /// <summary>The project's own rows (for the plan: its coverage rows), per year.</summary>
    public required IReadOnlyList<ProjectYearRow> Years { get; init; }

    /// <summary>The rows of its parts, as the plan table shows them.</summary>
    public IReadOnlyList<PlanRow> Children { get; init; } = [];

    /// <summary>True when the budget change in the data is attributed to this project (<see cref="BudgetReport.BudgetChangeProject"/>).</summary>
    public bool HasBudgetChange { get; init; }

    /// <summary>Withdrawals from a reserve for this project.</summary>
    public IReadOnlyList<ReserveMovementData> Withdrawals { get; init; } = [];

    /// <summary>The whole budget report (plan table, coverage, budget change, cross checks) for the parts only the plan has.</summary>
    public required BudgetReport Budget { get; init; }

    public bool IsPlan => Project.Role == BudgetReport.PlanRole;
}

/// <summary>
/// The projects and investment plans (/projecten, /projecten/{code}): pure, built from <see cref="BudgetData"/> and the
/// <see cref="BudgetReport"/> made of it; the plan table, coverage and checks are the budget report's own rows.
/// </summary>
public static class ProjectReport
{
    /// <summary>The pages say this when no project is loaded.</summary>
    public const string NoProjectsMessage = "Er zijn nog geen projecten geladen.";

    public const string PlanRoleLabel = "investeringsplan (geheel)";

    public const string CollectiveRoleLabel = "verzamelproject";

    public const string ProjectRoleLabel = "project";

    /// <summary>Every project of the data, in code order.</summary>
    public static IReadOnlyList<ProjectSummary> Summaries(BudgetData data, BudgetReport budget) =>
        data.Projects.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => Summary(p, data, budget)).ToList();

    /// <summary>One project by its code; null when there is none.</summary>
    public static ProjectDetail? Detail(string code, BudgetData data, BudgetReport budget)
    {
        var project = data.Projects.FirstOrDefault(p => p.Code == code);
        if (project is null)
        {
            return null;
        }

        var summary = Summary(project, data, budget);
        var childCodes = summary.Children.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        return new ProjectDetail
        {
            Project = summary,
            Years = project.Amounts.OrderBy(a => a.Year).ThenBy(a => a.Funding, StringComparer.Ordinal)
                .Select(a => new ProjectYearRow(a.Year, a.Amount, a.Funding, a.Source)).ToList(),
            Children = budget.Plan.Where(r => childCodes.Contains(r.Code)).ToList(),
            HasBudgetChange = budget.ChangeProjectCode == code,
            Withdrawals = data.Movements.Where(m => m.Kind == BudgetReport.WithdrawalKind && m.ProjectCode == code).ToList(),
            Budget = budget,
        };
    }

    private static ProjectSummary Summary(PlanProjectData project, BudgetData data, BudgetReport budget)
    {
        var children = data.Projects.Where(p => BudgetReport.ParentOf(p, data.Projects) == project).ToList();
        var isPlan = BudgetReport.IsPlanTotal(project);
        var row = budget.Plan.FirstOrDefault(r => r.Code == project.Code);
        var changed = budget.ChangeProjectCode == project.Code;
        return new ProjectSummary
        {
            Code = project.Code,
            Name = project.Name,
            Description = project.Description,
            Role = project.Role,
            RoleLabel = isPlan ? PlanRoleLabel : children.Count > 0 ? CollectiveRoleLabel : ProjectRoleLabel,
            Parent = BudgetReport.ParentOf(project, data.Projects),
            Children = children,
            Amounts = isPlan && budget.PlanCode == project.Code ? budget.PlanTotals
                : row?.Amounts ?? budget.PlanYears.ToDictionary(y => y, _ => (decimal?)null),
            Programmes = changed ? budget.Changes.Select(c => c.Label).ToList() : [],
            CoverageChecks = isPlan && budget.PlanCode == project.Code ? budget.PlanChecks : new Dictionary<int, AggregateCheck>(),
            Source = project.Source,
        };
    }
}
