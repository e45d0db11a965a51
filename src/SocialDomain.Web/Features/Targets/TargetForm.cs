using System.Globalization;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using KpiTarget = SocialDomain.Web.Data.Entities.KpiTarget;

namespace SocialDomain.Web.Features.Targets;

/// <summary>
/// The target editor's form. Numbers are bound as text and parsed like the importer does ("7,0" and "7.0" both mean 7),
/// so a decimal point typed in a Dutch form never turns 7.0 into 70. The property names are the names of
/// <see cref="SmartTargetField"/>, so a validation problem maps to its input by name.
/// </summary>
public sealed class TargetForm
{
    public string? BaselineValue { get; set; }

    public string? BaselinePeriod { get; set; }

    public string? TargetValue { get; set; }

    public string? Deadline { get; set; }

    public string? ToleranceOnTrack { get; set; }

    public string? ToleranceAttention { get; set; }

    public string? Rationale { get; set; }

    public string? CouncilDecision { get; set; }

    public string? ChangeReason { get; set; }

    /// <summary>From which period this version applies ("geldig vanaf"): never prefilled, every version states its own start.</summary>
    public string? ValidFrom { get; set; }

    public string? DecisionDate { get; set; }

    /// <summary>Token of <see cref="Vocabulary.DecisionBodies"/> (council, executive, administration); empty when unknown.</summary>
    public string? DecidedBy { get; set; }

    public string? DecisionDocument { get; set; }

    public string? DecisionUrl { get; set; }

    /// <summary>
    /// How the numbers were read when the form was last shown back ("1.000 is gelezen als 1.000 …"): a save with a reading a
    /// user might have meant otherwise is stored only once the same reading has been shown and saved again (issue 18).
    /// </summary>
    public string? ConfirmedReadings { get; set; }

    /// <summary>The KPI row's xmin when the form was shown: a save based on an older version is a conflict.</summary>
    public uint RowVersion { get; set; }

    /// <summary>
    /// The form prefilled with a stored version's terms, without its change reason, start and decision: a new version needs
    /// its own reason, start and decision.
    /// </summary>
    public static TargetForm From(KpiTarget t) => new()
    {
        BaselineValue = Format(t.BaselineValue),
        BaselinePeriod = t.BaselineYear is { } by ? new Period(by, t.BaselineQuarter).ToString() : null,
        TargetValue = Format(t.TargetValue),
        Deadline = t.DeadlineYear is { } dy ? new Period(dy, t.DeadlineQuarter).ToString() : null,
        ToleranceOnTrack = Format(t.ToleranceOnTrackPercent),
        ToleranceAttention = Format(t.ToleranceAttentionPercent),
        Rationale = t.Rationale,
        CouncilDecision = t.CouncilDecision,
    };

    /// <summary>Pure: true when the readings of this save need showing back first (they are new, or differ from those confirmed).</summary>
    public bool NeedsConfirmation(IReadOnlyList<string> readings) => readings.Count > 0 && ConfirmedReadings != JoinReadings(readings);

    public static string JoinReadings(IReadOnlyList<string> readings) => string.Join(" | ", readings);

    public SmartTargetInput ToInput() => new(
        BaselineValue, BaselinePeriod, TargetValue, Deadline, ToleranceOnTrack, ToleranceAttention, Rationale, CouncilDecision, ChangeReason,
        ValidFrom, DecisionDate, DecidedBy, DecisionDocument, DecisionUrl);

    private static string? Format(decimal? value) => value?.ToString("0.####", CultureInfo.GetCultureInfo("nl-NL"));
}
