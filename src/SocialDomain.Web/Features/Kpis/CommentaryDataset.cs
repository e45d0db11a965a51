using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>
/// Quarterly commentary on a KPI ("het verhaal achter de cijfers"): what readers see (one record per quarter), or one
/// stored version of it (<see cref="CommentaryFilter.AllVersions"/>).
/// </summary>
/// <param name="Version">The version this text is (for what readers see: the published version, or the newest draft
/// of a commentary never published); 0 for a commentary stored without versions.</param>
/// <param name="UpdatedAt">What readers see: its last change. A version: when it was saved.</param>
public sealed record CommentaryRecord(
    string KpiCode,
    string KpiName,
    int Year,
    int Quarter,
    int Version,
    CommentaryStatus Status,
    string Text,
    string Author,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    bool IsSynthetic);

/// <param name="PublishedOnly">False for staff (drafts included); otherwise only published commentary of published
/// quarters is visible, as on the KPI page.</param>
/// <param name="AllVersions">Every stored version instead of what readers see (without staff rights: the published
/// versions only).</param>
public sealed record CommentaryFilter(string? KpiCode = null, Period? Quarter = null, int? Year = null, bool PublishedOnly = false, bool AllVersions = false);

/// <summary>Commentary per KPI per quarter, or all its versions; drafts only for staff.</summary>
public static class CommentaryDataset
{
    public const string Name = "toelichtingen";

    public static readonly ColumnSet<CommentaryRecord> Columns = new ColumnSet<CommentaryRecord>()
        .Text("KPI-code", "kpiCode", r => r.KpiCode, "Code van de KPI.")
        .Text("KPI", "kpiNaam", r => r.KpiName, "Naam van de KPI.")
        .Text("Kwartaal", "kwartaal", r => Visibility.PeriodText(r.Year, r.Quarter), "Kwartaal van de toelichting, bijvoorbeeld 2020-K4.")
        .Integer("Jaar", "jaar", r => r.Year, "Jaar.")
        .Integer("Kwartaalnummer", "kwartaalnummer", r => r.Quarter, "Kwartaal 1–4.")
        .Integer("Versie", "versie", r => r.Version, "Versienummer van de tekst: 1 voor de eerste opgeslagen tekst, 2 voor de volgende, enzovoort.")
        .Text("Status-code", "statusCode", r => Codes.CommentaryStatus(r.Status), "published (gepubliceerd) of draft (concept, alleen voor medewerkers).")
        .Text("Tekst", "tekst", r => r.Text, "De toelichting.")
        .Text("Auteur", "auteur", r => StaffAttribution.Public(r.Author), "Wie deze tekst schreef, als rol (beleidsadviseur). Namen staan in het auditlog.")
        .Timestamp("Bijgewerkt op", "bijgewerktOp", r => r.UpdatedAt, "Laatste wijziging van de toelichting; met alleVersies: wanneer deze versie is opgeslagen (Europe/Amsterdam).")
        .Timestamp("Gepubliceerd op", "gepubliceerdOp", r => r.PublishedAt, "Publicatiemoment; leeg voor een concept.")
        .Text("Gepubliceerd door", "gepubliceerdDoor", r => r.PublishedBy is null ? null : StaffAttribution.Public(r.PublishedBy), "Wie deze tekst publiceerde, als rol; leeg voor een concept.")
        .Boolean("Synthetisch", "synthetisch", r => r.IsSynthetic, "Ja voor gegenereerde demonstratietekst.");

    public static IQueryable<CommentaryRecord> Query(SocialDomainDbContext db, CommentaryFilter filter)
    {
        var query = db.KpiCommentaries.AsNoTracking();
        if (filter.KpiCode is { } code)
        {
            query = query.Where(c => c.Kpi!.Code == code);
        }

        if (filter.Quarter is { Quarter: { } q } quarter)
        {
            query = query.Where(c => c.Year == quarter.Year && c.Quarter == q);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(c => c.Year == year);
        }

        if (filter.PublishedOnly)
        {
            query = query.Where(Visibility.PublishedCommentary(db));
        }

        // Ordered after the join, so that the order is that of the records (KPI, quarter, version), whatever plan PostgreSQL picks.
        if (filter.AllVersions)
        {
            var publishedOnly = filter.PublishedOnly;
            return query.SelectMany(c => c.Versions.Where(v => !publishedOnly || v.Status == CommentaryStatus.Published), (c, v) => new { c, v })
                .OrderBy(x => x.c.Kpi!.Code).ThenBy(x => x.c.Year).ThenBy(x => x.c.Quarter).ThenBy(x => x.v.Version)
                .Select(x => new CommentaryRecord(x.c.Kpi!.Code, x.c.Kpi.Name, x.c.Year, x.c.Quarter, x.v.Version, x.v.Status, x.v.Text, x.v.Author, x.v.CreatedAt,
                    x.v.PublishedAt, x.v.PublishedBy, x.c.IsSynthetic));
        }

        // What readers see is the newest version with the head row's status (published, or the draft of a commentary never published).
        return query.SelectMany(c => c.Versions.Where(v => v.Status == c.Status).OrderByDescending(v => v.Version).Take(1).DefaultIfEmpty(), (c, v) => new { c, v })
            .OrderBy(x => x.c.Kpi!.Code).ThenBy(x => x.c.Year).ThenBy(x => x.c.Quarter)
            .Select(x => new CommentaryRecord(x.c.Kpi!.Code, x.c.Kpi.Name, x.c.Year, x.c.Quarter, x.v == null ? 0 : x.v.Version, x.c.Status, x.c.Text, x.c.Author,
                x.c.UpdatedAt, x.c.PublishedAt, x.v == null ? null : x.v.PublishedBy, x.c.IsSynthetic));
    }
}
