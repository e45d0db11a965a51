using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;

namespace SocialDomain.Web.Features.Findings;

/// <summary>A data-quality finding: a stated figure against the value recomputed from its parts.</summary>
public sealed record FindingRecord(
    int Id,
    string Dataset,
    string Subject,
    string Message,
    decimal? StatedValue,
    decimal? RecomputedValue,
    decimal? Difference,
    int? Count,
    IReadOnlyList<string> Missing,
    string SourceDocument,
    string SourceSection)
{
    /// <summary>The check kind's name (Average, Sum, ChangePercent, ...); null for an old finding without one.</summary>
    public string? Kind { get; init; }

    /// <summary>True when the difference is explained by rounding only.</summary>
    public bool RoundingOnly { get; init; }

    public string? EntityCode { get; init; }

    public string? KpiCode { get; init; }

    public string? BudgetScope { get; init; }

    public string? BudgetCode { get; init; }

    public int? Year { get; init; }
}

public sealed record FindingFilter(string? Dataset = null, string? SubjectPrefix = null);

/// <summary>Data-quality findings (docs/data-sources.md, "Data-quality findings").</summary>
public static class FindingDataset
{
    public const string Name = "datakwaliteit";

    public static readonly ColumnSet<FindingRecord> Columns = new ColumnSet<FindingRecord>()
        .Integer("Id", "id", r => r.Id, "Nummer van de bevinding.")
        .Text("Dataset", "dataset", r => r.Dataset, "Dataset waarover de bevinding gaat, bijvoorbeeld g40.")
        .Text("Onderwerp", "onderwerp", r => r.Subject, "Vaste sleutel van het gecontroleerde cijfer, bijvoorbeeld average/G40/jeugd/totaal/2020/Budget.")
        .Text("Melding", "melding", r => r.Message, "De controle en de uitkomst in het Nederlands.")
        .Number("Vermelde waarde", "vermeldeWaarde", r => r.StatedValue, "Het cijfer zoals de bron het vermeldt.")
        .Number("Herberekende waarde", "herberekendeWaarde", r => r.RecomputedValue, "Het cijfer herberekend uit de onderdelen.")
        .Number("Verschil", "verschil", r => r.Difference, "Vermeld min herberekend.")
        .Integer("Aantal waarden", "aantalWaarden", r => r.Count, "Aantal waarden in de herberekening (n).")
        .Text("Zonder waarde", "zonderWaarde", r => r.Missing.Count == 0 ? null : string.Join(", ", r.Missing), "Codes van de leden zonder waarde, gescheiden door komma's.")
        .Text("Brondocument", "brondocument", r => r.SourceDocument, "Brondocument.")
        .Text("Bronsectie", "bronsectie", r => r.SourceSection, "Sectie in het brondocument.")
        .Text("Soort controle", "soortControle", r => r.Kind, "Wat er is gecontroleerd: Average, Growth, BudgetDeficit, TotalOfTaskFields, SwappedTaskFields, OutsideOwnYears, Sum, ChangePercent, Ratio, SameValue, AllAbove, AllBelow of WholeBase.")
        .Boolean("Alleen afronding", "alleenAfronding", r => r.RoundingOnly, "Ja als het verschil alleen door afronding te verklaren is.")
        .Text("Gemeente of gemiddelde", "gemeente", r => r.EntityCode, "Code van het gemiddelde (G40, G4) of van de gemeente waarover de bevinding gaat.")
        .Text("KPI-code", "kpiCode", r => r.KpiCode, "De KPI waarvan de cijfers het betreft (KPI-pagina).")
        .Text("Begrotingsdeel", "begrotingsdeel", r => r.BudgetScope, "Het deel van de begrotingspagina: programme, lot, total, project of reserve.")
        .Text("Begrotingscode", "begrotingscode", r => r.BudgetCode, "Programmanummer, perceelcode, projectcode of naam van de reserve.")
        .Integer("Jaar", "jaar", r => r.Year, "Jaar van het gecontroleerde cijfer.");

    public static IQueryable<FindingRecord> Query(SocialDomainDbContext db, FindingFilter filter)
    {
        var query = db.DataQualityFindings.AsNoTracking();
        if (filter.Dataset is { } dataset)
        {
            query = query.Where(f => f.Dataset == dataset);
        }

        if (filter.SubjectPrefix is { } prefix)
        {
            query = query.Where(f => f.Subject.StartsWith(prefix));
        }

        return query.OrderBy(f => f.Dataset).ThenBy(f => f.Subject).ThenBy(f => f.Id)
            .Select(f => new FindingRecord(f.Id, f.Dataset, f.Subject, f.Message, f.StatedValue, f.RecomputedValue, f.Difference, f.Count,
                f.Missing, f.Source.Document, f.Source.Section)
            {
                Kind = f.Kind.HasValue ? f.Kind.Value.ToString() : null,
                RoundingOnly = f.RoundingOnly,
                EntityCode = f.EntityCode,
                KpiCode = f.KpiCode,
                BudgetScope = f.BudgetScope,
                BudgetCode = f.BudgetCode,
                Year = f.Year,
            });
    }
}
