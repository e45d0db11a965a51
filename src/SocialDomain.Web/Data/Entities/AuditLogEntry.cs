namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One audited action, with the six BIO log fields: action, object, result, origin, actor, timestamp.
/// Written in the same transaction as the change it describes.
/// </summary>
public class AuditLogEntry
{
    public long Id { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>User name of who did it ("import" for the importer).</summary>
    public required string Actor { get; set; }

    /// <summary>What was done, e.g. "streefwaarde.wijzigen", "toelichting.publiceren", "inloggen".</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. "kpi:SP_SCORE".</summary>
    public required string Object { get; set; }

    /// <summary>"gelukt", "geweigerd", "conflict", ...</summary>
    public required string Result { get; set; }

    /// <summary>Remote IP address of the request.</summary>
    public string? Origin { get; set; }

    /// <summary>Machine-readable details of the change (JSON), enough to replay it.</summary>
    public string? Details { get; set; }
}
