using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One version of a KPI's definition (append-only, like target versions): what the KPI meant from its "geldig vanaf"
/// period on, and who recorded it when and why. The <see cref="Kpi"/> row keeps a copy of the latest version.
/// </summary>
public class KpiDefinitionVersion
{
    public long Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    /// <summary>1 for the definition as first recorded, 2 for the first change, and so on.</summary>
    public int Version { get; set; }

    public int ValidFromYear { get; set; }

    /// <summary>First quarter (1-4) from which this version applies; null when it applies from the start of the year.</summary>
    public int? ValidFromQuarter { get; set; }

    public required string Name { get; set; }

    public required string Definition { get; set; }

    public KpiUnit Unit { get; set; }

    public KpiDirection Direction { get; set; }

    public decimal? BandLow { get; set; }

    public decimal? BandHigh { get; set; }

    public KpiFrequency Frequency { get; set; }

    public string? DataSource { get; set; }

    public SocialDomainArea Domain { get; set; }

    public string? Owner { get; set; }

    public string? ProgrammeCode { get; set; }

    public string? TaskFieldCode { get; set; }

    public decimal? LegalNorm { get; set; }

    public string? LegalNormDescription { get; set; }

    /// <summary>Who recorded this version: an account, "import" or "migratie".</summary>
    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Required for every version after the first.</summary>
    public string? Reason { get; set; }

    public Period ValidFrom => new(ValidFromYear, ValidFromQuarter);
}
