using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Targets;

/// <summary>The audit details of a target change: everything needed to replay it (stored as JSON, so the names are a format).</summary>
public sealed record TargetAuditDetails(
    int Version,
    decimal TargetValue,
    int? DeadlineYear,
    int? DeadlineQuarter,
    decimal? BaselineValue,
    int? BaselineYear,
    int? BaselineQuarter,
    decimal? ToleranceOnTrack,
    decimal? ToleranceAttention,
    string? Rationale,
    string? CouncilDecision,
    string? ChangeReason,
    int ValidFromYear,
    int? ValidFromQuarter,
    DateOnly? DecisionDate,
    string? DecidedBy,
    string? DecisionDocument,
    string? DecisionUrl)
{
    public static TargetAuditDetails Of(KpiTarget target) => new(
        target.Version, target.TargetValue, target.DeadlineYear, target.DeadlineQuarter, target.BaselineValue, target.BaselineYear,
        target.BaselineQuarter, target.ToleranceOnTrackPercent, target.ToleranceAttentionPercent, target.Rationale, target.CouncilDecision,
        target.ChangeReason, target.ValidFromYear, target.ValidFromQuarter, target.DecisionDate,
        target.DecidedBy is { } body ? Vocabulary.DecisionBodies.Token(body) : null, target.DecisionDocument, target.DecisionUrl);
}
