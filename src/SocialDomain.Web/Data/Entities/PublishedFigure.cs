namespace SocialDomain.Web.Data.Entities;

/// <summary>What one KPI showed when its quarter was published.</summary>
public class PublishedFigure
{
    public long Id { get; set; }

    public int PublicationId { get; set; }

    public QuarterPublication? Publication { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    /// <summary>Period of the measurement shown (may be earlier than the quarter); null when there was none.</summary>
    public int? MeasurementYear { get; set; }

    public int? MeasurementQuarter { get; set; }

    public decimal? Value { get; set; }

    /// <summary>The target version in force at publication.</summary>
    public int? TargetVersion { get; set; }

    /// <summary>The published commentary for the quarter at publication.</summary>
    public string? Commentary { get; set; }
}
