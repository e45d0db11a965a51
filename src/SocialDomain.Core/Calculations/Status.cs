namespace SocialDomain.Core.Calculations;

/// <summary>Traffic-light status of a KPI or a budget line.</summary>
public enum KpiStatus
{
    /// <summary>"op koers".</summary>
    OnTrack,

    /// <summary>"aandacht".</summary>
    Attention,

    /// <summary>"uit koers".</summary>
    OffTrack,
}

/// <summary>What the thresholds of <see cref="Tolerances"/> are measured in.</summary>
public enum ToleranceBasis
{
    /// <summary>Shortfall as a percentage of the target (or budget): the default.</summary>
    RelativePercent,

    /// <summary>Shortfall in the unit of the KPI itself (percentage points for a percent KPI, euros for money).</summary>
    Absolute,
}

/// <summary>
/// Per-KPI thresholds for the status. A shortfall (the worse side of the target) of at most
/// <see cref="OnTrack"/> is "op koers", at most <see cref="Attention"/> is "aandacht", more is "uit koers".
/// Both limits are inclusive. Doing better than the target is always "op koers".
/// Defaults: 5% and 15% of the target.
/// </summary>
public sealed record Tolerances
{
    /// <summary>Default "op koers" limit: 5% of the target.</summary>
    public const decimal DefaultOnTrackPercent = 5m;

    /// <summary>Default "aandacht" limit: 15% of the target.</summary>
    public const decimal DefaultAttentionPercent = 15m;

    public Tolerances(decimal onTrack = DefaultOnTrackPercent, decimal attention = DefaultAttentionPercent, ToleranceBasis basis = ToleranceBasis.RelativePercent)
    {
        if (onTrack < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(onTrack), onTrack, "Tolerance cannot be negative.");
        }

        if (attention < onTrack)
        {
            throw new ArgumentOutOfRangeException(nameof(attention), attention, "The attention limit must be at least the on-track limit.");
        }

        OnTrack = onTrack;
        Attention = attention;
        Basis = basis;
    }

    /// <summary>5% / 15% of the target.</summary>
    public static Tolerances Default { get; } = new();

    /// <summary>A target's own relative tolerances; a limit left empty takes its default (5% / 15%).</summary>
    public static Tolerances WithDefaults(decimal? onTrackPercent, decimal? attentionPercent) =>
        new(onTrackPercent ?? DefaultOnTrackPercent, attentionPercent ?? DefaultAttentionPercent);

    /// <summary>
    /// Default for legal norms (share decided within the legal term): a legal norm is met or it is not,
    /// so any shortfall is at least "aandacht"; more than 5% of the norm short is "uit koers".
    /// </summary>
    public static Tolerances LegalNormDefault { get; } = new(0m, 5m);

    /// <summary>Largest shortfall that is still "op koers" (inclusive).</summary>
    public decimal OnTrack { get; }

    /// <summary>Largest shortfall that is "aandacht" (inclusive); beyond is "uit koers".</summary>
    public decimal Attention { get; }

    public ToleranceBasis Basis { get; }

    /// <summary>
    /// Status for a sign-normalised deviation (positive = better than target). Returns null when the
    /// basis is relative and there is no relative deviation (target 0) while the value is worse than target.
    /// </summary>
    /// <param name="deviation">Sign-normalised absolute deviation, in the KPI's unit.</param>
    /// <param name="relativeDeviationPercent">Sign-normalised deviation as percent of the target; null when not defined.</param>
    public KpiStatus? Classify(decimal deviation, decimal? relativeDeviationPercent)
    {
        if (deviation >= 0m)
        {
            return KpiStatus.OnTrack;
        }

        decimal? shortfall = Basis == ToleranceBasis.Absolute ? -deviation : -relativeDeviationPercent;
        if (shortfall is not { } s)
        {
            return null;
        }

        return s <= OnTrack ? KpiStatus.OnTrack : s <= Attention ? KpiStatus.Attention : KpiStatus.OffTrack;
    }
}

/// <summary>Dutch labels for <see cref="KpiStatus"/>.</summary>
public static class KpiStatusLabels
{
    /// <summary>Shown when a status cannot be determined.</summary>
    public const string NotAssessable = "niet te beoordelen";

    /// <summary>"op koers", "aandacht" or "uit koers".</summary>
    public static string ToDutchLabel(this KpiStatus status) => Domain.Vocabulary.KpiStatuses.Label(status);

    /// <summary>The Dutch label, or "niet te beoordelen" for no status.</summary>
    public static string ToDutchLabel(this KpiStatus? status) => status is { } s ? s.ToDutchLabel() : NotAssessable;
}
