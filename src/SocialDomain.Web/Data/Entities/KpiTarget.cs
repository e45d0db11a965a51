using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One version of a KPI's target. Versions are append-only: a change adds a new row with the
/// next <see cref="Version"/>, so the full history (who, when, why) stays visible.
/// </summary>
public class KpiTarget
{
    public int Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    /// <summary>1 for the target as first set, 2 for the first change, and so on.</summary>
    public int Version { get; set; }

    /// <summary>First year of the period from which this version applies ("geldig vanaf"); see TargetInForce.</summary>
    public int ValidFromYear { get; set; }

    /// <summary>First quarter (1-4) from which this version applies; null when it applies from the start of the year.</summary>
    public int? ValidFromQuarter { get; set; }

    /// <summary>The date the decision this version rests on was taken; null when the sources do not say.</summary>
    public DateOnly? DecisionDate { get; set; }

    /// <summary>Who took that decision (raad, college, ambtelijk); null when unknown.</summary>
    public DecisionBody? DecidedBy { get; set; }

    /// <summary>The decision's document: a seed document id (e.g. "000") or a registration number.</summary>
    public string? DecisionDocument { get; set; }

    /// <summary>Where the decision can be read (raadsinformatiesysteem), when known.</summary>
    public string? DecisionUrl { get; set; }

    public decimal? BaselineValue { get; set; }

    public int? BaselineYear { get; set; }

    public int? BaselineQuarter { get; set; }

    public decimal TargetValue { get; set; }

    /// <summary>Deadline year; null when the source set none (the target is then not SMART, and says so).</summary>
    public int? DeadlineYear { get; set; }

    public int? DeadlineQuarter { get; set; }

    /// <summary>Relative deviation (%) still counted as on track; null = default (5).</summary>
    public decimal? ToleranceOnTrackPercent { get; set; }

    /// <summary>Relative deviation (%) up to which status is attention; null = default (15).</summary>
    public decimal? ToleranceAttentionPercent { get; set; }

    /// <summary>Why this target, with the council decision it rests on.</summary>
    public string? Rationale { get; set; }

    public string? CouncilDecision { get; set; }

    /// <summary>Required for every version after the first.</summary>
    public string? ChangeReason { get; set; }

    /// <summary>Who recorded this version in the dashboard (an account, or the import).</summary>
    public required string ChangedBy { get; set; }

    /// <summary>When this version was recorded in the dashboard; not the decision's date (<see cref="DecisionDate"/>).</summary>
    public DateTimeOffset ChangedAt { get; set; }

    public required SourceReference Source { get; set; }

    public Period ValidFrom => new(ValidFromYear, ValidFromQuarter);
}
