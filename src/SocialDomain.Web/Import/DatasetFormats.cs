using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Kpis;

namespace SocialDomain.Web.Import;

/// <summary>
/// One column of an importable dataset: its documented (English) name, the Dutch header the templates and the dashboard's
/// own exports use, other headers accepted for it (e.g. the export's Dutch label column next to its code column), an
/// example value for the template and the rule a reader needs (allowed codes, format).
/// </summary>
public sealed record ImportColumn(string Name, string Header, bool Required, string Example, string? Rule = null, IReadOnlyList<string>? OtherHeaders = null)
{
    /// <summary>Every header that means this column, in the order they are read when more than one is present.</summary>
    public IEnumerable<string> Headers => [Name, Header, .. OtherHeaders ?? []];
}

/// <summary>
/// An importable dataset (docs/data-sources.md): its documented file name (<c>measurements.csv</c>), its Dutch file name
/// (<c>metingen.csv</c>, also with the suffixes of an export: <c>metingen_alle_export-2026-12-03.csv</c>), its columns and
/// the headers of the dashboard's own export of the same dataset that carry derived values and are skipped on import.
/// </summary>
public sealed record DatasetFormat(string Name, string DutchName, string Title, IReadOnlyList<ImportColumn> Columns, IReadOnlyList<string> IgnoredHeaders)
{
    public string TemplateFileName => DutchName + ".csv";

    public IEnumerable<ImportColumn> RequiredColumns => Columns.Where(c => c.Required);
}

/// <summary>The catalogue of importable datasets, in the order they are applied (references before the rows that use them).</summary>
public static class DatasetFormats
{
    /// <summary>Placeholder in an example for the configured municipality's CBS code (<see cref="Features.Import.ImportTemplates"/> fills it in).</summary>
    public const string HomeCode = "{gemeente-code}";

    /// <summary>Placeholder in an example for the configured municipality's name.</summary>
    public const string HomeName = "{gemeente-naam}";

    private const string PeriodRule = "jaar (2020) of kwartaal (2020-K3)";
    private const string YesNo = "ja of nee (ook true/false)";

    private static readonly ImportColumn SourceDocument = new("source_document", "Brondocument", true, "000", "nummer of naam van het brondocument");
    /// <summary>The period as the source gives it when that is not a plain year or quarter (Core StatedPeriod).</summary>
    private static readonly ImportColumn PeriodAsStated = new("period_as_stated", "Periode zoals vermeld", false, "",
        "leeg; een maand (2019-07) onder haar kwartaal; jaren (2017/2019) onder het laatste jaar; onbekend onder het jaar van de bron");

    private static readonly ImportColumn SourceSection = new("source_section", "Bronsectie", true, "tabel 1, regel 12", "sectie en regelnummers in het brondocument");

    public static readonly IReadOnlyList<DatasetFormat> All =
    [
        new("programmes", "programmas", "Programma's",
        [
            new("code", "Programma-code", true, "2"), new("name", "Naam", true, "Zorg"),
            Optional(SourceDocument), Optional(SourceSection),
        ], []),
        new("task_fields", "taakvelden", "Taakvelden",
        [
            new("code", "Taakveld-code", true, "6.72"), new("name", "Naam", true, "Maatwerkdienstverlening 18-"),
            new("domain", "Domein-code", true, "jeugd", Allowed(Vocabulary.Domains), ["Domein"]),
            new("programme", "Programma-code", true, "2"), Optional(SourceDocument), Optional(SourceSection),
        ], []),
        new("entities", "gemeenten", "Gemeenten en gemiddelden",
        [
            new("code", "Gemeente-code", true, HomeCode, "CBS-code GM + vier cijfers, of de code van een gemiddelde (G40, NL, GK5)"),
            new("name", "Naam", true, HomeName),
            new("kind", "Soort-code", true, "gemeente", Allowed(Vocabulary.EntityKinds), ["Soort"]),
            new("is_g40", "G40-gemeente", true, "ja", YesNo), new("is_g4", "G4-gemeente", true, "nee", YesNo),
            new("size_class", "Grootteklasse", false, "GK5"), new("aliases", "Andere namen", false, "Gemeente " + HomeName, "gescheiden door |"),
        ], []),
        new("characteristics", "kenmerken", "Kenmerken van gemeenten",
        [
            new("entity_code", "Gemeente-code", true, HomeCode), new("snapshot", "Peildatum", true, "2019-12", "jaar en maand: jjjj-mm"),
            new("population", "Inwoners", false, "90261"), new("pct_low_income", "Laag inkomen (%)", false, "18,4"),
            new("pct_youth_0_19", "Jongeren 0-19 (%)", false, "22,1"), new("pct_youth_with_youth_care", "Jongeren met jeugdhulp (%)", false, "10,2"),
            new("pct_aged_65_74", "65-74 jaar (%)", false, "10,9"), new("pct_aged_75_plus", "75 jaar en ouder (%)", false, "9,8"),
            SourceDocument, SourceSection,
        ], []),
        new("benchmark_observations", "benchmark", "Benchmarkwaarnemingen G40",
        [
            new("entity_code", "Gemeente-code", true, HomeCode),
            new("domain", "Domein-code", true, "jeugd", Allowed(Vocabulary.Domains), ["Domein"]),
            new("task_field", "Taakveld-code", true, "6.72", "taakveldcode, of totaal voor het domeintotaal"),
            new("year", "Jaar", true, "2018"),
            new("stage", "Fase-code", true, "jaarrekening", Allowed(Vocabulary.BenchmarkStages), ["Fase"]),
            new("value", "Saldo per inwoner", false, "-191,4", "€ per inwoner, negatief = netto lasten"),
            SourceDocument, SourceSection, new("source_name", "Naam in de bron", false, "Gemeente " + HomeName),
        ], Ignored(BenchmarkDataset.Columns.Select(c => c.Header))),
        new("stated_summaries", "vermelde_percentages", "Vermelde percentages onder de G40-tabellen",
        [
            new("entity_code", "Gemeente-code", true, "G40"),
            new("domain", "Domein-code", true, "jeugd", Allowed(Vocabulary.Domains), ["Domein"]),
            new("kind", "Soort-code", true, "growth", Allowed(Tokens.SummaryKinds), ["Soort"]),
            new("from_year", "Van jaar", true, "2017"), new("from_stage", "Van fase", true, "jaarrekening", Allowed(Vocabulary.BenchmarkStages)),
            new("to_year", "Tot jaar", true, "2018"), new("to_stage", "Tot fase", true, "jaarrekening", Allowed(Vocabulary.BenchmarkStages)),
            new("stated_percent", "Vermeld percentage", true, "6,7"), SourceDocument, SourceSection,
            new("printed_text", "Gedrukte tekst", false, "Stijging gemiddeld lasten 6,7%"),
        ], []),
        new("kpis", "kpis", "KPI-definities",
        [
            new("code", "KPI-code", true, "SP_SCORE"), new("name", "KPI", true, "Rapportcijfer dienstverlening"),
            new("definition", "Definitie", true, "Gemiddeld rapportcijfer (1-10) uit het klanttevredenheidsonderzoek."),
            new("unit", "Eenheid-code", true, "score", Allowed(Vocabulary.Units), ["Eenheid"]),
            new("direction", "Richting-code", true, "hoger is beter", Allowed(Vocabulary.Directions), ["Richting"]),
            new("frequency", "Frequentie-code", true, "jaarlijks", Allowed(Vocabulary.Frequencies), ["Frequentie"]),
            new("domain", "Domein-code", true, "sociaal_plein", Allowed(Vocabulary.Domains), ["Domein"]),
            new("programme", "Programma-code", false, "2"), new("owner", "Eigenaar", false, "Sociaal Plein"),
            new("source", "Bron van de metingen", false, "Klanttevredenheidsonderzoek"),
            new("legal_norm", "Wettelijke norm", false, ""), new("legal_norm_description", "Omschrijving wettelijke norm", false, ""),
            new("band_low", "Ondergrens bandbreedte", false, ""), new("band_high", "Bovengrens bandbreedte", false, ""),
            SourceDocument, SourceSection,
            new("task_field", "Taakveld", false, "6.72", "een taakveld uit task_fields (IV3), bijvoorbeeld 6.72; leeg = geen"),
        ], Ignored(KpiCatalogue.Columns.Select(c => c.Header))),
        new("targets", "streefwaarden", "Streefwaarden (versies)",
        [
            new("kpi_code", "KPI-code", true, "SP_SCORE"), new("target_value", "Streefwaarde", true, "7,5"),
            new("valid_from", "Geldig vanaf", true, "2021-K1", PeriodRule), SourceDocument, SourceSection,
            new("baseline_value", "Nulmeting", false, "6,4"), new("baseline_period", "Periode nulmeting", false, "2016", PeriodRule),
            new("deadline_period", "Deadline", false, "2022", PeriodRule), new("rationale", "Onderbouwing", false, "Raadsdoel uit de begroting."),
            new("council_decision", "Raadsbesluit", false, ""), new("change_reason", "Reden wijziging", false, "", "verplicht vanaf de tweede versie van een KPI"),
            new("tolerance_on_track", "Tolerantie op koers (%)", false, ""), new("tolerance_attention", "Tolerantie aandacht (%)", false, ""),
            new("decision_date", "Besloten op", false, "2020-11-12", "jjjj-mm-dd of dd-mm-jjjj"),
            new("decided_by", "Besloten door", false, "gemeenteraad", Allowed(Vocabulary.DecisionBodies)),
            new("decision_document", "Besluitdocument", false, ""), new("decision_url", "Besluit-URL", false, ""),
        ], Ignored(TargetDataset.Columns.Select(c => c.Header))),
        new("measurements", "metingen", "Metingen",
        [
            new("kpi_code", "KPI-code", true, "SP_SCORE"), new("period", "Periode", true, "2021-K3", PeriodRule),
            new("value", "Waarde", true, "7,2", "in de eenheid van de KPI"),
            new("status", "Status", true, "voorlopig", Allowed(Vocabulary.MeasurementStatuses), ["Status-code"]),
            SourceDocument, SourceSection, new("note", "Opmerking", false, ""), new("synthetic", "Synthetisch", false, "nee", YesNo),
            PeriodAsStated,
            new("value_bound", "Grens", false, "", "leeg of exact; ten_minste of hoogstens als de bron alleen zegt dat een doel is gehaald"),
        ], Ignored(MeasurementDataset.Columns.Select(c => c.Header))),
        new("reference_values", "vergelijkingswaarden", "Vergelijkingswaarden",
        [
            new("kpi_code", "KPI-code", true, "SD_SPENDING_PER_INHABITANT"), new("period", "Periode", true, "2020", PeriodRule),
            new("reference", "Referentie", true, "Nederland"), new("value", "Waarde", true, "409"), SourceDocument, SourceSection,
            PeriodAsStated,
        ], []),
        new("budget_lines", "begrotingen", "Begrotingsregels",
        [
            new("scope", "Niveau-code", true, "programme", Allowed(Vocabulary.BudgetScopes), ["Niveau"]),
            new("code", "Onderdeel-code", true, "2", "programmanummer, taakveldcode, perceelcode of totaal"),
            new("name", "Onderdeel", true, "Programma 2 Zorg"), new("year", "Jaar", true, "2020"),
            new("stage", "Fase-code", true, "realisatie", Allowed(Vocabulary.BudgetStages), ["Fase"]),
            new("measure", "Maatstaf-code", true, "lasten", Allowed(Vocabulary.BudgetMeasures), ["Maatstaf"]),
            new("amount", "Bedrag", true, "1648707", "hele euro's of met decimale komma; duizendtallen eventueel met punten (1.648.707)"),
            SourceDocument, SourceSection, new("note", "Opmerking", false, ""),
            new("task_field", "Taakveld", false, "", "IV3-taakveldcode van een programma- of perceelregel (6.2); leeg als die niet bekend is"),
        ], Ignored(BudgetDataset.Columns.Select(c => c.Header))),
        new("projects", "projecten", "Projecten",
        [
            new("code", "Project-code", true, "W1_WINSTPAKKERS"), new("name", "Project", true, "Winstpakkers"),
            new("description", "Omschrijving", false, ""), SourceDocument, SourceSection,
            new("role", "Rol", false, "project", "project, of plan voor het investeringsplan als geheel (draagt de dekkingsregels)"),
            new("parent_code", "Onderdeel van", false, "", "code van het verzamelproject waarvan dit project een onderdeel is; leeg = geen"),
        ], []),
        new("project_budgets", "projectbudgetten", "Projectbudgetten",
        [
            new("project_code", "Project-code", true, "W1_WINSTPAKKERS"), new("year", "Jaar", true, "2017"), new("amount", "Bedrag", true, "0"),
            new("funding", "Dekking", false, "Reserve sociaal domein"), SourceDocument, SourceSection,
            new("funding_kind", "Soort dekking", false, "", "reserve, begroting of overig; reserve als de dekking uit een reserve komt"),
        ], []),
        new("reserve_movements", "reservemutaties", "Mutaties van de reserve",
        [
            new("reserve", "Reserve", true, "Bestemmingsreserve Sociaal Domein"), new("year", "Jaar", true, "2013"),
            new("kind", "Mutatie", true, "storting", "storting, onttrekking, beginstand (per 1 januari), eindstand (per 31 december) of maximum"),
            new("amount", "Bedrag", true, "3023000"),
            new("description", "Omschrijving", false, "Instellen bestemmingsreserve"), SourceDocument, SourceSection,
            new("project_code", "Project-code", false, "", "bij een onttrekking: het project of plan waarvoor"),
            new("estimate", "Raming", false, "nee", YesNo + "; ja voor een raming, nee voor een realisatie"),
        ], []),
        new("source_checks", "broncontroles", "Controles van uitspraken in de bronnen",
        [
            new("code", "Controle-code", true, "RESERVE_MAXIMUM"),
            new("kind", "Soort-code", true, "same_value", Allowed(Tokens.SourceCheckKinds), ["Soort"]),
            new("stated", "Vermeld", true, "8.2", "het cijfer zoals gedrukt (decimale punt; het aantal decimalen is de precisie) of een cijfersleutel"),
            new("figures", "Cijfers", true, "reserve:Bestemmingsreserve Sociaal Domein/2016/eind", "cijfersleutels of getallen, gescheiden door |"),
            new("claim", "Uitspraak", true, "De reserve bedraagt € 8,2 miljoen"),
            SourceDocument, SourceSection,
            new("unit", "Eenheid", false, "1000000", "factor van het vermelde cijfer (8,2 miljoen: 1000000)"),
            new("input_half_unit", "Afronding cijfers", false, "500", "halve eenheid van de cijfers (x € 1.000: 500)"),
            new("factor", "Factor", false, "100", "verhouding × factor (procent: 100)"),
            new("circa_percent", "Circa (%)", false, "5", "marge voor 'circa' in procenten van het vermelde cijfer"),
            new("table_decimals", "Decimalen tabel", false, "1", "aantal decimalen van de andere cijfers in dezelfde tabel"),
            new("kpi_code", "KPI-code", false, "JEUGD_COST_PER_CLIENT"),
            new("budget_scope", "Begrotingsdeel", false, "reserve", "programme, lot, total, project of reserve"),
            new("budget_code", "Begrotingscode", false, "Bestemmingsreserve Sociaal Domein"), new("year", "Jaar", false, "2016"),
        ], []),
        // The budget cycle in the IV3 structure (docs/data-sources.md, "Begrotingscyclus (IV3)"): amounts as IV3 gives them,
        // lasten and baten both positive; Core BudgetCycleEntry converts the sign and holds the rules.
        new("budget_cycle", "begrotingscyclus", "Begrotingscyclus per programma en taakveld (IV3)",
        [
            new("year", "Jaar", true, "2019"), new("programme", "Programma-code", true, "2"),
            new("task_field", "Taakveld-code", true, "6.72", "IV3-taakveld (BBV); buiten 6 Sociaal domein wordt de regel overgeslagen"),
            new("category", "Categorie", true, "lasten", "lasten of baten, beide positief zoals IV3"),
            new("stage", "Fase-code", true, "primitieve_begroting", "primitieve_begroting, wijziging, gewijzigde_begroting, realisatie of prognose", ["Fase"]),
            new("period_end", "Peildatum", false, "", "bij realisatie of prognose in de loop van het jaar: laatste dag van de periode (jjjj-mm-dd); leeg = heel jaar"),
            new("change_number", "Wijzigingsnummer", false, "", "verplicht bij fase wijziging"),
            new("change_date", "Datum wijziging", false, "", "jjjj-mm-dd of dd-mm-jjjj; verplicht bij fase wijziging"),
            new("change_reason", "Reden wijziging", false, "", "verplicht bij fase wijziging"),
            new("amount", "Bedrag", true, "12158000", "euro's (lasten en baten positief); decimale komma, duizendtallen eventueel met punten"),
            SourceDocument, SourceSection, new("note", "Opmerking", false, ""),
            new("correction_reason", "Reden correctie", false, "", "verplicht als de regel een opgeslagen bedrag wijzigt"),
        ], []),
        new("explanation_thresholds", "toelichtingsgrenzen", "Toelichtingsgrenzen van de begroting",
        [
            new("valid_from", "Geldig vanaf", true, "2016", "eerste begrotingsjaar waarvoor de grenzen gelden"),
            new("absolute", "Absolute grens", false, "250000", "bedrag in euro's; leeg als er geen is"),
            new("relative_percent", "Relatieve grens (%)", false, "10", "percentage van de begroting; leeg als er geen is"),
            new("combination", "Combinatie-code", true, "of", Allowed(Vocabulary.ThresholdCombinations)),
            new("only_unfavourable", "Alleen nadelig", false, "nee", YesNo + "; ja als alleen overschrijdingen toegelicht hoeven te worden"),
            new("reason", "Reden", true, "Financiële verordening, artikel 5"),
        ], []),
    ];

    private static readonly Dictionary<string, DatasetFormat> ByFileStem = All
        .SelectMany(f => new[] { (f.Name, f), (f.DutchName, f) }).DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.f, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The dataset a file name names: <c>measurements.csv</c>, <c>metingen.csv</c> or an export's name such as
    /// <c>metingen_alle_export-2026-12-03.csv</c> (the part before the first '_' that is no dataset name itself).
    /// </summary>
    public static DatasetFormat? ForFile(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/'));
        if (ByFileStem.TryGetValue(stem, out var format))
        {
            return format;
        }

        var exportSuffix = stem.IndexOf("_export-", StringComparison.OrdinalIgnoreCase);
        if (exportSuffix > 0)
        {
            var dataset = stem[..exportSuffix];
            var filter = dataset.IndexOf('_', StringComparison.Ordinal);
            return ByFileStem.GetValueOrDefault(filter > 0 ? dataset[..filter] : dataset);
        }

        return null;
    }

    public static DatasetFormat Get(string name) => All.Single(f => f.Name == name);

    /// <summary>"definitief, voorlopig (ook: final, provisional)": the Dutch labels first, the documented codes after.</summary>
    public static string Allowed<T>(EnumTable<T> table)
        where T : struct, Enum
    {
        var labels = table.Entries.Select(e => e.Label).ToList();
        var codes = table.Entries.Select(e => e.Token).Where(t => !labels.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        return string.Join(", ", labels) + (codes.Count == 0 ? string.Empty : $" (ook: {string.Join(", ", codes)})");
    }

    private static ImportColumn Optional(ImportColumn column) => column with { Required = false };

    /// <summary>The export's headers that are not import columns (derived values), matched after the import columns.</summary>
    private static string[] Ignored(IEnumerable<string> exportHeaders) => exportHeaders.ToArray();
}
