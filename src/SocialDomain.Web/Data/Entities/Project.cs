namespace SocialDomain.Web.Data.Entities;

/// <summary>A funded project of an investment plan, or the plan as a whole (<see cref="Role"/>).</summary>
public class Project
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>"project", or "plan" for the project that stands for an investment plan as a whole and carries its coverage rows.</summary>
    public string Role { get; set; } = "project";

    /// <summary>
    /// The project this one is a part of (a collective project whose amounts are the sum of its parts); null for a
    /// project that is no part. Data, never read from the code's numbering.
    /// </summary>
    public string? ParentCode { get; set; }

    public Project? Parent { get; set; }

    public required SourceReference Source { get; set; }

    public List<ProjectBudget> Budgets { get; set; } = [];
}
