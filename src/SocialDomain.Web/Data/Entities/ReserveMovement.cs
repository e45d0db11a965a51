namespace SocialDomain.Web.Data.Entities;

/// <summary>A deposit into, withdrawal from, or balance of a reserve (e.g. reserve Sociaal Domein).</summary>
public class ReserveMovement
{
    public int Id { get; set; }

    public required string Reserve { get; set; }

    public int Year { get; set; }

    /// <summary>storting, onttrekking or saldo.</summary>
    public required string Kind { get; set; }

    /// <summary>Amount in euros.</summary>
    public decimal Amount { get; set; }

    public string? Description { get; set; }

    public required SourceReference Source { get; set; }
}
