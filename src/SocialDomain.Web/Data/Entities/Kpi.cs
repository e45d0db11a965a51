using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>A key performance indicator with its agreed definition.</summary>
public class Kpi
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. SP_SCORE.</summary>
    public required string Code { get; set; }

    /// <summary>Dutch name shown to users.</summary>
    public required string Name { get; set; }

    /// <summary>Dutch definition: what is counted, for whom, how it is measured.</summary>
    public required string Definition { get; set; }

    public KpiUnit Unit { get; set; }

    public KpiDirection Direction { get; set; }

    /// <summary>Lower bound when <see cref="Direction"/> is WithinBand.</summary>
    public decimal? BandLow { get; set; }

    /// <summary>Upper bound when <see cref="Direction"/> is WithinBand.</summary>
    public decimal? BandHigh { get; set; }

    public KpiFrequency Frequency { get; set; }

    /// <summary>Where the measurements come from (e.g. "Klanttevredenheidsonderzoek").</summary>
    public string? DataSource { get; set; }

    public SocialDomainArea Domain { get; set; }

    public string? ProgrammeCode { get; set; }

    public Programme? Programme { get; set; }

    public string? Owner { get; set; }

    /// <summary>The IV3 task field (taakveld) the KPI belongs to; optional.</summary>
    public string? TaskFieldCode { get; set; }

    public TaskField? TaskField { get; set; }

    /// <summary>First year from which the KPI is archived (left out of the overview and the due list); null while active.</summary>
    public int? ArchivedFromYear { get; set; }

    /// <summary>First quarter (1-4) of <see cref="ArchivedFromYear"/> from which the KPI is archived.</summary>
    public int? ArchivedFromQuarter { get; set; }

    /// <summary>Legal norm, in the KPI's unit (e.g. 100 % decided within the legal term).</summary>
    public decimal? LegalNorm { get; set; }

    public string? LegalNormDescription { get; set; }

    public required SourceReference Source { get; set; }

    /// <summary>PostgreSQL xmin: the concurrency token that makes a second, stale target edit fail.</summary>
    public uint RowVersion { get; set; }

    /// <summary>Bumped with every new target version, so that the row (and its xmin) changes.</summary>
    public int TargetRevision { get; set; }

    public List<KpiTarget> Targets { get; set; } = [];

    /// <summary>Every version of the definition (append-only); the columns above hold the latest.</summary>
    public List<KpiDefinitionVersion> DefinitionVersions { get; set; } = [];

    public List<KpiMeasurement> Measurements { get; set; } = [];

    public List<KpiCommentary> Commentaries { get; set; } = [];
}
