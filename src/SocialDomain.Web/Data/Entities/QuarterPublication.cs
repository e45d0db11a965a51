namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// A published quarter: from then on the council sees the figures as they were at publication
/// (<see cref="Figures"/>); later corrections are shown as "gewijzigd na publicatie".
/// </summary>
public class QuarterPublication
{
    public int Id { get; set; }

    public int Year { get; set; }

    public int Quarter { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public required string PublishedBy { get; set; }

    public List<PublishedFigure> Figures { get; set; } = [];
}
