namespace SocialDomain.Web.Data.Entities;

/// <summary>Published characteristics of a municipality at one snapshot (e.g. "Stand december 2019").</summary>
public class MunicipalityCharacteristics
{
    public int Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public Municipality? Municipality { get; set; }

    /// <summary>First day of the snapshot month (2019-12-01 for "Stand december 2019").</summary>
    public DateOnly Snapshot { get; set; }

    public int? Population { get; set; }

    /// <summary>% of households with an income at most 150% of the social minimum.</summary>
    public decimal? PctLowIncome { get; set; }

    public decimal? PctYouth0To19 { get; set; }

    public decimal? PctYouthWithYouthCare { get; set; }

    public decimal? PctAged65To74 { get; set; }

    public decimal? PctAged75Plus { get; set; }

    public required SourceReference Source { get; set; }
}
