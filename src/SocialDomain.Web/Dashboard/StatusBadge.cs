using SocialDomain.Core.Calculations;

namespace SocialDomain.Web.Dashboard;

/// <summary>Status as icon plus word (never colour alone).</summary>
public static class StatusBadge
{
    public static (string Icon, string Label, string CssClass) For(KpiStatus? status) => status switch
    {
        KpiStatus.OnTrack => ("✔", status.ToDutchLabel(), "status-on-track"),
        KpiStatus.Attention => ("▲", status.ToDutchLabel(), "status-attention"),
        KpiStatus.OffTrack => ("✖", status.ToDutchLabel(), "status-off-track"),
        _ => ("–", KpiStatusLabels.NotAssessable, "status-none"),
    };

    /// <summary>"(binnen de marge)" when the status shown is "op koers" only thanks to the tolerance; otherwise null.</summary>
    public static string? MarginNote(KpiStatus? shown, KpiJudgement? judgement) =>
        shown == KpiStatus.OnTrack && judgement is { WithinMargin: true } ? KpiJudgement.MarginNote : null;
}

/// <summary>
/// What the statuses mean, for the legend on every page that shows them (issue 18 item 2): the limits of the tolerance
/// in force, the defaults (5 % / 15 %) or a KPI's own.
/// </summary>
public sealed record StatusLegend(decimal OnTrackPercent, decimal AttentionPercent, bool IsOwnTolerance)
{
    public static StatusLegend Default { get; } = new(Tolerances.DefaultOnTrackPercent, Tolerances.DefaultAttentionPercent, false);

    /// <summary>The legend for the tolerances of one target (its own, or the defaults where it has none).</summary>
    public static StatusLegend For(Tolerances? tolerances) => tolerances is null
        ? Default
        : new(tolerances.OnTrack, tolerances.Attention,
            tolerances.OnTrack != Tolerances.DefaultOnTrackPercent || tolerances.Attention != Tolerances.DefaultAttentionPercent);
}
