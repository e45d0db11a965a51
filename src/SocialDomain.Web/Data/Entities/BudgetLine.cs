using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One amount of the budget cycle: a programme, task field, lot or total × year × stage × measure.
/// </summary>
public class BudgetLine
{
    public int Id { get; set; }

    public BudgetScope Scope { get; set; }

    /// <summary>Programme code, task field code, lot code or "totaal", depending on <see cref="Scope"/>.</summary>
    public required string ScopeCode { get; set; }

    public required string Name { get; set; }

    public string? ProgrammeCode { get; set; }

    public Programme? Programme { get; set; }

    public string? TaskFieldCode { get; set; }

    public TaskField? TaskField { get; set; }

    public int Year { get; set; }

    public BudgetStage Stage { get; set; }

    public BudgetMeasure Measure { get; set; }

    /// <summary>Amount in euros.</summary>
    public decimal Amount { get; set; }

    public string? Note { get; set; }

    public required SourceReference Source { get; set; }
}
