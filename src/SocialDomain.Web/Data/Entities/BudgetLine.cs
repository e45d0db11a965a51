using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One amount of the budget cycle: a programme, task field, lot or total × year × stage × measure (× period for a
/// realisatie or prognose during the year, × number for a begrotingswijziging). Rows are never changed: a correction
/// is a new row that <see cref="ReplacesId">replaces</see> the old one, which stays readable (docs/time-model.md).
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

    /// <summary>
    /// For a realisatie or prognose during the year: the last day of the period it covers (the bestuursrapportage's
    /// peildatum, e.g. 2019-04-30 for "realisatie t/m april"). Null for a whole year (the jaarrekening) and for budgets.
    /// </summary>
    public DateOnly? PeriodEnd { get; set; }

    /// <summary>For a begrotingswijziging: its number as the council adopted it, e.g. "2019-07".</summary>
    public string? ChangeNumber { get; set; }

    /// <summary>For a begrotingswijziging: the date the council adopted it.</summary>
    public DateOnly? ChangeDate { get; set; }

    /// <summary>For a begrotingswijziging: why the budget changed.</summary>
    public string? ChangeReason { get; set; }

    /// <summary>The row this one corrects; that row stays stored and readable. Null for a first entry.</summary>
    public int? ReplacesId { get; set; }

    public BudgetLine? Replaces { get; set; }

    /// <summary>Why the replaced row was corrected; required when <see cref="ReplacesId"/> is set.</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>When the row was stored.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Who stored it (user name), or "import"/"demo" for rows loaded from a file.</summary>
    public string? RecordedBy { get; set; }

    public required SourceReference Source { get; set; }
}
