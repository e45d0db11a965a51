using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>What one KPI showed when its quarter was published.</summary>
public class PublishedFigure
{
    public long Id { get; set; }

    public int PublicationId { get; set; }

    public QuarterPublication? Publication { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    /// <summary>Period of the measurement shown (may be earlier than the quarter); null when there was none.</summary>
    public int? MeasurementYear { get; set; }

    public int? MeasurementQuarter { get; set; }

    public decimal? Value { get; set; }

    /// <summary>The target version in force in the quarter at publication (null: none in force).</summary>
    public int? TargetVersion { get; set; }

    /// <summary>That version's terms, frozen: value, deadline, start and tolerances.</summary>
    public decimal? TargetValue { get; set; }

    public int? TargetDeadlineYear { get; set; }

    public int? TargetDeadlineQuarter { get; set; }

    public int? TargetValidFromYear { get; set; }

    public int? TargetValidFromQuarter { get; set; }

    public decimal? ToleranceOnTrackPercent { get; set; }

    public decimal? ToleranceAttentionPercent { get; set; }

    /// <summary>The status shown at publication (null: none could be given, see <see cref="StatusReason"/>).</summary>
    public KpiStatus? Status { get; set; }

    public string? StatusReason { get; set; }

    /// <summary>The legal-norm judgement shown: met (true), not met (false), none (null).</summary>
    public bool? LegalNormMet { get; set; }

    /// <summary>The KPI's definition fields that change a status, as they were at publication.</summary>
    public KpiUnit? Unit { get; set; }

    public KpiDirection? Direction { get; set; }

    public decimal? BandLow { get; set; }

    public decimal? BandHigh { get; set; }

    public decimal? LegalNorm { get; set; }

    /// <summary>The published commentary for the quarter at publication.</summary>
    public string? Commentary { get; set; }

    /// <summary>The commentary version that text is (null: none, or published before commentary had versions).</summary>
    public int? CommentaryVersion { get; set; }
}
