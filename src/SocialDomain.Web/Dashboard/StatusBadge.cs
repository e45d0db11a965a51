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
}
