using System.Linq.Expressions;
using System.Text.Json.Serialization;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Definitions;

/// <summary>One version of a KPI's definition as the pages show it (definition history; the audit's before/after).</summary>
public sealed record DefinitionVersionRow
{
    public static readonly Expression<Func<KpiDefinitionVersion, DefinitionVersionRow>> FromEntity = v => new DefinitionVersionRow
    {
        Version = v.Version,
        ValidFromYear = v.ValidFromYear,
        ValidFromQuarter = v.ValidFromQuarter,
        Name = v.Name,
        Definition = v.Definition,
        Unit = v.Unit,
        Direction = v.Direction,
        BandLow = v.BandLow,
        BandHigh = v.BandHigh,
        Frequency = v.Frequency,
        DataSource = v.DataSource,
        Domain = v.Domain,
        Owner = v.Owner,
        ProgrammeCode = v.ProgrammeCode,
        TaskFieldCode = v.TaskFieldCode,
        LegalNorm = v.LegalNorm,
        LegalNormDescription = v.LegalNormDescription,
        ChangedBy = v.ChangedBy,
        ChangedAt = v.ChangedAt,
        Reason = v.Reason,
    };

    public int Version { get; init; }

    public int ValidFromYear { get; init; }

    public int? ValidFromQuarter { get; init; }

    public required string Name { get; init; }

    public required string Definition { get; init; }

    public KpiUnit Unit { get; init; }

    public KpiDirection Direction { get; init; }

    public decimal? BandLow { get; init; }

    public decimal? BandHigh { get; init; }

    public KpiFrequency Frequency { get; init; }

    public string? DataSource { get; init; }

    public SocialDomainArea Domain { get; init; }

    public string? Owner { get; init; }

    public string? ProgrammeCode { get; init; }

    public string? TaskFieldCode { get; init; }

    public decimal? LegalNorm { get; init; }

    public string? LegalNormDescription { get; init; }

    public string ChangedBy { get; init; } = string.Empty;

    public DateTimeOffset ChangedAt { get; init; }

    public string? Reason { get; init; }

    [JsonIgnore]
    public Period ValidFrom => new(ValidFromYear, ValidFromQuarter);

    [JsonIgnore]
    public TargetValidity Validity => new(Version, ValidFrom);

    /// <summary>The row of a version as just stored (also the audit's "after").</summary>
    public static DefinitionVersionRow Of(KpiDefinitionVersion v) => Compiled(v);

    private static readonly Func<KpiDefinitionVersion, DefinitionVersionRow> Compiled = FromEntity.Compile();
}

/// <summary>A KPI's definition history for its page: every version, newest first, and the one in force in the viewed quarter.</summary>
public sealed record DefinitionHistory(IReadOnlyList<DefinitionVersionRow> Versions, DefinitionVersionRow? InForce, Period Quarter, Period? ArchivedFrom)
{
    /// <summary>Pure: the history from the stored versions (any order), for <paramref name="quarter"/> (<see cref="DefinitionRules.InForce"/>).</summary>
    public static DefinitionHistory Build(IReadOnlyList<DefinitionVersionRow> versions, Period quarter, Period? archivedFrom) =>
        new(versions.OrderByDescending(v => v.Version).ToList(), DefinitionRules.InForce(versions, v => v.Validity, quarter), quarter, archivedFrom);
}
