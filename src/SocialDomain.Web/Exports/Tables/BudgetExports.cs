using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports.Datasets;
using SocialDomain.Web.Pages.Begroting;

namespace SocialDomain.Web.Exports.Tables;

/// <summary>A row of the budget-and-realisation table of one year.</summary>
public sealed record BudgetLevelRecord(int Year, BudgetModel.LevelRow Row, BudgetVarianceRow? Variance);

/// <summary>A programme (or the total) of the WINST budget change in one year.</summary>
public sealed record BudgetChangeRecord(string Label, bool IsTotal, int Year, BudgetModel.ChangeCell Cell, AggregateCheck? Check);

/// <summary>A row of the WINST investment plan: project, subtotal, total or coverage.</summary>
public sealed record PlanRecord(string Kind, string Code, string Name, string? Description, int Level, IReadOnlyDictionary<int, decimal?> Amounts, decimal? Total, string? Note);

/// <summary>A row of the reserve table.</summary>
public sealed record ReserveRecord(string? Reserve, BudgetModel.ReserveYear Row);

/// <summary>A movement of the reserve.</summary>
public sealed record ReserveMovementRecord(BudgetModel.Movement Row);

/// <summary>The tables of /begroting, from the page model (Core's BudgetVariance and DataQuality checks).</summary>
public static class BudgetExports
{
    public const string LevelsName = "begroting";
    public const string ChangesName = "begrotingswijzigingen";
    public const string PlanName = "investeringsplan";
    public const string ReserveName = "reserve";
    public const string MovementsName = "reserve-mutaties";

    public static readonly ColumnSet<BudgetLevelRecord> LevelColumns = new ColumnSet<BudgetLevelRecord>()
        .Integer("Jaar", "jaar", r => r.Year, "Begrotingsjaar.")
        .Text("Niveau-code", "niveauCode", r => Codes.BudgetScope(r.Row.Scope), "programme, lot, task_field of total.")
        .Text("Onderdeel-code", "onderdeelCode", r => r.Row.Code, "Programmanummer, perceelcode of 'totaal'.")
        .Text("Onderdeel", "onderdeel", r => r.Row.Label, "Zoals in de tabel.")
        .Text("Maatstaf-code", "maatstafCode", r => Codes.BudgetMeasure(r.Row.Measure), "lasten, baten of saldo (positief = netto lasten).")
        .Number("Primitieve begroting", "primitieveBegroting", r => r.Row.Original, "Leeg = niet beschikbaar (zie de reden).")
        .Text("Reden primitieve begroting ontbreekt", "redenPrimitieveOntbreekt", r => r.Row.OriginalMissing, "Waarom het bedrag niet beschikbaar is.")
        .Number("Gewijzigde begroting", "gewijzigdeBegroting", r => r.Row.Amended, "Leeg = niet beschikbaar.")
        .Boolean("Gewijzigde begroting afgeleid", "gewijzigdeBegrotingAfgeleid", r => r.Row.AmendedIsDerived, "Ja als het bedrag is afgeleid en niet in de bronnen staat.")
        .Text("Reden gewijzigde begroting ontbreekt", "redenGewijzigdeOntbreekt", r => r.Row.AmendedMissing, "Waarom het bedrag niet beschikbaar is.")
        .Number("Realisatie", "realisatie", r => r.Row.Realisation, "Leeg = niet beschikbaar.")
        .Boolean("Realisatie afgeleid", "realisatieAfgeleid", r => r.Row.RealisationIsDerived, "Ja als de realisatie is afgeleid (gewijzigde begroting + vermeld tekort).")
        .Text("Toelichting realisatie", "toelichtingRealisatie", r => r.Row.RealisationNote, "Afleiding of reden van ontbreken.")
        .Text("Afwijking vergeleken met", "afwijkingVergelekenMet", r => r.Variance?.ComparedWith, "gewijzigde begroting, of primitieve begroting als er geen gewijzigde is.")
        .Number("Afwijking", "afwijking", r => r.Variance?.Difference, "Realisatie min begroting, in euro's.")
        .Number("Afwijking (%)", "afwijkingProcent", r => r.Variance?.DifferencePercent, "Als percentage van de begroting.")
        .Text("Soort afwijking-code", "soortAfwijkingCode", r => r.Variance is { } v ? Codes.VarianceKind(v.Kind) : null, "overrun, underrun of on_budget.")
        .Text("Omschrijving afwijking", "omschrijvingAfwijking", r => r.Variance?.Description, "Zoals op de pagina.")
        .Text("Afwijking t.o.v. primitieve begroting", "afwijkingPrimitieveBegroting", r => r.Row.VarianceAgainstOriginal?.Description, "Als er ook een gewijzigde begroting is: de afwijking ten opzichte van de primitieve.")
        .Text("Reden afwijking niet te berekenen", "redenAfwijkingOntbreekt", r => r.Variance is null ? r.Row.VarianceMissing : null, "Waarom er geen afwijking is.")
        .Text("Status-code", "statusCode", r => Codes.KpiStatus(r.Row.Variance?.Status), "on_track, attention of off_track; leeg = niet te beoordelen.")
        .Text("Status", "status", r => r.Row.Variance?.Status.ToDutchLabel() ?? KpiStatusLabels.NotAssessable, "Zoals op de pagina.")
        .Number("Verandering (%)", "veranderingProcent", r => Benchmarks.Round(r.Row.ChangePercent), "Verandering van de primitieve begroting ten opzichte van het eerdere jaar.")
        .Integer("Verandering t.o.v. jaar", "veranderingTovJaar", r => r.Row.ChangeFromYear, "Het jaar waartegen de verandering is berekend.")
        .Text("Bronnotities", "bronnotities", r => r.Row.Notes.Count == 0 ? null : string.Join(" · ", r.Row.Notes), "Notities uit de bronnen.");

    public static readonly ColumnSet<BudgetChangeRecord> ChangeColumns = new ColumnSet<BudgetChangeRecord>()
        .Text("Programma", "programma", r => r.Label, "Programma, of het totaal.")
        .Boolean("Totaal", "totaal", r => r.IsTotal, "Ja voor de totaalregel.")
        .Integer("Jaar", "jaar", r => r.Year, "Jaar.")
        .Number("Lasten", "lasten", r => r.Cell.Expenses, "Lasten (+); leeg = niet in de bron.")
        .Number("Baten", "baten", r => r.Cell.Income, "Baten (−); leeg = niet in de bron.")
        .Number("Saldo", "saldo", r => r.Cell.Net, "Saldo = lasten + baten.")
        .Boolean("Totaal klopt", "totaalKlopt", r => r.Check?.IsConsistent, "Alleen op de totaalregel: is het saldo gelijk aan de som van de programma's?")
        .Text("Controle", "controle", r => r.Check?.Message, "De controle in woorden.");

    public static readonly ColumnSet<ReserveRecord> ReserveColumns = new ColumnSet<ReserveRecord>()
        .Text("Reserve", "reserve", r => r.Reserve, "Naam van de reserve.")
        .Integer("Jaar", "jaar", r => r.Row.Year, "Jaar.")
        .Boolean("Raming", "raming", r => r.Row.IsEstimate, "Ja voor een raming, nee voor een realisatie.")
        .Number("Stand 1 januari", "stand1Januari", r => r.Row.Opening, "Leeg = geen beginstand in de bron.")
        .Number("Stortingen", "stortingen", r => r.Row.Deposits, "Som van de stortingen.")
        .Number("Onttrekkingen", "onttrekkingen", r => r.Row.Withdrawals, "Som van de onttrekkingen (negatief).")
        .Number("Stand 31 december", "stand31December", r => r.Row.Closing, "Eindstand.")
        .Boolean("Begin plus mutaties is eind", "beginPlusMutatiesIsEind", r => r.Row.Check?.IsConsistent, "Uitkomst van de controle.")
        .Text("Controle", "controle", r => r.Row.Check?.Message, "De controle in woorden.");

    public static readonly ColumnSet<ReserveMovementRecord> MovementColumns = new ColumnSet<ReserveMovementRecord>()
        .Text("Reserve", "reserve", r => r.Row.Reserve, "Naam van de reserve.")
        .Integer("Jaar", "jaar", r => r.Row.Year, "Jaar.")
        .Text("Mutatie", "mutatie", r => r.Row.Kind, "storting, onttrekking of saldo.")
        .Number("Bedrag", "bedrag", r => r.Row.Amount, "Bedrag in euro's (onttrekkingen negatief).")
        .Text("Omschrijving", "omschrijving", r => r.Row.Description, "Omschrijving.");

    public static async Task<IResult> LevelsAsync(HttpContext http, SocialDomainDbContext db, string? jaarText, string? dialect)
    {
        var filters = new FilterReader();
        var jaar = filters.Year(jaarText, "jaar");
        if (filters.HasErrors)
        {
            return ExportResults.BadRequest(filters.ErrorText);
        }

        var (page, problem, csvDialect) = await PageAsync(http, db, dialect);
        if (problem is not null)
        {
            return problem;
        }

        if (jaar is { } y && page!.Years.All(year => year.Year != y))
        {
            return ExportResults.NotFound($"Voor {y} zijn er geen begrotingsgegevens; beschikbaar: {string.Join(", ", page.Years.Select(year => year.Year))}.");
        }

        var rows = page!.Years.Where(year => jaar is null || year.Year == jaar)
            .SelectMany(year => year.All.Select(r => new BudgetLevelRecord(year.Year, r, BudgetVarianceRow.From(r)))).ToList();
        return ExportResults.Csv(http, LevelsName, csvDialect, LevelColumns, rows, jaar?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task<IResult> ChangesAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        var (page, problem, csvDialect) = await PageAsync(http, db, dialect);
        if (problem is not null)
        {
            return problem;
        }

        var rows = page!.Changes.SelectMany(c => page.ChangeYears.Select(y => new BudgetChangeRecord(c.Label, false, y, c.Cells[y], null)))
            .Concat(page.ChangeTotal is { } total
                ? page.ChangeYears.Select(y => new BudgetChangeRecord(total.Label, true, y, total.Cells[y], page.ChangeChecks.GetValueOrDefault(y)))
                : [])
            .ToList();
        return ExportResults.Csv(http, ChangesName, csvDialect, ChangeColumns, rows);
    }

    public static async Task<IResult> PlanAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        var (page, problem, csvDialect) = await PageAsync(http, db, dialect);
        if (problem is not null)
        {
            return problem;
        }

        // One column per plan year, as on the page.
        var columns = new ColumnSet<PlanRecord>()
            .Text("Soort rij", "soortRij", r => r.Kind, "project, subtotaal, totaal of dekking.")
            .Text("Project-code", "projectCode", r => r.Code, "Code van het project.")
            .Text("Project", "project", r => r.Name, "Naam, zoals in de tabel.")
            .Text("Omschrijving", "omschrijving", r => r.Description, "Omschrijving van het project.")
            .Integer("Niveau", "niveau", r => r.Level, "0 = project, 1 = onderdeel van een verzamelproject.");
        foreach (var year in page!.PlanYears)
        {
            columns.Number(year.ToString(System.Globalization.CultureInfo.InvariantCulture), "bedrag" + year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r => r.Amounts.GetValueOrDefault(year), $"Bedrag {year}; leeg = geen bedrag (nooit 0).");
        }

        columns.Number("Totaal", "totaal", r => r.Total, "Som over de jaren; leeg als een jaar ontbreekt.")
            .Text("Opmerking", "opmerking", r => r.Note, "Zoals in de tabel.");

        var rows = page.Plan.Select(p => new PlanRecord(p.IsSubtotal ? "subtotaal" : "project", p.Code, p.Name, p.Description, p.Level, p.Amounts, p.Total, p.Note))
            .Append(new PlanRecord("totaal", BudgetModel.PlanCode, "Totaal investeringsplan (som van de projecten)", null, 0, page.PlanTotals,
                page.PlanTotals.Values.All(v => v is not null) ? page.PlanTotals.Values.Sum(v => v!.Value) : null,
                page.PlanTotals.Values.Any(v => v is null) ? "niet volledig" : null))
            .Concat(page.Coverage.Select(c => new PlanRecord("dekking", c.Code, c.Name, null, 0, c.Amounts, c.Total, null)))
            .ToList();
        return ExportResults.Csv(http, PlanName, csvDialect, columns, rows);
    }

    public static async Task<IResult> ReserveAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        var (page, problem, csvDialect) = await PageAsync(http, db, dialect);
        return problem ?? ExportResults.Csv(http, ReserveName, csvDialect, ReserveColumns, page!.Reserve.Select(r => new ReserveRecord(page.ReserveName, r)).ToList());
    }

    public static async Task<IResult> MovementsAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        var (page, problem, csvDialect) = await PageAsync(http, db, dialect);
        return problem ?? ExportResults.Csv(http, MovementsName, csvDialect, MovementColumns,
            page!.Reserve.SelectMany(r => r.Movements).Select(m => new ReserveMovementRecord(m)).ToList());
    }

    private static async Task<(BudgetModel? Page, IResult? Problem, CsvDialect Dialect)> PageAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        if (!CsvDialect.TryParse(dialect, out var csvDialect, out var error))
        {
            return (null, ExportResults.BadRequest(error!), csvDialect);
        }

        var page = new BudgetModel(db).ForRequest(http);
        await page.OnGetAsync(http.RequestAborted);
        return page.HasData ? (page, null, csvDialect) : (null, ExportResults.NotFound("Er zijn nog geen begrotingsgegevens geladen."), csvDialect);
    }
}
