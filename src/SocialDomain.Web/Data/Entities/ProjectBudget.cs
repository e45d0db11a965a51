namespace SocialDomain.Web.Data.Entities;

/// <summary>A project's planned amount for one year, with how it is covered (dekking).</summary>
public class ProjectBudget
{
    public int Id { get; set; }

    public required string ProjectCode { get; set; }

    public Project? Project { get; set; }

    public int Year { get; set; }

    /// <summary>Amount in euros.</summary>
    public decimal Amount { get; set; }

    public string? Funding { get; set; }

    /// <summary>Kind of funding: "reserve" (draws on a reserve), "begroting" or "overig"; null when not stated.</summary>
    public string? FundingKind { get; set; }

    public required SourceReference Source { get; set; }
}
