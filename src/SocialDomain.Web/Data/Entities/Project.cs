namespace SocialDomain.Web.Data.Entities;

/// <summary>A funded project, such as one of the WINST investment plan's projects.</summary>
public class Project
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>"project", or "plan" for the project that stands for an investment plan as a whole and carries its coverage rows.</summary>
    public string Role { get; set; } = "project";

    public required SourceReference Source { get; set; }

    public List<ProjectBudget> Budgets { get; set; } = [];
}
