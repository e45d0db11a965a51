using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>Quarterly commentary on a KPI ("het verhaal achter de cijfers").</summary>
public sealed record CommentaryRecord(
    string KpiCode,
    string KpiName,
    int Year,
    int Quarter,
    CommentaryStatus Status,
    string Text,
    string Author,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    bool IsSynthetic);

/// <param name="PublishedOnly">False for staff (drafts included); otherwise only published commentary of published
/// quarters is visible, as on the KPI page.</param>
public sealed record CommentaryFilter(string? KpiCode = null, Period? Quarter = null, int? Year = null, bool PublishedOnly = false);

/// <summary>Commentary per KPI per quarter; drafts only for staff.</summary>
public static class CommentaryDataset
{
    public const string Name = "toelichtingen";

    public static readonly ColumnSet<CommentaryRecord> Columns = new ColumnSet<CommentaryRecord>()
        .Text("KPI-code", "kpiCode", r => r.KpiCode, "Code van de KPI.")
        .Text("KPI", "kpiNaam", r => r.KpiName, "Naam van de KPI.")
        .Text("Kwartaal", "kwartaal", r => Visibility.PeriodText(r.Year, r.Quarter), "Kwartaal van de toelichting, bijvoorbeeld 2020-K4.")
        .Integer("Jaar", "jaar", r => r.Year, "Jaar.")
        .Integer("Kwartaalnummer", "kwartaalnummer", r => r.Quarter, "Kwartaal 1–4.")
        .Text("Status-code", "statusCode", r => Codes.CommentaryStatus(r.Status), "published (gepubliceerd) of draft (concept, alleen voor medewerkers).")
        .Text("Tekst", "tekst", r => r.Text, "De toelichting.")
        .Text("Auteur", "auteur", r => StaffAttribution.Public(r.Author), "Wie de toelichting schreef, als rol (beleidsadviseur). Namen staan in het auditlog.")
        .Timestamp("Bijgewerkt op", "bijgewerktOp", r => r.UpdatedAt, "Laatste wijziging (Europe/Amsterdam).")
        .Timestamp("Gepubliceerd op", "gepubliceerdOp", r => r.PublishedAt, "Publicatiemoment; leeg voor een concept.")
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

        return query.OrderBy(c => c.Kpi!.Code).ThenBy(c => c.Year).ThenBy(c => c.Quarter)
            .Select(c => new CommentaryRecord(c.Kpi!.Code, c.Kpi.Name, c.Year, c.Quarter, c.Status, c.Text, c.Author, c.UpdatedAt, c.PublishedAt, c.IsSynthetic));
    }
}
