using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>An IV3 task field (taakveld), e.g. 6.72 Maatwerkdienstverlening 18-.</summary>
public class TaskField
{
    /// <summary>IV3 code, e.g. "6.72".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public SocialDomainArea Domain { get; set; }

    /// <summary>The programme whose budget holds this task field.</summary>
    public string? ProgrammeCode { get; set; }

    public Programme? Programme { get; set; }

    /// <summary>When the task field was archived (no longer offered for KPIs); null while active.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>PostgreSQL xmin: a stale edit fails.</summary>
    public uint RowVersion { get; set; }
}
