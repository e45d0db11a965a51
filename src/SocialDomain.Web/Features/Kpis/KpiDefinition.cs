using System.Linq.Expressions;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>
/// A KPI definition, the one row shape of the catalogue (/kpis, its CSV and the API), the KPI page and the overview.
/// Built by member initialisation (<see cref="FromEntity"/>) so that queries can go on composing on it.
/// </summary>
public sealed record KpiDefinition
{
    /// <summary>The projection from the entity, for every query that reads KPI definitions.</summary>
    public static readonly Expression<Func<Kpi, KpiDefinition>> FromEntity = k => new KpiDefinition
    {
        Id = k.Id,
        Code = k.Code,
        Name = k.Name,
        Definition = k.Definition,
        Unit = k.Unit,
        Direction = k.Direction,
        BandLow = k.BandLow,
        BandHigh = k.BandHigh,
        Frequency = k.Frequency,
        DataSource = k.DataSource,
        Owner = k.Owner,
        LegalNorm = k.LegalNorm,
        LegalNormDescription = k.LegalNormDescription,
        Domain = k.Domain,
        ProgrammeCode = k.ProgrammeCode,
        ProgrammeName = k.Programme != null ? k.Programme.Name : null,
        TaskFieldCode = k.TaskFieldCode,
        TaskFieldName = k.TaskField != null ? k.TaskField.Name : null,
        SourceDocument = k.Source.Document,
        SourceSection = k.Source.Section,
        ArchivedFromYear = k.ArchivedFromYear,
        ArchivedFromQuarter = k.ArchivedFromQuarter,
    };

    public int Id { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Definition { get; init; }

    public KpiUnit Unit { get; init; }

    public KpiDirection Direction { get; init; }

    public decimal? BandLow { get; init; }

    public decimal? BandHigh { get; init; }

    public KpiFrequency Frequency { get; init; }

    public string? DataSource { get; init; }

    public string? Owner { get; init; }

    public decimal? LegalNorm { get; init; }

    public string? LegalNormDescription { get; init; }

    public SocialDomainArea Domain { get; init; }

    public string? ProgrammeCode { get; init; }

    public string? ProgrammeName { get; init; }

    /// <summary>The IV3 taakveld the KPI belongs to (optional), with its name.</summary>
    public string? TaskFieldCode { get; init; }

    public string? TaskFieldName { get; init; }

    public string SourceDocument { get; init; } = string.Empty;

    public string SourceSection { get; init; } = string.Empty;

    /// <summary>First year (and quarter) from which the KPI is archived; null while active.</summary>
    public int? ArchivedFromYear { get; init; }

    public int? ArchivedFromQuarter { get; init; }

    /// <summary>From which quarter the KPI is archived ("gearchiveerd vanaf"); null while active.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Period? ArchivedFrom => ArchivedFromYear is { } y ? new Period(y, ArchivedFromQuarter) : null;

    /// <summary>What the definition contributes to the KPI's judgement.</summary>
    public KpiRule Rule => new(Unit, Direction, BandLow, BandHigh, LegalNorm);
}

/// <summary>
/// One version of a KPI's target (append-only history: who, when, why), the one row shape of the target history on
/// the KPI page, its CSV, the bulk export and the API, and of the target in force on the overview.
/// </summary>
public sealed record TargetVersion
{
    /// <summary>The projection from the entity, for queries that do not need <see cref="IsCurrent"/> (it stays false).</summary>
    public static readonly Expression<Func<Data.Entities.KpiTarget, TargetVersion>> FromEntity = Projection(null);

    /// <summary>
    /// The projection from the entity, with <see cref="IsCurrent"/> set for the version in force in
    /// <paramref name="currentQuarter"/>: the SQL form of <see cref="TargetInForce.At"/> (highest version whose start —
    /// year × 4 + (quarter or 1) − 1 — lies at or before the quarter).
    /// </summary>
    public static Expression<Func<Data.Entities.KpiTarget, TargetVersion>> Projection(Period? currentQuarter)
    {
        int? current = currentQuarter is { } q ? QuarterOrdinal.Of(QuarterOrdinal.EndQuarter(q)) : null;
        return t => new TargetVersion
        {
            KpiCode = t.Kpi!.Code,
            KpiName = t.Kpi.Name,
            Unit = t.Kpi.Unit,
            Direction = t.Kpi.Direction,
            Version = t.Version,
            ValidFromYear = t.ValidFromYear,
            ValidFromQuarter = t.ValidFromQuarter,
            DecisionDate = t.DecisionDate,
            DecidedBy = t.DecidedBy,
            DecisionDocument = t.DecisionDocument,
            DecisionUrl = t.DecisionUrl,
            IsCurrent = current != null && t.Version == t.Kpi.Targets
                .Where(x => (x.ValidFromYear * 4) + (x.ValidFromQuarter ?? 1) - 1 <= current).Max(x => (int?)x.Version),
            IsLatest = t.Version == t.Kpi.Targets.Max(x => x.Version),
            TargetValue = t.TargetValue,
            DeadlineYear = t.DeadlineYear,
            DeadlineQuarter = t.DeadlineQuarter,
            BaselineValue = t.BaselineValue,
            BaselineYear = t.BaselineYear,
            BaselineQuarter = t.BaselineQuarter,
            ToleranceOnTrackPercent = t.ToleranceOnTrackPercent,
            ToleranceAttentionPercent = t.ToleranceAttentionPercent,
            Rationale = t.Rationale,
            CouncilDecision = t.CouncilDecision,
            ChangeReason = t.ChangeReason,
            ChangedBy = t.ChangedBy,
            ChangedAt = t.ChangedAt,
            SourceDocument = t.Source.Document,
            SourceSection = t.Source.Section,
        };
    }

    public required string KpiCode { get; init; }

    public required string KpiName { get; init; }

    public KpiUnit Unit { get; init; }

    public KpiDirection Direction { get; init; }

    public int Version { get; init; }

    /// <summary>First year (and quarter) from which this version applies; see <see cref="TargetInForce"/>.</summary>
    public int ValidFromYear { get; init; }

    public int? ValidFromQuarter { get; init; }

    /// <summary>Date of the decision this version rests on; null when the sources do not say.</summary>
    public DateOnly? DecisionDate { get; init; }

    public DecisionBody? DecidedBy { get; init; }

    public string? DecisionDocument { get; init; }

    public string? DecisionUrl { get; init; }

    /// <summary>
    /// True for the version in force in the current quarter ("huidige versie"; <see cref="TargetInForce"/>, the clock's
    /// quarter passed in). A version decided for a later start is not current yet; false when no clock was given.
    /// </summary>
    public bool IsCurrent { get; init; }

    /// <summary>True for the highest version: the latest decision (which may apply from a later quarter).</summary>
    public bool IsLatest { get; init; }

    public decimal TargetValue { get; init; }

    public int? DeadlineYear { get; init; }

    public int? DeadlineQuarter { get; init; }

    public decimal? BaselineValue { get; init; }

    public int? BaselineYear { get; init; }

    public int? BaselineQuarter { get; init; }

    public decimal? ToleranceOnTrackPercent { get; init; }

    public decimal? ToleranceAttentionPercent { get; init; }

    public string? Rationale { get; init; }

    public string? CouncilDecision { get; init; }

    public string? ChangeReason { get; init; }

    public string ChangedBy { get; init; } = string.Empty;

    public DateTimeOffset ChangedAt { get; init; }

    public string SourceDocument { get; init; } = string.Empty;

    public string SourceSection { get; init; } = string.Empty;

    /// <summary>The target value (as the overview shows it).</summary>
    public decimal Value => TargetValue;

    public Period ValidFrom => new(ValidFromYear, ValidFromQuarter);

    /// <summary>True for a version read in from the source documents by the importer (not entered in the editor).</summary>
    public bool IsImported => ChangedBy == SocialDomain.Web.Import.Applier.ImportedBy;

    /// <summary>
    /// Who recorded the version in the dashboard, as shown: an account, or "ingelezen uit bron 000" for an imported version
    /// (whose date is its decision and start, never the moment of the import).
    /// </summary>
    public string RecordedBy => IsImported ? $"ingelezen uit bron {SourceDocument}" : ChangedBy;

    /// <summary>When the version was entered in the editor; null for an imported version (the import time is no date of the target).</summary>
    public DateTimeOffset? RecordedAt => IsImported ? null : ChangedAt;

    /// <summary>The decision body's label (gemeenteraad, college van B&amp;W, ambtelijk); null when unknown.</summary>
    public string? DecidedByLabel => DecidedBy is { } body ? Vocabulary.DecisionBodies.Label(body) : null;

    /// <summary>The quarter of the clock's date: what "now" means for <see cref="IsCurrent"/> and the editor's checks.</summary>
    public static Period CurrentQuarter(TimeProvider clock) => Period.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), KpiFrequency.Quarter);

    /// <summary>What <see cref="TargetInForce"/> needs of this version.</summary>
    public TargetValidity Validity => new(Version, ValidFrom);

    /// <summary>The version of <paramref name="versions"/> in force in <paramref name="quarter"/>; null when none is.</summary>
    public static TargetVersion? InForce(IEnumerable<TargetVersion> versions, Period quarter) => TargetInForce.At(versions, v => v.Validity, quarter);

    public Period? Deadline => DeadlineYear is { } y ? new Period(y, DeadlineQuarter) : null;

    public Period? BaselinePeriod => BaselineYear is { } y ? new Period(y, BaselineQuarter) : null;

    /// <summary>What this version contributes to a judgement.</summary>
    public TargetTerms Terms => new(TargetValue, Deadline, ToleranceOnTrackPercent, ToleranceAttentionPercent);
}
