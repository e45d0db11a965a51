using System.Globalization;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Budget;

/// <summary>A task field in one year (section "Begrotingscyclus per taakveld").</summary>
public sealed record BudgetTaskFieldRecord(int Year, TaskFieldBudgetRow Row);

/// <summary>A row of the budget-and-realisation table of one year.</summary>
public sealed record BudgetLevelRecord(int Year, LevelRow Row, BudgetVarianceRow? Variance);

/// <summary>A programme (or the total) of the WINST budget change in one year.</summary>
public sealed record BudgetChangeRecord(string Label, bool IsTotal, int Year, ChangeCell Cell, AggregateCheck? Check);

/// <summary>A row of the WINST investment plan: project, subtotal, total or coverage.</summary>
public sealed record PlanRecord
{
    /// <summary>"project", "subtotaal", "totaal" or "dekking".</summary>
    public required string Kind { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public int Level { get; init; }

    public required IReadOnlyDictionary<int, decimal?> Amounts { get; init; }

    public decimal? Total { get; init; }

    public string? Note { get; init; }
}

/// <summary>A row of the reserve table.</summary>
public sealed record ReserveRecord(string? Reserve, ReserveYear Row);

/// <summary>A movement of the reserve.</summary>
public sealed record ReserveMovementRecord(ReserveMovementData Row);

/// <summary>
/// The variance of one budget item in one year as the Begroting page shows it, in the Hilversum sign convention:
/// the report's <see cref="LevelRow.Variance"/> (Core's <see cref="HilversumBudget"/>), with the percent rounded for export.
/// </summary>
public sealed record BudgetVarianceRow
{
    /// <summary>"gewijzigde begroting", or "primitieve begroting" when there is no amended budget.</summary>
    public required string ComparedWith { get; init; }

    /// <summary>Null for a variance the source states without its budget.</summary>
    public decimal? Budget { get; init; }

    /// <summary>Null for a variance the source states without its realisation.</summary>
    public decimal? Realisation { get; init; }

    /// <summary>Realisation − budget (or the variance the source states).</summary>
    public required decimal Difference { get; init; }

    /// <summary>Difference / |budget| × 100, rounded; null when the budget is 0.</summary>
    public decimal? DifferencePercent { get; init; }

    public required BudgetVarianceKind Kind { get; init; }

    public KpiStatus? Status { get; init; }

    public required string Description { get; init; }

    /// <summary>The variance with its direction and the verdict of the explanation thresholds.</summary>
    public JudgedVariance? Judged { get; init; }

    /// <summary>The variance of a report row; null when the page shows "niet te berekenen".</summary>
    public static BudgetVarianceRow? From(LevelRow row) => row is { Variance: { } variance, VarianceComparedWith: { } comparedWith }
        ? new BudgetVarianceRow
        {
            ComparedWith = DutchText.BudgetStage(comparedWith),
            Budget = variance.Budget,
            Realisation = variance.Realisation,
            Difference = variance.Difference,
            DifferencePercent = Computed.Round(variance.DifferencePercent),
            Kind = variance.Kind,
            Status = variance.Status,
            Description = variance.Description,
            Judged = row.Judged,
        }
        : null;

    /// <summary>What a stated variance is against: the source names no stage of the budget.</summary>
    public const string StatedComparedWith = "begroting (de bron zegt niet welke)";

    /// <summary>The variance a source states for a report row (no budget, realisation, percent or status); null without one.</summary>
    public static BudgetVarianceRow? FromStated(LevelRow row) => row.StatedJudged is { } stated
        ? new BudgetVarianceRow
        {
            ComparedWith = StatedComparedWith,
            Difference = stated.Difference,
            Kind = stated.Kind,
            Description = stated.Description,
            Judged = stated,
        }
        : null;
}

/// <summary>
/// A budget line (programme, task field, lot or total × year × stage × measure) and, on a realisation line, the
/// variance the Begroting page shows for that item and year. Amounts follow the Hilversum sign convention
/// (lasten positive, baten negative, saldo = lasten + baten).
/// </summary>
public sealed record BudgetRecord
{
    public required BudgetLineData Line { get; init; }

    public required string SourceDocument { get; init; }

    public required string SourceSection { get; init; }

    public BudgetVarianceRow? Variance { get; init; }
}

/// <summary>The CSV (and API) columns of the budget feature, and the rows of its tables from the report.</summary>
public static class BudgetColumns
{
    public static readonly ColumnSet<BudgetLevelRecord> Levels = new ColumnSet<BudgetLevelRecord>()
        .Integer("Jaar", "jaar", r => r.Year, "Begrotingsjaar.")
        .Text("Niveau-code", "niveauCode", r => Codes.BudgetScope(r.Row.Scope), "programme, lot, task_field of total.")
        .Text("Onderdeel-code", "onderdeelCode", r => r.Row.Code, "Programmanummer, perceelcode of 'totaal'.")
        .Text("Onderdeel", "onderdeel", r => r.Row.Label, "Zoals in de tabel.")
        .Text("Maatstaf-code", "maatstafCode", r => Codes.BudgetMeasure(r.Row.Measure), "lasten, baten of saldo (positief = netto lasten).")
        .Number("Primitieve begroting", "primitieveBegroting", r => r.Row.Original, "Leeg = niet beschikbaar (zie de reden).")
        .Text("Reden primitieve begroting ontbreekt", "redenPrimitieveOntbreekt", r => r.Row.OriginalMissing, "Waarom het bedrag niet beschikbaar is.")
        .Number("Gewijzigde begroting", "gewijzigdeBegroting", r => r.Row.Amended, "Leeg = niet beschikbaar.")
        .Boolean("Primitieve begroting is meerjarenraming", "primitieveIsMeerjarenraming", r => r.Row.OriginalIsEstimate, "Ja als het bedrag een meerjarenraming uit een eerdere begroting is, niet de primitieve begroting van dat jaar.")
        .Text("Reden gewijzigde begroting ontbreekt", "redenGewijzigdeOntbreekt", r => r.Row.AmendedMissing, "Waarom het bedrag niet beschikbaar is.")
        .Number("Realisatie", "realisatie", r => r.Row.Realisation, "Leeg = niet beschikbaar.")
        .Text("Toelichting realisatie", "toelichtingRealisatie", r => r.Row.RealisationNote, "Reden van ontbreken.")
        .Number("Vermelde afwijking", "vermeldeAfwijking", r => r.Row.StatedVariance, "Een afwijking die de bron noemt zonder begroting en realisatie (positief = meer lasten dan begroot); nooit omgerekend naar een realisatie.")
        .Text("Afwijking vergeleken met", "afwijkingVergelekenMet", r => r.Variance?.ComparedWith, "gewijzigde begroting, of primitieve begroting als er geen gewijzigde is.")
        .Number("Afwijking", "afwijking", r => r.Variance?.Difference, "Realisatie min begroting, in euro's.")
        .Number("Afwijking (%)", "afwijkingProcent", r => r.Variance?.DifferencePercent, "Als percentage van de begroting.")
        .Text("Soort afwijking-code", "soortAfwijkingCode", r => r.Variance is { } v ? Codes.VarianceKind(v.Kind) : null, "overrun, underrun of on_budget.")
        .Text("Omschrijving afwijking", "omschrijvingAfwijking", r => r.Variance?.Description, "Zoals op de pagina.")
        .Text("Afwijking t.o.v. primitieve begroting", "afwijkingPrimitieveBegroting", r => r.Row.VarianceAgainstOriginal?.Description, "Als er ook een gewijzigde begroting is: de afwijking ten opzichte van de primitieve.")
        .Text("Reden afwijking niet te berekenen", "redenAfwijkingOntbreekt", r => r.Variance is null ? r.Row.VarianceMissing : null, "Waarom er geen afwijking is.")
        .Text("Status-code", "statusCode", r => Codes.KpiStatus(r.Row.Variance?.Status), "on_track, attention of off_track; leeg = niet te beoordelen.")
        .Text("Status", "status", r => r.Row.Variance?.Status.ToDutchLabel() ?? KpiStatusLabels.NotAssessable, "Zoals op de pagina.")
        .Text("Richting afwijking", "richtingAfwijking", r => (r.Row.Judged ?? r.Row.StatedJudged)?.Direction, "nadelig of voordelig, in woorden die bij lasten, baten of saldo passen.")
        .Text("Oordeel toelichting-code", "oordeelToelichtingCode", r => (r.Row.Judged ?? r.Row.StatedJudged)?.VerdictToken, "toelichten, binnen_grenzen of niet_te_beoordelen (volgens de toelichtingsgrenzen van dat jaar).")
        .Text("Oordeel toelichting", "oordeelToelichting", r => (r.Row.Judged ?? r.Row.StatedJudged)?.VerdictLabel, "toelichten, geen toelichting nodig of niet te beoordelen.")
        .Text("Reden oordeel", "redenOordeel", r => (r.Row.Judged ?? r.Row.StatedJudged)?.VerdictReason, "Waarom, met de grenzen die gelden.")
        .Text("Oordeel t.o.v. primitieve begroting", "oordeelPrimitieveBegroting", r => r.Row.JudgedAgainstOriginal?.VerdictToken, "Het oordeel over de afwijking ten opzichte van de primitieve begroting, als er ook een gewijzigde is.")
        .Number("Verandering (%)", "veranderingProcent", r => Computed.Round(r.Row.ChangePercent), "Verandering van de primitieve begroting ten opzichte van het eerdere jaar.")
        .Integer("Verandering t.o.v. jaar", "veranderingTovJaar", r => r.Row.ChangeFromYear, "Het jaar waartegen de verandering is berekend.")
        .Text("Bronnotities", "bronnotities", r => r.Row.Notes.Count == 0 ? null : string.Join(" · ", r.Row.Notes), "Notities uit de bronnen.");

    public static readonly ColumnSet<BudgetChangeRecord> Changes = new ColumnSet<BudgetChangeRecord>()
        .Text("Programma", "programma", r => r.Label, "Programma, of het totaal.")
        .Boolean("Totaal", "totaal", r => r.IsTotal, "Ja voor de totaalregel.")
        .Integer("Jaar", "jaar", r => r.Year, "Jaar.")
        .Number("Lasten", "lasten", r => r.Cell.Expenses, "Lasten (+); leeg = niet in de bron.")
        .Number("Baten", "baten", r => r.Cell.Income, "Baten (−); leeg = niet in de bron.")
        .Number("Saldo", "saldo", r => r.Cell.Net, "Saldo = lasten + baten.")
        .Boolean("Totaal klopt", "totaalKlopt", r => r.Check?.IsConsistent, "Alleen op de totaalregel: is het saldo gelijk aan de som van de programma's?")
        .Text("Controle", "controle", r => r.Check?.Message, "De controle in woorden.");

    public static readonly ColumnSet<ReserveRecord> Reserve = new ColumnSet<ReserveRecord>()
        .Text("Reserve", "reserve", r => r.Reserve, "Naam van de reserve.")
        .Integer("Jaar", "jaar", r => r.Row.Year, "Jaar.")
        .Boolean("Raming", "raming", r => r.Row.IsEstimate, "Ja voor een raming, nee voor een realisatie.")
        .Number("Stand 1 januari", "stand1Januari", r => r.Row.Opening, "Leeg = geen beginstand in de bron.")
        .Number("Stortingen", "stortingen", r => r.Row.Deposits, "Som van de stortingen.")
        .Number("Onttrekkingen", "onttrekkingen", r => r.Row.Withdrawals, "Som van de onttrekkingen (negatief).")
        .Number("Stand 31 december", "stand31December", r => r.Row.Closing, "Eindstand.")
        .Boolean("Begin plus mutaties is eind", "beginPlusMutatiesIsEind", r => r.Row.Check?.IsConsistent, "Uitkomst van de controle.")
        .Text("Controle", "controle", r => r.Row.Check?.Message, "De controle in woorden.");

    public static readonly ColumnSet<ReserveMovementRecord> Movements = new ColumnSet<ReserveMovementRecord>()
        .Text("Reserve", "reserve", r => r.Row.Reserve, "Naam van de reserve.")
        .Integer("Jaar", "jaar", r => r.Row.Year, "Jaar.")
        .Text("Mutatie", "mutatie", r => r.Row.Kind, "storting, onttrekking of saldo.")
        .Number("Bedrag", "bedrag", r => r.Row.Amount, "Bedrag in euro's (onttrekkingen negatief).")
        .Text("Omschrijving", "omschrijving", r => r.Row.Description, "Omschrijving.");

    /// <summary>The bulk dataset and the API's /begrotingen: every budget line, with the variance on realisation lines.</summary>
    public static readonly ColumnSet<BudgetRecord> Lines = new ColumnSet<BudgetRecord>()
        .Integer("Jaar", "jaar", r => r.Line.Year, "Begrotingsjaar.")
        .Text("Niveau-code", "niveauCode", r => Codes.BudgetScope(r.Line.Scope), "programme, task_field, lot of total.")
        .Text("Onderdeel-code", "onderdeelCode", r => r.Line.ScopeCode, "Programmanummer, taakveldcode, perceelcode of 'totaal'.")
        .Text("Onderdeel", "onderdeel", r => r.Line.Name, "Naam van het onderdeel.")
        .Text("Programma-code", "programmaCode", r => r.Line.ProgrammeCode, "Programma waar het onderdeel onder valt.")
        .Text("Taakveld-code", "taakveldCode", r => r.Line.TaskFieldCode, "IV3-taakveld, als dat bekend is.")
        .Text("Fase-code", "faseCode", r => Codes.BudgetStage(r.Line.Stage), "primitieve_begroting, gewijzigde_begroting, realisatie, wijziging, meerjarenraming, afwijking (een vermelde afwijking t.o.v. de begroting) of niet_toegewezen.")
        .Text("Fase", "fase", r => DutchText.BudgetStage(r.Line.Stage), "Fase in de planning-en-controlcyclus.")
        .Text("Maatstaf-code", "maatstafCode", r => Codes.BudgetMeasure(r.Line.Measure), "lasten, baten of saldo.")
        .Number("Bedrag", "bedrag", r => r.Line.Amount, "Bedrag in euro's; lasten positief, baten negatief, saldo = lasten + baten (positief = netto lasten).")
        .Text("Opmerking", "opmerking", r => r.Line.Note, "Opmerking bij de regel.")
        .Text("Brondocument", "brondocument", r => r.SourceDocument, "Brondocument.")
        .Text("Bronsectie", "bronsectie", r => r.SourceSection, "Sectie in het brondocument.")
        .Text("Afwijking vergeleken met", "afwijkingVergelekenMet", r => r.Variance?.ComparedWith, "Alleen op realisatieregels: de begroting waartegen de realisatie is afgezet (de gewijzigde als die er is).")
        .Number("Begroting (vergeleken)", "begrotingVergeleken", r => r.Variance?.Budget, "Het begrote bedrag waartegen is vergeleken.")
        .Number("Realisatie (vergeleken)", "realisatieVergeleken", r => r.Variance?.Realisation, "De realisatie zoals de bron haar geeft.")
        .Number("Afwijking", "afwijking", r => r.Variance?.Difference, "Realisatie min begroting, in euro's.")
        .Number("Afwijking (%)", "afwijkingProcent", r => r.Variance?.DifferencePercent, "Afwijking als percentage van de begroting; leeg als de begroting 0 is.")
        .Text("Soort afwijking-code", "soortAfwijkingCode", r => r.Variance is { } v ? Codes.VarianceKind(v.Kind) : null, "overrun (overschrijding, ongunstig), underrun (onderschrijding) of on_budget.")
        .Text("Omschrijving afwijking", "omschrijvingAfwijking", r => r.Variance?.Description, "Zoals op de pagina, bijvoorbeeld 'overschrijding van € 1.163.470 (1,4% van de begroting)'.")
        .Text("Status-code", "statusCode", r => r.Variance is { } v ? Codes.KpiStatus(v.Status) : null, "on_track, attention of off_track (een onderschrijding is altijd on_track).")
        .Text("Status", "status", r => r.Variance is { } v ? v.Status.ToDutchLabel() : null, "op koers, aandacht, uit koers of niet te beoordelen.")
        .Text("Richting afwijking", "richtingAfwijking", r => r.Variance?.Judged?.Direction, "nadelig of voordelig, in woorden die bij lasten, baten of saldo passen.")
        .Text("Oordeel toelichting-code", "oordeelToelichtingCode", r => r.Variance?.Judged?.VerdictToken, "Op realisatieregels en vermelde afwijkingen: toelichten, binnen_grenzen of niet_te_beoordelen (volgens de toelichtingsgrenzen van dat jaar).")
        .Text("Oordeel toelichting", "oordeelToelichting", r => r.Variance?.Judged?.VerdictLabel, "toelichten, geen toelichting nodig of niet te beoordelen.")
        .Text("Reden oordeel", "redenOordeel", r => r.Variance?.Judged?.VerdictReason, "Waarom, met de grenzen die gelden.");

    /// <summary>The budget cycle per task field and year, as the section "Begrotingscyclus per taakveld".</summary>
    public static readonly ColumnSet<BudgetTaskFieldRecord> TaskFields = new ColumnSet<BudgetTaskFieldRecord>()
        .Integer("Jaar", "jaar", r => r.Year, "Begrotingsjaar.")
        .Text("Taakveld-code", "taakveldCode", r => r.Row.Code, "IV3-taakveld.")
        .Text("Taakveld", "taakveld", r => r.Row.Label, "Code en naam.")
        .Text("Maatstaf-code", "maatstafCode", r => Codes.BudgetMeasure(r.Row.Measure), "lasten, baten of saldo.")
        .Number("Primitieve begroting", "primitieveBegroting", r => r.Row.Original, "Leeg = niet beschikbaar.")
        .Boolean("Primitieve begroting is meerjarenraming", "primitieveIsMeerjarenraming", r => r.Row.OriginalIsEstimate, "Ja als het bedrag een meerjarenraming uit een eerdere begroting is.")
        .Number("Gewijzigde begroting", "gewijzigdeBegroting", r => r.Row.Amended, "Leeg = niet beschikbaar.")
        .Number("Realisatie", "realisatie", r => r.Row.Realisation?.Amount, "De jaarrekening, of anders de laatste realisatie in het jaar.")
        .Text("Realisatie t/m", "realisatieTm", r => r.Row.Realisation?.PeriodEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Laatste dag van de periode; leeg = heel jaar (jaarrekening).")
        .Number("Prognose", "prognose", r => r.Row.Forecast?.Amount, "Prognose voor het hele jaar (de laatste).")
        .Text("Prognose per", "prognosePer", r => r.Row.Forecast?.PeriodEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Peildatum van de prognose.")
        .Number("Afwijking t.o.v. primitieve begroting", "afwijkingPrimitieve", r => r.Row.AgainstOriginal?.Difference, "Realisatie min primitieve begroting.")
        .Text("Oordeel t.o.v. primitieve begroting-code", "oordeelPrimitieveCode", r => r.Row.AgainstOriginal?.VerdictToken, "toelichten, binnen_grenzen of niet_te_beoordelen.")
        .Text("Oordeel t.o.v. primitieve begroting", "oordeelPrimitieve", r => r.Row.AgainstOriginal?.VerdictLabel, "Zoals op de pagina.")
        .Number("Afwijking t.o.v. gewijzigde begroting", "afwijkingGewijzigde", r => r.Row.AgainstAmended?.Difference, "Realisatie min gewijzigde begroting.")
        .Text("Richting t.o.v. gewijzigde begroting", "richtingGewijzigde", r => r.Row.AgainstAmended?.Direction, "nadelig of voordelig.")
        .Text("Oordeel t.o.v. gewijzigde begroting-code", "oordeelGewijzigdeCode", r => r.Row.AgainstAmended?.VerdictToken, "toelichten, binnen_grenzen of niet_te_beoordelen.")
        .Text("Oordeel t.o.v. gewijzigde begroting", "oordeelGewijzigde", r => r.Row.AgainstAmended?.VerdictLabel, "Zoals op de pagina.")
        .Text("Reden oordeel t.o.v. gewijzigde begroting", "redenOordeelGewijzigde", r => r.Row.AgainstAmended?.VerdictReason, "Waarom, met de grenzen die gelden.")
        .Number("Afwijking prognose", "afwijkingPrognose", r => r.Row.ForecastAgainstBudget?.Difference, "Prognose min begroting (de gewijzigde, anders de primitieve).")
        .Text("Oordeel prognose-code", "oordeelPrognoseCode", r => r.Row.ForecastAgainstBudget?.VerdictToken, "toelichten, binnen_grenzen of niet_te_beoordelen.")
        .Text("Oordeel prognose", "oordeelPrognose", r => r.Row.ForecastAgainstBudget?.VerdictLabel, "Zoals op de pagina.");

    /// <summary>The rows of the per-task-field tables, of every year or of one.</summary>
    public static List<BudgetTaskFieldRecord> TaskFieldRecords(BudgetReport report, int? year) =>
        report.TaskFields.Where(y => year is null || y.Year == year).SelectMany(y => y.Rows.Select(r => new BudgetTaskFieldRecord(y.Year, r))).ToList();

    /// <summary>The investment plan's columns: one per plan year, as on the page.</summary>
    public static ColumnSet<PlanRecord> Plan(IReadOnlyList<int> years)
    {
        var columns = new ColumnSet<PlanRecord>()
            .Text("Soort rij", "soortRij", r => r.Kind, "project, subtotaal, totaal of dekking.")
            .Text("Project-code", "projectCode", r => r.Code, "Code van het project.")
            .Text("Project", "project", r => r.Name, "Naam, zoals in de tabel.")
            .Text("Omschrijving", "omschrijving", r => r.Description, "Omschrijving van het project.")
            .Integer("Niveau", "niveau", r => r.Level, "0 = project, 1 = onderdeel van een verzamelproject.");
        foreach (var year in years)
        {
            var text = year.ToString(CultureInfo.InvariantCulture);
            columns.Number(text, "bedrag" + text, r => r.Amounts.GetValueOrDefault(year), $"Bedrag {year}; leeg = geen bedrag (nooit 0).");
        }

        return columns.Number("Totaal", "totaal", r => r.Total, "Som over de jaren; leeg als een jaar ontbreekt.")
            .Text("Opmerking", "opmerking", r => r.Note, "Zoals in de tabel.");
    }

    /// <summary>The rows of the level tables, of every year or of one.</summary>
    public static List<BudgetLevelRecord> LevelRecords(BudgetReport report, int? year) =>
        report.Years.Where(y => year is null || y.Year == year)
            .SelectMany(y => y.All.Select(r => new BudgetLevelRecord(y.Year, r, BudgetVarianceRow.From(r)))).ToList();

    /// <summary>The budget change per programme and year, then the total per year with its check.</summary>
    public static List<BudgetChangeRecord> ChangeRecords(BudgetReport report) =>
        report.Changes.SelectMany(c => report.ChangeYears.Select(y => new BudgetChangeRecord(c.Label, false, y, c.Cells[y], null)))
            .Concat(report.ChangeTotal is { } total
                ? report.ChangeYears.Select(y => new BudgetChangeRecord(total.Label, true, y, total.Cells[y], report.ChangeChecks.GetValueOrDefault(y)))
                : [])
            .ToList();

    /// <summary>The plan's projects and subtotals, its total and its coverage rows, as in the table.</summary>
    public static List<PlanRecord> PlanRecords(BudgetReport report) =>
        report.Plan.Select(p => new PlanRecord
            {
                Kind = p.IsSubtotal ? "subtotaal" : "project",
                Code = p.Code,
                Name = p.Name,
                Description = p.Description,
                Level = p.Level,
                Amounts = p.Amounts,
                Total = p.Total,
                Note = p.Note,
            })
            .Append(new PlanRecord
            {
                Kind = "totaal",
                Code = report.PlanCode ?? string.Empty,
                Name = BudgetReport.PlanTotalLabel,
                Amounts = report.PlanTotals,
                Total = report.PlanGrandTotal,
                Note = report.PlanTotals.Values.Any(v => v is null) ? BudgetReport.IncompleteNote : null,
            })
            .Concat(report.Coverage.Select(c => new PlanRecord { Kind = "dekking", Code = c.Code, Name = c.Name, Amounts = c.Amounts, Total = c.Total }))
            .ToList();

    public static List<ReserveRecord> ReserveRecords(BudgetReport report) =>
        report.Reserves.SelectMany(reserve => reserve.Years.Select(y => new ReserveRecord(reserve.Name, y))).ToList();

    public static List<ReserveMovementRecord> MovementRecords(BudgetReport report) =>
        report.Reserves.SelectMany(reserve => reserve.Years).SelectMany(r => r.Movements).Select(m => new ReserveMovementRecord(m)).ToList();
}
