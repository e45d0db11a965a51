namespace SocialDomain.Web.Data.Entities;

/// <summary>A chapter of the municipal budget, e.g. "2 Zorg".</summary>
public class Programme
{
    /// <summary>Programme number as a string ("2").</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public List<TaskField> TaskFields { get; set; } = [];

    public List<Kpi> Kpis { get; set; } = [];

    /// <summary>When the programme was archived (no longer offered for KPIs and task fields); null while active.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>PostgreSQL xmin: a stale edit fails.</summary>
    public uint RowVersion { get; set; }
}
