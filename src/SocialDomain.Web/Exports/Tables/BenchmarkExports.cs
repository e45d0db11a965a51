using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports.Datasets;
using SocialDomain.Web.Pages.BenchmarkG40;
using Calc = SocialDomain.Core.Calculations.Benchmark;

namespace SocialDomain.Web.Exports.Tables;

/// <summary>The selection of the benchmark page a table row belongs to (veld, jaar, gemeente).</summary>
public sealed record BenchmarkSelection(BenchmarkModel.FieldOption Field, BenchmarkModel.ColumnOption Column, BenchmarkModel.EntityOption Home);

/// <summary>A row of the ranking table (or a G40 member without a value, listed under it on the page).</summary>
public sealed record RankingRecord(
    BenchmarkSelection Selection,
    int? Position,
    int? Rank,
    string Code,
    string Name,
    bool IsHome,
    decimal? Saldo,
    decimal? Percentile,
    int RankedCount,
    decimal? G40Average,
    BenchmarkDeviation? Deviation);

/// <summary>A row of the references table: the home municipality, the G40 average (recomputed and stated), size class, Nederland.</summary>
public sealed record ReferenceRecordRow(BenchmarkSelection Selection, string Code, string Label, decimal? Saldo, BenchmarkDeviation? Deviation, string? Description, string? Note);

/// <summary>A row of the "gemeenten zoals wij" table: the home municipality, a peer, or the peers' average.</summary>
public sealed record PeerRecord(
    BenchmarkSelection Selection,
    string Kind,
    string? Code,
    string Name,
    decimal? Distance,
    decimal? Saldo,
    int? Rank,
    IReadOnlyList<decimal?> Characteristics,
    string? Note);

/// <summary>A row of the characteristics-and-weights table.</summary>
public sealed record CharacteristicRecord(BenchmarkSelection Selection, BenchmarkModel.CharacteristicRow Row);

/// <summary>A row of the per-year table with the change table's columns.</summary>
public sealed record SeriesRecord(BenchmarkSelection Selection, BenchmarkModel.SeriesRow Row);

/// <summary>A data-quality finding shown on the benchmark page.</summary>
public sealed record PageFindingRecord(BenchmarkSelection Selection, BenchmarkModel.FindingRow Row, bool IsSelectedColumn);

/// <summary>
/// The tables of /benchmark for one selection (veld, jaar, gemeente and the weights), computed by the page model
/// itself (Core's Benchmark.Average, Rank, DeviationFrom and Peers).
/// </summary>
public static class BenchmarkExports
{
    public const string RankingName = "benchmark-ranglijst";
    public const string ReferencesName = "benchmark-referenties";
    public const string SeriesName = "benchmark-per-jaar";
    public const string PeersName = "benchmark-zoals-wij";
    public const string CharacteristicsName = "benchmark-kenmerken";
    public const string FindingsName = "benchmark-bevindingen";

    public static readonly ColumnSet<RankingRecord> RankingColumns = Selection(new ColumnSet<RankingRecord>(), r => r.Selection)
        .Integer("Positie", "positie", r => r.Position, "Volgorde in de tabel (gelijke waarden op naam); leeg = geen waarde in de bron.")
        .Integer("Rang", "rang", r => r.Rank, "Rang; 1 = laagste netto lasten per inwoner. Gelijke waarden delen de rang.")
        .Text("Gemeente-code", "gemeenteCode", r => r.Code, "CBS-code.")
        .Text("Gemeente", "gemeente", r => r.Name, "Naam.")
        .Boolean("Eigen gemeente", "eigenGemeente", r => r.IsHome, "Ja voor de gekozen eigen gemeente.")
        .Number("Netto lasten per inwoner", "nettoLastenPerInwoner", r => r.Saldo is { } s ? BenchmarkModel.NetCost(s) : null, "Netto lasten in € per inwoner (= −saldo).")
        .Number("Saldo in de bron", "saldoInBron", r => r.Saldo, "Saldo per inwoner zoals gedrukt; leeg = \"-\" in de bron (niet gerangschikt, nooit 0).")
        .Number("Percentiel", "percentiel", r => Benchmarks.Round(r.Percentile), "100 = alle andere gerangschikte gemeenten hebben hogere netto lasten.")
        .Integer("Aantal gerangschikt", "aantalGerangschikt", r => r.RankedCount, "Aantal gerangschikte gemeenten.")
        .Number("G40-gemiddelde herberekend (saldo)", "g40GemiddeldeHerberekend", r => Benchmarks.Round(r.G40Average), "Herberekend G40-gemiddelde (saldo).")
        .Number("Afwijking van G40-gemiddelde (€ per inwoner)", "afwijkingG40EuroPerInwoner", r => Benchmarks.Round(r.Deviation?.NetCostDifference), "Netto lasten min die van het G40-gemiddelde; negatief = goedkoper.")
        .Number("Afwijking van G40-gemiddelde (%)", "afwijkingG40Procent", r => Benchmarks.Round(r.Deviation?.NetCostPercent), "De afwijking in procenten van het gemiddelde.");

    public static readonly ColumnSet<ReferenceRecordRow> ReferenceColumns = Selection(new ColumnSet<ReferenceRecordRow>(), r => r.Selection)
        .Text("Referentie-code", "referentieCode", r => r.Code, "eigen_gemeente, g40_herberekend, g40_vermeld, grootteklasse of nederland.")
        .Text("Referentie", "referentie", r => r.Label, "Zoals in de tabel.")
        .Number("Netto lasten per inwoner", "nettoLastenPerInwoner", r => r.Saldo is { } s ? BenchmarkModel.NetCost(s) : null, "Netto lasten in € per inwoner; leeg = niet beschikbaar.")
        .Number("Saldo in de bron", "saldoInBron", r => r.Saldo, "Saldo per inwoner.")
        .Number("Afwijking eigen gemeente (€ per inwoner)", "afwijkingEuroPerInwoner", r => Benchmarks.Round(r.Deviation?.NetCostDifference), "Netto lasten van de eigen gemeente min die van de referentie.")
        .Number("Afwijking eigen gemeente (%)", "afwijkingProcent", r => Benchmarks.Round(r.Deviation?.NetCostPercent), "De afwijking in procenten van de referentie.")
        .Text("Eigen gemeente ten opzichte van de referentie", "omschrijving", r => r.Description, "Zoals op de pagina.")
        .Text("Toelichting", "toelichting", r => r.Note, "Zoals op de pagina.");

    public static readonly ColumnSet<SeriesRecord> SeriesColumns = Selection(new ColumnSet<SeriesRecord>(), r => r.Selection)
        .Text("Jaar en fase van de rij", "rijJaarEnFase", r => r.Row.Column.Token, "De kolom van de bron van deze rij, bijvoorbeeld 2018-jaarrekening.")
        .Integer("Rij jaar", "rijJaar", r => r.Row.Column.Year, "Jaar van de rij.")
        .Text("Rij fase-code", "rijFaseCode", r => Codes.BenchmarkStage(r.Row.Column.Stage), "jaarrekening of begroting.")
        .Boolean("Gekozen kolom", "gekozenKolom", r => r.Row.Column == r.Selection.Column, "Ja voor de gekozen jaar en fase.")
        .Number("Netto lasten eigen gemeente", "nettoLastenEigenGemeente", r => Net(r.Row.HomeSaldo), "Netto lasten per inwoner van de eigen gemeente.")
        .Integer("Rang eigen gemeente", "rangEigenGemeente", r => r.Row.HomeRank?.Rank, "Rang onder de G40.")
        .Integer("Aantal gerangschikt", "aantalGerangschikt", r => r.Row.RankedCount, "Aantal gerangschikte G40-gemeenten.")
        .Number("Netto lasten G40 herberekend", "nettoLastenG40Herberekend", r => Benchmarks.Round(Net(r.Row.G40Recomputed.Mean)), "Herberekend G40-gemiddelde als netto lasten.")
        .Integer("G40 herberekend n", "g40HerberekendN", r => r.Row.G40Recomputed.N, "Aantal G40-gemeenten met een waarde.")
        .Number("Netto lasten G40 vermeld", "nettoLastenG40Vermeld", r => Net(r.Row.G40Stated), "Het G40-gemiddelde zoals vermeld in de bron; leeg = niet vermeld.")
        .Boolean("Vermeld gemiddelde klopt", "vermeldGemiddeldeKlopt", r => r.Row.G40StatedCheck?.IsConsistent, "Uitkomst van de controle van het vermelde gemiddelde.")
        .Text("Controle vermeld gemiddelde", "controleVermeldGemiddelde", r => r.Row.G40StatedCheck?.Message, "De controle in woorden.")
        .Number("Netto lasten grootteklasse", "nettoLastenGrootteklasse", r => Net(r.Row.SizeClass), "Grootteklasse van de eigen gemeente.")
        .Number("Netto lasten Nederland", "nettoLastenNederland", r => Net(r.Row.Netherlands), "Nederland.")
        .Number("Afwijking van G40 herberekend (€ per inwoner)", "afwijkingG40EuroPerInwoner", r => Benchmarks.Round(r.Row.HomeVsG40?.NetCostDifference), "Netto lasten eigen gemeente min G40 (herberekend).")
        .Number("Afwijking van G40 herberekend (%)", "afwijkingG40Procent", r => Benchmarks.Round(r.Row.HomeVsG40?.NetCostPercent), "In procenten.")
        .Text("Eigen gemeente ten opzichte van G40", "omschrijvingG40", r => r.Row.HomeVsG40?.Describe("het G40-gemiddelde"), "Zoals op de pagina.")
        .Text("Verandering vergeleken met", "veranderingVergelekenMet", r => r.Row.ComparedWith?.Token, "De jaarrekening van het jaar ervoor waartegen de verandering is berekend.")
        .Number("Verandering eigen gemeente (%)", "veranderingEigenGemeenteProcent", r => Benchmarks.Round(r.Row.HomeChangePercent), "Verandering van de netto lasten; positief = hoger.")
        .Number("Verandering G40 herberekend (%)", "veranderingG40HerberekendProcent", r => Benchmarks.Round(r.Row.G40RecomputedChangePercent), "Idem voor het herberekende gemiddelde.")
        .Number("Verandering G40 vermeld (%)", "veranderingG40VermeldProcent", r => Benchmarks.Round(r.Row.G40StatedChangePercent), "Idem voor het vermelde gemiddelde.");

    public static readonly ColumnSet<CharacteristicRecord> CharacteristicColumns = Selection(new ColumnSet<CharacteristicRecord>(), r => r.Selection)
        .Text("Kenmerk-code", "kenmerkCode", r => r.Row.Definition.Key, "Sleutel van het kenmerk (ook de naam van de gewicht-parameter: gewicht[sleutel]).")
        .Text("Kenmerk", "kenmerk", r => r.Row.Definition.Label, "Kenmerk.")
        .Number("Gewicht", "gewicht", r => r.Row.Scale.Weight, "Gewicht in de afstand (standaard 1).")
        .Number("Waarde eigen gemeente", "waardeEigenGemeente", r => r.Row.HomeValue, "Waarde van de eigen gemeente.")
        .Number("z-score eigen gemeente", "zScoreEigenGemeente", r => Benchmarks.Round(r.Row.HomeZScore), "Afstand tot het G40-gemiddelde in standaardafwijkingen.")
        .Number("Gemiddelde G40", "gemiddeldeG40", r => Benchmarks.Round(r.Row.Scale.Mean), "Gemiddelde over de vergeleken gemeenten.")
        .Number("Standaardafwijking", "standaardafwijking", r => Benchmarks.Round(r.Row.Scale.StandardDeviation), "Populatiestandaardafwijking.")
        .Integer("n", "n", r => r.Row.Scale.N, "Aantal gemeenten.");

    public static readonly ColumnSet<PageFindingRecord> FindingColumns = Selection(new ColumnSet<PageFindingRecord>(), r => r.Selection)
        .Boolean("Gekozen kolom", "gekozenKolom", r => r.IsSelectedColumn, "Ja voor de bevinding bij de gekozen jaar en fase.")
        .Text("Onderwerp", "onderwerp", r => r.Row.Subject, "Sleutel van het gecontroleerde cijfer.")
        .Text("Context", "context", r => r.Row.Context, "Waarover, zoals op de pagina.")
        .Text("Melding", "melding", r => r.Row.Message, "De bevinding.")
        .Text("Bron", "bron", r => r.Row.Source, "Brondocument en sectie.");

    /// <summary>"gemeenten zoals wij": one column per characteristic, as on the page.</summary>
    public static readonly ColumnSet<PeerRecord> PeerColumns = PeerColumnSet();

    public static Task<IResult> RankingAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, veld, jaar, gemeente, dialect, RankingName, RankingColumns, (page, selection) =>
        {
            var codes = page.Municipalities.ToDictionary(m => m.Name, m => m.Code, StringComparer.Ordinal);
            var mean = page.G40Average?.Mean;
            return page.Bars.Select(b => new RankingRecord(selection, b.Position, b.Rank, codes[b.Name], b.Name, b.IsHome, b.Saldo, b.Percentile, page.RankedCount,
                    mean, mean is { } m ? Calc.DeviationFrom(b.Saldo, m) : null))
                .Concat(page.MissingMembers.Select(name => new RankingRecord(selection, null, null, codes[name], name, name == selection.Home.Name, null, null,
                    page.RankedCount, mean, null)))
                .ToList();
        });

    public static Task<IResult> ReferencesAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, veld, jaar, gemeente, dialect, ReferencesName, ReferenceColumns, (page, selection) =>
        {
            var home = page.HomeBar?.Saldo;
            string[] codes = ["g40_herberekend", "g40_vermeld", "grootteklasse", "nederland"];
            return new[] { new ReferenceRecordRow(selection, "eigen_gemeente", $"{selection.Home.Name} (eigen gemeente)", home, null, null,
                    page.HomeBar is null ? "geen waarde in de bron" : $"rang {page.HomeBar.Rank} van {page.RankedCount}") }
                .Concat(page.References.Select((r, i) => new ReferenceRecordRow(selection, i < codes.Length ? codes[i] : $"referentie_{i + 1}", r.Label, r.Saldo,
                    home is { } h && r.Saldo is { } s ? Calc.DeviationFrom(h, s) : null, r.Deviation, r.Note)))
                .ToList();
        });

    public static Task<IResult> SeriesAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, veld, jaar, gemeente, dialect, SeriesName, SeriesColumns, (page, selection) =>
            page.Series.Select(s => new SeriesRecord(selection, s)).ToList());

    public static Task<IResult> PeersAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, veld, jaar, gemeente, dialect, PeersName, PeerColumns, (page, selection) =>
        {
            var rows = new List<PeerRecord>
            {
                new(selection, "eigen_gemeente", selection.Home.Code, selection.Home.Name, 0m, page.HomeBar?.Saldo, page.HomeBar?.Rank,
                    page.CharacteristicRows.Select(c => c.HomeValue).ToList(), page.Peers?.Reason),
            };
            rows.AddRange(page.PeerRows.Select(p => new PeerRecord(selection, "vergelijkbaar", p.Code, p.Name, p.Distance, p.Saldo, p.Rank, p.Characteristics, null)));
            if (page.PeerAverage?.Mean is { } peerMean)
            {
                var note = (page.HomeVsPeers is { } vs ? $"{selection.Home.Name}: {vs.Describe("de vergelijkbare gemeenten")}" : string.Empty)
                    + (page.PeerAverage.Missing.Count > 0 ? $" (zonder waarde: {string.Join(", ", page.PeerAverage.Missing)})" : string.Empty);
                rows.Add(new PeerRecord(selection, "gemiddelde", null, "Gemiddelde van de vergelijkbare gemeenten", null, peerMean, null,
                    BenchmarkModel.CharacteristicDefinitions.Select(_ => (decimal?)null).ToList(), note.Trim()));
            }

            return rows;
        });

    public static Task<IResult> CharacteristicsAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, veld, jaar, gemeente, dialect, CharacteristicsName, CharacteristicColumns, (page, selection) =>
            page.CharacteristicRows.Select(c => new CharacteristicRecord(selection, c)).ToList());

    public static Task<IResult> FindingsAsync(HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
        RunAsync(http, db, veld, jaar, gemeente, dialect, FindingsName, FindingColumns, (page, selection) =>
            page.ColumnFindings.Select(f => new PageFindingRecord(selection, f, true))
                .Concat(page.OtherFindings.Select(f => new PageFindingRecord(selection, f, false))).ToList());

    private static decimal? Net(decimal? saldo) => saldo is { } s ? BenchmarkModel.NetCost(s) : null;

    private static ColumnSet<T> Selection<T>(ColumnSet<T> columns, Func<T, BenchmarkSelection> selection) => columns
        .Text("Domein-code", "domeinCode", r => Codes.Domain(selection(r).Field.Domain), "Domein van de selectie.")
        .Text("Taakveld-code", "taakveldCode", r => selection(r).Field.TaskFieldCode, "Taakveld van de selectie; leeg = domein totaal.")
        .Text("Veld", "veld", r => selection(r).Field.Label, "Domein of taakveld zoals op de pagina.")
        .Integer("Jaar", "jaar", r => selection(r).Column.Year, "Gekozen jaar.")
        .Text("Fase-code", "faseCode", r => Codes.BenchmarkStage(selection(r).Column.Stage), "jaarrekening of begroting.")
        .Text("Eigen gemeente-code", "eigenGemeenteCode", r => selection(r).Home.Code, "CBS-code van de gekozen eigen gemeente.");

    private static ColumnSet<PeerRecord> PeerColumnSet()
    {
        var columns = Selection(new ColumnSet<PeerRecord>(), r => r.Selection)
            .Text("Soort rij", "soortRij", r => r.Kind, "eigen_gemeente, vergelijkbaar of gemiddelde.")
            .Text("Gemeente-code", "gemeenteCode", r => r.Code, "CBS-code.")
            .Text("Gemeente", "gemeente", r => r.Name, "Naam.")
            .Number("Afstand", "afstand", r => Benchmarks.Round(r.Distance), "Gewogen afstand in z-scores; kleiner = meer gelijkenis.")
            .Number("Netto lasten per inwoner", "nettoLastenPerInwoner", r => Benchmarks.Round(Net(r.Saldo)), "Netto lasten in € per inwoner in de gekozen kolom.")
            .Integer("Rang", "rang", r => r.Rank, "Rang onder de G40.");
        for (var i = 0; i < BenchmarkModel.CharacteristicDefinitions.Count; i++)
        {
            var index = i;
            var definition = BenchmarkModel.CharacteristicDefinitions[i];
            columns.Number(definition.Label, "kenmerk_" + definition.Key.Replace('-', '_'), r => r.Characteristics.Count > index ? r.Characteristics[index] : null, definition.Label + ".");
        }

        return columns.Text("Toelichting", "toelichting", r => r.Note, "Zoals in de voetregel van de tabel.");
    }

    private static async Task<IResult> RunAsync<T>(
        HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect,
        string name, ColumnSet<T> columns, Func<BenchmarkModel, BenchmarkSelection, IReadOnlyList<T>> rows)
    {
        if (!CsvDialect.TryParse(dialect, out var csvDialect, out var error))
        {
            return ExportResults.BadRequest(error!);
        }

        var weights = http.Request.Query
            .Where(q => q.Key.StartsWith("gewicht[", StringComparison.Ordinal) && q.Key.EndsWith(']'))
            .ToDictionary(q => q.Key["gewicht[".Length..^1], q => q.Value.ToString(), StringComparer.Ordinal);
        var page = new BenchmarkModel(db) { Field = veld, Column = jaar, Home = gemeente, WeightInput = weights }.ForRequest(http);
        await page.OnGetAsync(http.RequestAborted);
        if (page.InputMessages.Count > 0)
        {
            return ExportResults.BadRequest(string.Join(" ", page.InputMessages.Select(m => m.Split(';')[0] + ".")));
        }

        if (!page.HasData || page.SelectedField is not { } field || page.SelectedColumn is not { } column || page.SelectedHome is not { } home)
        {
            return ExportResults.NotFound("Er zijn nog geen benchmarkcijfers geladen.");
        }

        var selection = new BenchmarkSelection(field, column, home);
        return ExportResults.Csv(http, name, csvDialect, columns, rows(page, selection), field.Token, column.Token, home.Code);
    }
}
