using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Features.Domains;

/// <summary>
/// A domain page (/domeinen/{slug}): which KPIs, which taakvelden (by their domain in the task_fields table) and which
/// benchmark domain belong to it.
/// </summary>
/// <param name="Slug">The route value: jeugd, wmo, participatie, voorveld.</param>
/// <param name="Title">Dutch heading.</param>
/// <param name="Area">The domain of its taakvelden.</param>
/// <param name="KpiDomains">KPIs of these domains are shown (and any KPI whose taakveld is one of the page's).</param>
/// <param name="BenchmarkDomain">The G40 benchmark domain; null when the benchmark has none (werk en inkomen).</param>
/// <param name="Note">Dutch note on what the page includes by assumption; null when nothing is assumed.</param>
public sealed record DomainPage(string Slug, string Title, SocialDomainArea Area, IReadOnlyList<SocialDomainArea> KpiDomains, SocialDomainArea? BenchmarkDomain, string? Note)
{
    /// <summary>The page's address.</summary>
    public string Url => "/domeinen/" + Slug;

    /// <summary>The benchmark page for this domain, or the benchmark page itself when there is no benchmark domain.</summary>
    public string BenchmarkUrl => BenchmarkDomain is { } domain ? "/benchmark?veld=" + domain.ToString().ToLowerInvariant() : "/benchmark";
}

/// <summary>The four domain pages, in navigation order.</summary>
public static class DomainCatalogue
{
    public static readonly IReadOnlyList<DomainPage> Pages =
    [
        new("jeugd", "Jeugd", SocialDomainArea.Jeugd, [SocialDomainArea.Jeugd], SocialDomainArea.Jeugd, null),
        new("wmo", "Wmo", SocialDomainArea.Wmo, [SocialDomainArea.Wmo], SocialDomainArea.Wmo, null),
        new("participatie", "Participatie, werk en inkomen", SocialDomainArea.WerkInkomen, [SocialDomainArea.WerkInkomen], null,
            "De G40-benchmark in de brondocumenten gaat alleen over Jeugd, Wmo en voorveld; voor participatie, werk en inkomen zijn er geen G40-cijfers."),
        new("voorveld", "Voorveld en toegang", SocialDomainArea.Voorveld, [SocialDomainArea.Voorveld, SocialDomainArea.SociaalPlein], SocialDomainArea.Voorveld,
            "Het Sociaal Plein is de toegang tot Wmo, jeugdhulp en werk en inkomen (taakveld 6.2 Wijkteams); zijn KPI's staan daarom bij het voorveld (aangenomen)."),
    ];

    /// <summary>The page of a route value (ignoring case); null when there is none.</summary>
    public static DomainPage? Find(string? slug) =>
        Pages.FirstOrDefault(p => string.Equals(p.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase));
}
