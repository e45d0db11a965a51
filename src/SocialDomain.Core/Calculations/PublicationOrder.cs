using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// Whether a quarter may be published now (issue 16, item 6; docs/time-model.md, "Publiceren in volgorde"):
/// <see cref="Refusal"/> is the Dutch reason when it may not; otherwise <see cref="Skipped"/> lists the unpublished
/// quarters between the last published quarter and this one, which need an explicit, confirmed catch-up.
/// </summary>
public sealed record PublicationCheck(string? Refusal, IReadOnlyList<Period> Skipped, bool IsCorrection)
{
    public bool Allowed => Refusal is null;

    /// <summary>Allowed, but only with a confirmed catch-up.</summary>
    public bool NeedsCatchUp => Allowed && Skipped.Count > 0;
}

/// <summary>
/// The order in which quarters are published. Pure: the current quarter, the quarters with data and the published
/// quarters are passed in.
/// <list type="bullet">
/// <item>A published quarter may always be published again: a corrigendum (a new version with a note).</item>
/// <item>A quarter is published once it has ended: not the current quarter, not a future one. (Figures arrive up to six
/// weeks after a quarter, <see cref="Delivery"/>; the advisor sees the missing ones in the preview before confirming.)</item>
/// <item>A quarter without any figure is not published: there is nothing to freeze.</item>
/// <item>The first publication may be any ended quarter with data. After that, the next one is the quarter after the
/// last published quarter; a later one needs a catch-up that names the quarters it skips (they stay unpublished; their
/// figures become public as the history of the quarter that is published). A quarter before the last published one
/// that was never published stays unpublished.</item>
/// </list>
/// </summary>
public static class PublicationOrder
{
    public static PublicationCheck Check(Period quarter, Period currentQuarter, IReadOnlyCollection<Period> quartersWithData, IReadOnlyCollection<Period> published)
    {
        if (!quarter.IsQuarter)
        {
            return new($"'{quarter}' is geen kwartaal; kies een kwartaal, bijvoorbeeld 2020-K3.", [], false);
        }

        if (published.Contains(quarter))
        {
            return new(null, [], true);
        }

        if (quarter >= currentQuarter)
        {
            return new($"Kwartaal {quarter} is nog niet voorbij: een kwartaal kan worden gepubliceerd vanaf {quarter.EndDate.AddDays(1):dd-MM-yyyy}.", [], false);
        }

        if (!quartersWithData.Contains(quarter))
        {
            return new($"Voor kwartaal {quarter} zijn geen cijfers ingevoerd of geïmporteerd; er valt niets te publiceren.", [], false);
        }

        if (published.Count == 0)
        {
            return new(null, [], false);
        }

        var last = published.Max();
        if (quarter < last)
        {
            return new($"Kwartaal {quarter} ligt vóór het laatst gepubliceerde kwartaal ({last}); publiceer in volgorde. Een gepubliceerd kwartaal kan wel worden gecorrigeerd.", [], false);
        }

        var skipped = new List<Period>();
        for (var q = last.Next(); q < quarter; q = q.Next())
        {
            skipped.Add(q);
        }

        return new(null, skipped, false);
    }

    /// <summary>The Dutch confirmation text of a catch-up: which quarters it skips.</summary>
    public static string CatchUpText(Period quarter, IReadOnlyList<Period> skipped) =>
        $"Kwartaal {quarter} is niet het kwartaal na het laatst gepubliceerde. U slaat {(skipped.Count == 1 ? "dit kwartaal" : $"deze {skipped.Count} kwartalen")} over: "
        + $"{string.Join(", ", skipped)}. Ze blijven ongepubliceerd; hun cijfers worden wel zichtbaar als verloop bij {quarter}.";
}
