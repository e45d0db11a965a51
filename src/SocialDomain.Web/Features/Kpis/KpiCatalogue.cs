using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>Filters of the KPI list.</summary>
/// <param name="Code">Exactly this KPI.</param>
public sealed record KpiFilter(SocialDomainArea? Domain = null, string? ProgrammeCode = null, string? Search = null, string? Code = null);

/// <summary>The KPI definitions catalogue: the query behind /kpis, its CSV, the bulk export and the API, and its columns.</summary>
public static class KpiCatalogue
{
    public const string Name = "kpis";

    public static readonly ColumnSet<KpiDefinition> Columns = new ColumnSet<KpiDefinition>()
        .Text("KPI-code", "kpiCode", r => r.Code, "Code van de KPI.")
        .Text("KPI", "kpiNaam", r => r.Name, "Naam van de KPI.")
        .Text("Definitie", "definitie", r => r.Definition, "Wat de KPI meet, voor wie en hoe.")
        .Text("Eenheid-code", "eenheidCode", r => Codes.Unit(r.Unit), "Eenheid als code.")
        .Text("Eenheid", "eenheid", r => DutchText.Unit(r.Unit), "Eenheid in het Nederlands.")
        .Text("Richting-code", "richtingCode", r => Codes.Direction(r.Direction), "higher_is_better, lower_is_better, within_band of informative.")
        .Text("Richting", "richting", r => DutchText.Direction(r.Direction), "Welke kant beter is.")
        .Number("Ondergrens bandbreedte", "ondergrensBandbreedte", r => r.BandLow, "Ondergrens als de richting een bandbreedte is.")
        .Number("Bovengrens bandbreedte", "bovengrensBandbreedte", r => r.BandHigh, "Bovengrens als de richting een bandbreedte is.")
        .Text("Frequentie-code", "frequentieCode", r => Codes.Frequency(r.Frequency), "year of quarter.")
        .Text("Frequentie", "frequentie", r => DutchText.Frequency(r.Frequency), "Hoe vaak de KPI wordt gemeten.")
        .Text("Bron van de metingen", "bronMetingen", r => r.DataSource, "Waar de metingen vandaan komen.")
        .Text("Eigenaar", "eigenaar", r => r.Owner, "Eigenaar van de KPI.")
        .Number("Wettelijke norm", "wettelijkeNorm", r => r.LegalNorm, "Wettelijke norm in de eenheid van de KPI; leeg als er geen is.")
        .Text("Omschrijving wettelijke norm", "omschrijvingWettelijkeNorm", r => r.LegalNormDescription, "Omschrijving van de wettelijke norm.")
        .Text("Domein-code", "domeinCode", r => Codes.Domain(r.Domain), "Domein als code.")
        .Text("Domein", "domein", r => DutchText.Domain(r.Domain), "Domein in het Nederlands.")
        .Text("Programma-code", "programmaCode", r => r.ProgrammeCode, "Nummer van het begrotingsprogramma.")
        .Text("Programma", "programma", r => r.ProgrammeName, "Naam van het begrotingsprogramma.");

    /// <summary>The matching KPIs in catalogue order (domain, name, code).</summary>
    public static IQueryable<KpiDefinition> Query(SocialDomainDbContext db, KpiFilter filter)
    {
        var query = db.Kpis.AsNoTracking();
        if (filter.Domain is { } domain)
        {
            query = query.Where(k => k.Domain == domain);
        }

        if (filter.Code is { } code)
        {
            query = query.Where(k => k.Code == code);
        }

        if (filter.ProgrammeCode is { } programme)
        {
            query = query.Where(k => k.ProgrammeCode == programme);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // ILIKE with a bound parameter; % and _ in the input match literally. The escape character is passed
            // explicitly: without it Npgsql emits ESCAPE '' and the backslashes would be matched as text.
            var pattern = LikePattern.Contains(filter.Search);
            query = query.Where(k => EF.Functions.ILike(k.Name, pattern, LikePattern.Escape) || EF.Functions.ILike(k.Definition, pattern, LikePattern.Escape) || EF.Functions.ILike(k.Code, pattern, LikePattern.Escape));
        }

        return query.OrderBy(k => k.Domain).ThenBy(k => k.Name).ThenBy(k => k.Code).Select(KpiDefinition.FromEntity);
    }

    /// <summary>The catalogue as the page shows it: the matching KPIs grouped by domain (one round trip).</summary>
    public static async Task<IReadOnlyList<IGrouping<SocialDomainArea, KpiDefinition>>> ByDomainAsync(
        SocialDomainDbContext db, KpiFilter filter, CancellationToken cancellationToken) =>
        (await Query(db, filter).ToListAsync(cancellationToken)).GroupBy(k => k.Domain).ToList();
}
