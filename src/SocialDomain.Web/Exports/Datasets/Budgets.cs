using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Pages.Begroting;

namespace SocialDomain.Web.Exports.Datasets;

/// <summary>
/// A budget line (programme, task field, lot or total × year × stage × measure) and, on a realisation line, the
/// variance the Begroting page shows for that item and year: realisation against the amended budget (or the
/// primitive one when there is no amended budget), computed by the page model with Core's BudgetVariance.
/// Amounts follow the Hilversum sign convention (lasten positive, baten negative, saldo = lasten + baten).
/// </summary>
public sealed record BudgetRecord(
    int Year,
    BudgetScope Scope,
    string ScopeCode,
    string Name,
    string? ProgrammeCode,
    string? TaskFieldCode,
    BudgetStage Stage,
    BudgetMeasure Measure,
    decimal Amount,
    string? Note,
    string SourceDocument,
    string SourceSection,
    BudgetVarianceRow? Variance);

/// <summary>The variance of one budget item in one year, in the Hilversum sign convention.</summary>
public sealed record BudgetVarianceRow(
    string ComparedWith,
    decimal Budget,
    decimal Realisation,
    bool RealisationIsDerived,
    decimal Difference,
    decimal? DifferencePercent,
    BudgetVarianceKind Kind,
    KpiStatus? Status,
    string Description)
{
    /// <summary>The variance of a Begroting page row; null when the page shows "niet te berekenen".</summary>
    public static BudgetVarianceRow? From(BudgetModel.LevelRow row)
    {
        if (row.Variance is not { } variance || row.Realisation is not { } realisation)
        {
            return null;
        }

        var againstAmended = row.Amended is not null;
        var budget = againstAmended ? row.Amended!.Value : row.Original!.Value;
        var difference = realisation - budget;
        return new BudgetVarianceRow(
            againstAmended ? "gewijzigde begroting" : "primitieve begroting",
            budget,
            realisation,
            row.RealisationIsDerived,
            difference,
            budget == 0m ? null : Benchmarks.Round(difference / Math.Abs(budget) * 100m),
            variance.Kind,
            variance.Status,
            variance.Description);
    }
}

public sealed record BudgetFilter(int? Year = null, BudgetStage? Stage = null, BudgetScope? Scope = null, string? ProgrammeCode = null, string? TaskFieldCode = null);

/// <summary>Budget lines with variances.</summary>
public static class Budgets
{
    public const string Name = "begrotingen";

    public static readonly ColumnSet<BudgetRecord> Columns = new ColumnSet<BudgetRecord>()
        .Integer("Jaar", "jaar", r => r.Year, "Begrotingsjaar.")
        .Text("Niveau-code", "niveauCode", r => Codes.BudgetScope(r.Scope), "programme, task_field, lot of total.")
        .Text("Onderdeel-code", "onderdeelCode", r => r.ScopeCode, "Programmanummer, taakveldcode, perceelcode of 'totaal'.")
        .Text("Onderdeel", "onderdeel", r => r.Name, "Naam van het onderdeel.")
        .Text("Programma-code", "programmaCode", r => r.ProgrammeCode, "Programma waar het onderdeel onder valt.")
        .Text("Taakveld-code", "taakveldCode", r => r.TaskFieldCode, "IV3-taakveld, als dat bekend is.")
        .Text("Fase-code", "faseCode", r => Codes.BudgetStage(r.Stage), "primitieve_begroting, gewijzigde_begroting, realisatie of wijziging.")
        .Text("Fase", "fase", r => DutchText.BudgetStage(r.Stage), "Fase in de planning-en-controlcyclus.")
        .Text("Maatstaf-code", "maatstafCode", r => Codes.BudgetMeasure(r.Measure), "lasten, baten of saldo.")
        .Number("Bedrag", "bedrag", r => r.Amount, "Bedrag in euro's; lasten positief, baten negatief, saldo = lasten + baten (positief = netto lasten).")
        .Text("Opmerking", "opmerking", r => r.Note, "Opmerking bij de regel.")
        .Text("Brondocument", "brondocument", r => r.SourceDocument, "Brondocument.")
        .Text("Bronsectie", "bronsectie", r => r.SourceSection, "Sectie in het brondocument.")
        .Text("Afwijking vergeleken met", "afwijkingVergelekenMet", r => r.Variance?.ComparedWith, "Alleen op realisatieregels: de begroting waartegen de realisatie is afgezet (de gewijzigde als die er is).")
        .Number("Begroting (vergeleken)", "begrotingVergeleken", r => r.Variance?.Budget, "Het begrote bedrag waartegen is vergeleken.")
        .Number("Realisatie (vergeleken)", "realisatieVergeleken", r => r.Variance?.Realisation, "De realisatie; afgeleid (gewijzigde begroting + vermeld tekort) als de bron alleen het tekort geeft.")
        .Boolean("Realisatie afgeleid", "realisatieAfgeleid", r => r.Variance?.RealisationIsDerived, "Ja als de realisatie is afgeleid uit een vermeld tekort.")
        .Number("Afwijking", "afwijking", r => r.Variance?.Difference, "Realisatie min begroting, in euro's.")
        .Number("Afwijking (%)", "afwijkingProcent", r => r.Variance?.DifferencePercent, "Afwijking als percentage van de begroting; leeg als de begroting 0 is.")
        .Text("Soort afwijking-code", "soortAfwijkingCode", r => r.Variance is { } v ? Codes.VarianceKind(v.Kind) : null, "overrun (overschrijding, ongunstig), underrun (onderschrijding) of on_budget.")
        .Text("Omschrijving afwijking", "omschrijvingAfwijking", r => r.Variance?.Description, "Zoals op de pagina, bijvoorbeeld 'overschrijding van € 1.163.470 (1,4% van de begroting)'.")
        .Text("Status-code", "statusCode", r => r.Variance is { } v ? Codes.KpiStatus(v.Status) : null, "on_track, attention of off_track (een onderschrijding is altijd on_track).")
        .Text("Status", "status", r => r.Variance is { } v ? v.Status.ToDutchLabel() : null, "op koers, aandacht, uit koers of niet te beoordelen.");

    /// <summary>Every matching budget line, with the variance of its item on realisation lines.</summary>
    public static async Task<IReadOnlyList<BudgetRecord>> LoadAsync(SocialDomainDbContext db, BudgetFilter filter, CancellationToken cancellationToken)
    {
        // The variances come from the Begroting page model itself, so the export can never disagree with the page.
        var page = new BudgetModel(db);
        await page.OnGetAsync(cancellationToken);
        var variances = page.Years.SelectMany(y => y.All.Select(r => (y.Year, Row: r)))
            .GroupBy(x => (x.Year, x.Row.Scope, x.Row.Code))
            .ToDictionary(g => g.Key, g => BudgetVarianceRow.From(g.First().Row));

        var query = db.BudgetLines.AsNoTracking();
        if (filter.Year is { } year)
        {
            query = query.Where(l => l.Year == year);
        }

        if (filter.Stage is { } stage)
        {
            query = query.Where(l => l.Stage == stage);
        }

        if (filter.Scope is { } scope)
        {
            query = query.Where(l => l.Scope == scope);
        }

        if (filter.ProgrammeCode is { } programme)
        {
            query = query.Where(l => l.ProgrammeCode == programme);
        }

        if (filter.TaskFieldCode is { } taskField)
        {
            query = query.Where(l => l.TaskFieldCode == taskField);
        }

        var lines = await query.OrderBy(l => l.Year).ThenBy(l => l.Id)
            .Select(l => new { l.Year, l.Scope, l.ScopeCode, l.Name, l.ProgrammeCode, l.TaskFieldCode, l.Stage, l.Measure, l.Amount, l.Note, l.Source.Document, l.Source.Section })
            .ToListAsync(cancellationToken);
        return lines.Select(l => new BudgetRecord(l.Year, l.Scope, l.ScopeCode, l.Name, l.ProgrammeCode, l.TaskFieldCode, l.Stage, l.Measure, l.Amount,
                l.Note, l.Document, l.Section,
                l.Stage == BudgetStage.Actuals ? variances.GetValueOrDefault((l.Year, l.Scope, l.ScopeCode)) : null))
            .ToList();
    }
}
