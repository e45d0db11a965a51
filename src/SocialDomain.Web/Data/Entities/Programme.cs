namespace SocialDomain.Web.Data.Entities;

/// <summary>A chapter of the municipal budget, e.g. "2 Zorg".</summary>
public class Programme
{
    /// <summary>Programme number as a string ("2").</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public List<TaskField> TaskFields { get; set; } = [];

    public List<Kpi> Kpis { get; set; } = [];
}
