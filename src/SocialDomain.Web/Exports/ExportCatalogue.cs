using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Exports.Tables;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Features.Findings;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Exports;

/// <summary>Who may download an export.</summary>
public enum ExportAccess
{
    /// <summary>Whoever may read the dashboard (policy ReadDashboard); the rows follow the page's visibility rules.</summary>
    Dashboard,

    /// <summary>Bulk exports: Controller and Beheerder.</summary>
    Bulk,

    /// <summary>The audit log: Beheerder only.</summary>
    Administrator,
}

/// <summary>The kind of value a parameter takes (decides the form field on the Export page).</summary>
public enum ParameterKind
{
    Text,
    Quarter,
    Kpi,
    Period,
    Year,
    Domain,
    Programme,
    BenchmarkField,
    BenchmarkColumn,
    BenchmarkStage,
    Municipality,
    BudgetStage,
    BudgetScope,
    YesNo,
    Date,
}

public sealed record ExportParameter(string Name, string Label, ParameterKind Kind, string Description, bool Required = false);

/// <param name="Name">File name stem and URL: /export/{Name}.csv.</param>
/// <param name="ShownOn">Where the table is shown (null for bulk exports).</param>
public sealed record ExportDefinition(string Name, string Title, string Description, string? ShownOn, ExportAccess Access, IReadOnlyList<ExportParameter> Parameters)
{
    public string Path => $"/export/{Name}.csv";
}

/// <summary>Every export, for the Export page, the docs and the tests.</summary>
public static class ExportCatalogue
{
    private static readonly ExportParameter[] BenchmarkSelection =
    [
        new("veld", "Domein of taakveld", ParameterKind.BenchmarkField, "jeugd, wmo, voorveld of een taakveldcode zoals 6.72; leeg = Jeugd totaal."),
        new("jaar", "Jaar en fase", ParameterKind.BenchmarkColumn, "Bijvoorbeeld 2018-jaarrekening; leeg = de laatste jaarrekening."),
        new("gemeente", "Eigen gemeente", ParameterKind.Municipality, "CBS-code (GM gevolgd door vier cijfers); standaard de eigen gemeente uit de instellingen."),
    ];

    private static readonly ExportParameter Kpi = new("kpi", "KPI", ParameterKind.Kpi, "KPI-code, bijvoorbeeld SP_SCORE.", Required: true);

    private static readonly ExportParameter Stand = new("stand", "Stand (datum)", ParameterKind.Date, "De tabel zoals die op die dag was gepubliceerd, jjjj-mm-dd; leeg = nu.");

    public static readonly IReadOnlyList<ExportDefinition> All =
    [
        new(OverviewExport.Name, "Kwartaaloverzicht", "Alle KPI's bij één kwartaal: waarde, streefwaarde, status, verandering en toelichting, zoals op het dashboard.", "/", ExportAccess.Dashboard,
        [
            new("kwartaal", "Kwartaal", ParameterKind.Quarter, "Bijvoorbeeld 2020-K4; leeg = het laatste kwartaal dat u mag zien."),
            new("programma", "Programma", ParameterKind.Programme, "Alleen dit programma (nummer, of 'geen')."),
            new("domein", "Domein", ParameterKind.Domain, "Alleen dit domein."),
            Stand,
            new("versie", "Publicatieversie", ParameterKind.Text, "Een eerdere publicatie van het kwartaal (1 = de eerste); leeg = de nieuwste."),
        ]),
        new(KpiCatalogue.Name, "KPI-definities", "De KPI-catalogus: definitie, eenheid, richting, frequentie, bron, eigenaar en wettelijke norm.", "/kpis", ExportAccess.Dashboard,
        [
            new("zoek", "Zoekterm", ParameterKind.Text, "Zoeken in naam, definitie of code, zoals op de pagina."),
            new("domein", "Domein", ParameterKind.Domain, "Alleen dit domein (één tabel van de pagina)."),
        ]),
        new(KpiExports.MeasurementsName, "Metingen van één KPI", "De tabel met metingen op de KPI-pagina (bezoekers en raadsleden: tot en met het laatst gepubliceerde kwartaal).", "/kpis/{code}", ExportAccess.Dashboard, [Kpi, Stand]),
        new(KpiExports.TargetsName, "Streefwaarde-historie van één KPI", "Alle versies van de streefwaarde: wanneer, door wie en waarom.", "/kpis/{code}", ExportAccess.Dashboard, [Kpi, Stand]),
        new(KpiExports.ReferencesName, "Vergelijkingswaarden van één KPI", "Vergelijkingswaarden (Nederland, Divosa) op de KPI-pagina.", "/kpis/{code}", ExportAccess.Dashboard, [Kpi, Stand]),
        new(BenchmarkExports.RankingName, "Benchmark: rangorde G40", "De G40-gemeenten in één kolom met netto lasten, saldo, rang, percentiel en afwijking van het herberekende G40-gemiddelde.", "/benchmark", ExportAccess.Dashboard, BenchmarkSelection),
        new(BenchmarkExports.ReferencesName, "Benchmark: referenties", "De eigen gemeente tegenover het G40-gemiddelde (herberekend en vermeld), de grootteklasse en Nederland.", "/benchmark", ExportAccess.Dashboard, BenchmarkSelection),
        new(BenchmarkExports.SeriesName, "Benchmark: per jaar en verandering", "De eigen gemeente en de referenties in alle kolommen van de bron, met de verandering ten opzichte van de jaarrekening ervoor.", "/benchmark", ExportAccess.Dashboard, BenchmarkSelection),
        new(BenchmarkExports.PeersName, "Benchmark: gemeenten zoals wij", "De vijf meest vergelijkbare G40-gemeenten met afstand, netto lasten en kenmerken (gewichten: gewicht[sleutel]=…).", "/benchmark", ExportAccess.Dashboard, BenchmarkSelection),
        new(BenchmarkExports.CharacteristicsName, "Benchmark: kenmerken en gewichten", "De kenmerken van \"gemeenten zoals wij\" met gewicht, z-score, gemiddelde en standaardafwijking.", "/benchmark", ExportAccess.Dashboard, BenchmarkSelection),
        new(BenchmarkExports.FindingsName, "Benchmark: datakwaliteit", "De bevindingen over de getoonde cijfers (vermelde tegenover herberekende gemiddelden).", "/benchmark", ExportAccess.Dashboard, BenchmarkSelection),
        new(BudgetExports.LevelsName, "Begroting en realisatie", "Per jaar per programma en perceel: primitieve en gewijzigde begroting, realisatie, afwijking en status.", "/begroting", ExportAccess.Dashboard,
        [
            new("jaar", "Jaar", ParameterKind.Year, "Alleen dit jaar."),
        ]),
        new(BudgetExports.TaskFieldsName, "Begrotingscyclus per taakveld", "Per jaar per IV3-taakveld: primitieve en gewijzigde begroting, realisatie, prognose, de afwijkingen met richting en het oordeel van de toelichtingsgrenzen.", "/begroting", ExportAccess.Dashboard,
        [
            new("jaar", "Jaar", ParameterKind.Year, "Alleen dit jaar."),
        ]),
        new(BudgetExports.ChangesName, "Begrotingswijziging per programma", "De begrotingswijziging van het investeringsplan per programma en jaar: lasten, baten en saldo, met de controle van het totaal.", "/projecten", ExportAccess.Dashboard, []),
        new(BudgetExports.PlanName, "Investeringsplan", "Het investeringsplan per project en jaar, met subtotalen, totaal en dekking.", "/projecten", ExportAccess.Dashboard, []),
        new(BudgetExports.ReserveName, "Reserves", "Stand en mutaties van elke reserve per jaar, met de controle begin + mutaties = eind.", "/reserves", ExportAccess.Dashboard, []),
        new(BudgetExports.MovementsName, "Mutaties van de reserves", "Alle stortingen en onttrekkingen van elke reserve.", "/reserves", ExportAccess.Dashboard, []),

        new(MeasurementDataset.Name, "Alle metingen", "Alle metingen van alle KPI's, ook ongepubliceerde en synthetische, met publicatiestatus en de waarde bij publicatie.", null, ExportAccess.Bulk,
        [
            new("periode", "Periode", ParameterKind.Period, "Precies deze periode: 2020 of 2020-K4."),
            new("jaar", "Jaar", ParameterKind.Year, "Alle metingen in dit jaar (jaar- en kwartaalcijfers)."),
            new("kpi", "KPI", ParameterKind.Kpi, "Alleen deze KPI."),
            new("domein", "Domein", ParameterKind.Domain, "Alleen dit domein."),
            new("synthetisch", "Synthetisch", ParameterKind.YesNo, "ja = alleen synthetische, nee = alleen echte metingen."),
        ]),
        new(TargetDataset.Name, "Alle streefwaarden met historie", "Elke versie van elke streefwaarde: waarde, deadline, nulmeting, toleranties, reden, wie en wanneer.", null, ExportAccess.Bulk,
        [
            new("kpi", "KPI", ParameterKind.Kpi, "Alleen deze KPI."),
            new("domein", "Domein", ParameterKind.Domain, "Alleen dit domein."),
        ]),
        new(CommentaryDataset.Name, "Alle toelichtingen", "Alle toelichtingen per KPI per kwartaal, concepten inbegrepen, met versienummer; met 'alle versies' elke opgeslagen versie.", null, ExportAccess.Bulk,
        [
            new("kwartaal", "Kwartaal", ParameterKind.Quarter, "Alleen dit kwartaal."),
            new("jaar", "Jaar", ParameterKind.Year, "Alleen dit jaar."),
            new("kpi", "KPI", ParameterKind.Kpi, "Alleen deze KPI."),
            new("alleVersies", "Alle versies", ParameterKind.YesNo, "ja = elke opgeslagen versie (concepten en gepubliceerde), nee = per kwartaal de tekst die lezers zien."),
        ]),
        new(BudgetDataset.Name, "Alle begrotingsregels met afwijkingen", "Elke begrotingsregel (programma, taakveld, perceel, totaal × jaar × fase × lasten/baten/saldo); op realisatieregels de afwijking zoals op de begrotingspagina.", null, ExportAccess.Bulk,
        [
            new("jaar", "Jaar", ParameterKind.Year, "Alleen dit jaar."),
            new("fase", "Fase", ParameterKind.BudgetStage, "primitieve_begroting, gewijzigde_begroting, realisatie of wijziging."),
            new("niveau", "Niveau", ParameterKind.BudgetScope, "programme, task_field, lot of total."),
            new("programma", "Programma", ParameterKind.Programme, "Programmanummer."),
            new("taakveld", "Taakveld", ParameterKind.Text, "IV3-taakveld, bijvoorbeeld 6.72."),
        ]),
        new(BenchmarkDataset.Name, "Alle benchmarkwaarnemingen", "Alle G40-waarnemingen (gemeenten en gemiddelden) met afwijking van het herberekende G40-gemiddelde, rang en percentiel.", null, ExportAccess.Bulk,
        [
            new("domein", "Domein", ParameterKind.Domain, "jeugd, wmo of voorveld."),
            new("taakveld", "Taakveld", ParameterKind.Text, "Taakveldcode (6.72), of 'totaal' voor de domeintotalen."),
            new("jaar", "Jaar", ParameterKind.Year, "Alleen dit jaar."),
            new("fase", "Fase", ParameterKind.BenchmarkStage, "jaarrekening of begroting."),
            new("gemeente", "Gemeente", ParameterKind.Municipality, "CBS-code of code van een gemiddelde (G40, NL, GK5)."),
        ]),
        new(FindingDataset.Name, "Alle datakwaliteitsbevindingen", "Alle verschillen tussen vermelde en herberekende cijfers.", null, ExportAccess.Bulk,
        [
            new("dataset", "Dataset", ParameterKind.Text, "Bijvoorbeeld g40."),
        ]),
        new(AuditLogDataset.Name, "Auditlog", "Wie deed wat, wanneer, vanaf waar, met welk resultaat. Het downloaden zelf wordt ook gelogd.", null, ExportAccess.Administrator,
        [
            new("van", "Van (datum)", ParameterKind.Date, "Eerste dag, jjjj-mm-dd."),
            new("tot", "Tot en met (datum)", ParameterKind.Date, "Laatste dag, jjjj-mm-dd."),
            new("zoek", "Zoekterm", ParameterKind.Text, "Zoeken in gebruiker, actie of object."),
        ]),
    ];

    public static ExportDefinition Get(string name) => All.Single(e => e.Name == name);
}
