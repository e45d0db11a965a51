using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One version of the explanation thresholds (toelichtingsgrenzen) a financiële verordening sets: from which budget
/// year it applies, the absolute and relative threshold, how they combine and whether favourable variances count.
/// Versions are never changed: a new version is a new row; the one in force for a budget year is the newest version
/// valid from that year or earlier (<see cref="Features.Budget.ThresholdVersions.InForce"/>).
/// </summary>
public class ExplanationThresholdSetting
{
    public int Id { get; set; }

    /// <summary>The first budget year this version applies to.</summary>
    public int ValidFromYear { get; set; }

    /// <summary>Absolute threshold in euros; null when the verordening sets none.</summary>
    public decimal? Absolute { get; set; }

    /// <summary>Relative threshold as a percentage of the budget; null when the verordening sets none.</summary>
    public decimal? RelativePercent { get; set; }

    public ThresholdCombination Combination { get; set; }

    /// <summary>Only unfavourable variances (overschrijdingen) need explaining.</summary>
    public bool OnlyUnfavourable { get; set; }

    /// <summary>Why this version was set (the verordening and its article, or that it is assumed).</summary>
    public required string Reason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The user name, or "import" for a version loaded from a file.</summary>
    public required string RecordedBy { get; set; }
}
