using SocialDomain.Core.Domain;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Features.Overview;

/// <summary>
/// Which KPI rows the Kwartaaloverzicht shows (issue 21, docs/adr/0019-overview-per-section-for-large-kpi-sets.md). Up
/// to <see cref="OverviewReport.OpenUpTo"/> KPIs: all of them. With more: the summary with the status counts of every
/// programme and domain, and the rows of the programme (<c>?programma=</c>) or of the domain within it
/// (<c>&amp;domein=</c>) the reader chooses there, or all of them on request (<c>?programma=alle</c>). The counts always
/// cover every KPI; only the rows shown are read and drawn in full, so the page costs what it shows.
/// </summary>
/// <param name="All">Every row is shown.</param>
/// <param name="Programme">The programme whose rows are shown (its code, or <see cref="NoProgramme"/>); null with <paramref name="All"/> or the summary only.</param>
/// <param name="Domain">Only this domain's rows (of <paramref name="Programme"/>, or of every programme when that is null).</param>
/// <param name="Problem">Why the request was not followed, with what is shown instead; null when it was.</param>
public sealed record OverviewSection(bool All, string? Programme, SocialDomainArea? Domain, string? Problem = null)
{
    /// <summary>The <c>programma</c> value that shows every row on one page.</summary>
    public const string AllProgrammes = "alle";

    /// <summary>The <c>programma</c> value of the KPIs without a programme (as in the overview's CSV).</summary>
    public const string NoProgramme = "geen";

    /// <summary>Every row: the page of a small KPI set, and every other use of the overview (CSV, API, publication, report).</summary>
    public static OverviewSection Everything { get; } = new(true, null, null);

    /// <summary>The summary only: no KPI rows until the reader chooses a programme or domain.</summary>
    public bool IsSummaryOnly => !All && Programme is null && Domain is null;

    /// <summary>The <c>programma</c> value of a programme: its code, or <see cref="NoProgramme"/>.</summary>
    public static string TokenOf(string? programmeCode) => programmeCode ?? NoProgramme;

    /// <summary>Whether a <c>programma</c> value names this programme (case does not matter).</summary>
    public static bool Names(string? token, string? programmeCode) =>
        string.Equals(TokenOf(programmeCode), token?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the rows of this programme and domain are shown.</summary>
    public bool Shows(string? programmeCode, SocialDomainArea domain) =>
        All || (!IsSummaryOnly && (Programme is null || Names(Programme, programmeCode)) && (Domain is null || Domain == domain));

    /// <summary>
    /// The section for the requested <c>programma</c> and <c>domein</c> (empty = none) of an overview with
    /// <paramref name="kpiCount"/> KPIs in these programme and domain <paramref name="groups"/>. A programme or domain that
    /// is not in the overview is not followed: the page then shows what it shows without a request, and says why.
    /// </summary>
    public static OverviewSection Choose(string? programme, string? domain, int kpiCount, IEnumerable<(string? Programme, SocialDomainArea Domain)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var fallback = kpiCount <= OverviewReport.OpenUpTo ? Everything : new OverviewSection(false, null, null);
        var fallbackText = fallback.All ? "; alle KPI's worden getoond." : "; de samenvatting per programma en domein wordt getoond.";
        var requestedProgramme = string.IsNullOrWhiteSpace(programme) ? null : programme.Trim();
        var requestedDomain = string.IsNullOrWhiteSpace(domain) ? null : domain.Trim();
        if (string.Equals(requestedProgramme, AllProgrammes, StringComparison.OrdinalIgnoreCase))
        {
            requestedProgramme = null;
            if (requestedDomain is null)
            {
                return Everything;
            }
        }

        if (requestedProgramme is null && requestedDomain is null)
        {
            return fallback;
        }

        SocialDomainArea? area = null;
        if (requestedDomain is not null)
        {
            // The same parsing and wording as the overview's CSV export (Codes, Tokens.Domain).
            if (!Codes.TryParse(Tokens.Domain, requestedDomain, out SocialDomainArea parsed))
            {
                return fallback with { Problem = $"'{requestedDomain}' is geen domein (kies uit {Codes.List(Tokens.Domain)})" + fallbackText };
            }

            area = parsed;
        }

        var chosen = new OverviewSection(false, requestedProgramme, area);
        var match = groups.Where(g => chosen.Shows(g.Programme, g.Domain)).Select(g => (Found: true, g.Programme)).FirstOrDefault();
        if (!match.Found)
        {
            var what = (requestedProgramme, area) switch
            {
                (null, { } a) => $"Het domein {Vocabulary.Domains.Label(a)} heeft",
                ({ } p, null) => $"Programma '{p}' heeft",
                ({ } p, { } a) => $"Programma '{p}' heeft in het domein {Vocabulary.Domains.Label(a)}",
                _ => throw new InvalidOperationException("unreachable"),
            };
            return fallback with { Problem = what + " geen KPI's in dit overzicht" + fallbackText };
        }

        // As the overview spells it ("GEEN" → "geen").
        return requestedProgramme is null ? chosen : chosen with { Programme = TokenOf(match.Programme) };
    }
}

/// <summary>The page's <c>programma</c> and <c>domein</c> parameters as requested (empty = none).</summary>
public sealed record OverviewSectionRequest(string? Programme, string? Domain);
