namespace SocialDomain.Web.Data.Entities;

/// <summary>A deposit into, withdrawal from, or balance of a reserve (e.g. reserve Sociaal Domein).</summary>
public class ReserveMovement
{
    public int Id { get; set; }

    public required string Reserve { get; set; }

    public int Year { get; set; }

    /// <summary>storting, onttrekking, beginstand (per 1 januari), eindstand (per 31 december) or maximum.</summary>
    public required string Kind { get; set; }

    /// <summary>Amount in euros.</summary>
    public decimal Amount { get; set; }

    public string? Description { get; set; }

    /// <summary>The project (or plan) a withdrawal is for; null when the source names none.</summary>
    public string? ProjectCode { get; set; }

    /// <summary>A raming (estimate) rather than a realisation.</summary>
    public bool IsEstimate { get; set; }

    public required SourceReference Source { get; set; }
}
