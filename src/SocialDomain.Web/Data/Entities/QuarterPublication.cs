namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// One publication of a quarter (version 1, or a corrigendum with a higher version and a note): from then on the council sees the figures as they were at publication
/// (<see cref="Figures"/>); later corrections are shown as "gewijzigd na publicatie".
/// </summary>
public class QuarterPublication
{
    public int Id { get; set; }

    public int Year { get; set; }

    public int Quarter { get; set; }

    /// <summary>1 for the first publication of the quarter, 2 for the first corrigendum, and so on; every version stays readable.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Why the quarter was published again; required for every version after the first.</summary>
    public string? Note { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public required string PublishedBy { get; set; }

    public List<PublishedFigure> Figures { get; set; } = [];
}
