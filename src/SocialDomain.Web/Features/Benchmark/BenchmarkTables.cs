using SocialDomain.Core.Calculations;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Findings;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>The selection a table row belongs to (veld, jaar, gemeente).</summary>
public sealed record BenchmarkSelectionKey(FieldOption Field, ColumnOption Column, EntityOption Home);

/// <summary>A row of the ranking table (or a G40 member without a value, listed under it on the page).</summary>
public sealed record RankingRecord(
    BenchmarkSelectionKey Selection,
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
public sealed record ReferenceRecordRow(BenchmarkSelectionKey Selection, string Code, string Label, decimal? Saldo, BenchmarkDeviation? Deviation, string? Description, string? Note);

/// <summary>A row of the "gemeenten zoals wij" table: the home municipality, a peer, or the peers' average.</summary>
public sealed record PeerRecord(
    BenchmarkSelectionKey Selection,
    string Kind,
    string? Code,
    string Name,
    decimal? Distance,
    decimal? Saldo,
    int? Rank,
    IReadOnlyList<decimal?> Characteristics,
    string? Note);

/// <summary>A row of the characteristics-and-weights table.</summary>
public sealed record CharacteristicRecord(BenchmarkSelectionKey Selection, CharacteristicRow Row);

/// <summary>A row of the per-year table with the change table's columns.</summary>
public sealed record SeriesRecord(BenchmarkSelectionKey Selection, SeriesRow Row);

/// <summary>A data-quality finding shown on the benchmark page.</summary>
public sealed record PageFindingRecord(BenchmarkSelectionKey Selection, FindingRow Row, bool IsSelectedColumn);

/// <summary>
/// The CSV column sets of the tables of /benchmark and their rows from a <see cref="BenchmarkReport"/>: exactly the
/// rows of the page for the same selection.
/// </summary>
public static class BenchmarkTables
{
    public static readonly ColumnSet<RankingRecord> RankingColumns = Selection(new ColumnSet<RankingRecord>(), r => r.Selection)
        .Integer("Positie", "positie", r => r.Position, "Volgorde in de tabel (gelijke waarden op naam); leeg = geen waarde in de bron.")
        .Integer("Rang", "rang", r => r.Rank, "Rang; 1 = laagste netto lasten per inwoner. Gelijke waarden delen de rang.")
        .Text("Gemeente-code", "gemeenteCode", r => r.Code, "CBS-code.")
        .Text("Gemeente", "gemeente", r => r.Name, "Naam.")
        .Boolean("Eigen gemeente", "eigenGemeente", r => r.IsHome, "Ja voor de gekozen eigen gemeente.")
        .Number("Netto lasten per inwoner", "nettoLastenPerInwoner", r => r.Saldo is { } s ? NetCost.FromSaldo(s) : null, "Netto lasten in € per inwoner (= −saldo).")
        .Number("Saldo in de bron", "saldoInBron", r => r.Saldo, "Saldo per inwoner zoals gedrukt; leeg = \"-\" in de bron (niet gerangschikt, nooit 0).")
        .Number("Percentiel", "percentiel", r => Computed.Round(r.Percentile), "100 = alle andere gerangschikte gemeenten hebben hogere netto lasten.")
        .Integer("Aantal gerangschikt", "aantalGerangschikt", r => r.RankedCount, "Aantal gerangschikte gemeenten.")
        .Number("G40-gemiddelde herberekend (saldo)", "g40GemiddeldeHerberekend", r => Computed.Round(r.G40Average), "Herberekend G40-gemiddelde (saldo).")
        .Number("Afwijking van G40-gemiddelde (€ per inwoner)", "afwijkingG40EuroPerInwoner", r => Computed.Round(r.Deviation?.NetCostDifference), "Netto lasten min die van het G40-gemiddelde; negatief = goedkoper.")
        .Number("Afwijking van G40-gemiddelde (%)", "afwijkingG40Procent", r => Computed.Round(r.Deviation?.NetCostPercent), "De afwijking in procenten van het gemiddelde.");

    public static readonly ColumnSet<ReferenceRecordRow> ReferenceColumns = Selection(new ColumnSet<ReferenceRecordRow>(), r => r.Selection)
        .Text("Referentie-code", "referentieCode", r => r.Code, "eigen_gemeente, g40_herberekend, g40_vermeld, grootteklasse of nederland.")
        .Text("Referentie", "referentie", r => r.Label, "Zoals in de tabel.")
        .Number("Netto lasten per inwoner", "nettoLastenPerInwoner", r => r.Saldo is { } s ? NetCost.FromSaldo(s) : null, "Netto lasten in € per inwoner; leeg = niet beschikbaar.")
        .Number("Saldo in de bron", "saldoInBron", r => r.Saldo, "Saldo per inwoner.")
        .Number("Afwijking eigen gemeente (€ per inwoner)", "afwijkingEuroPerInwoner", r => Computed.Round(r.Deviation?.NetCostDifference), "Netto lasten van de eigen gemeente min die van de referentie.")
        .Number("Afwijking eigen gemeente (%)", "afwijkingProcent", r => Computed.Round(r.Deviation?.NetCostPercent), "De afwijking in procenten van de referentie.")
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
        .Number("Netto lasten G40 herberekend", "nettoLastenG40Herberekend", r => Computed.Round(Net(r.Row.G40Recomputed.Mean)), "Herberekend G40-gemiddelde als netto lasten.")
        .Integer("G40 herberekend n", "g40HerberekendN", r => r.Row.G40Recomputed.N, "Aantal G40-gemeenten met een waarde.")
        .Number("Netto lasten G40 vermeld", "nettoLastenG40Vermeld", r => Net(r.Row.G40Stated), "Het G40-gemiddelde zoals vermeld in de bron; leeg = niet vermeld.")
        .Boolean("Vermeld gemiddelde klopt", "vermeldGemiddeldeKlopt", r => r.Row.G40StatedCheck?.IsConsistent, "Uitkomst van de controle van het vermelde gemiddelde.")
        .Text("Controle vermeld gemiddelde", "controleVermeldGemiddelde", r => r.Row.G40StatedCheck?.Message, "De controle in woorden.")
        .Number("Netto lasten grootteklasse", "nettoLastenGrootteklasse", r => Net(r.Row.SizeClass), "Grootteklasse van de eigen gemeente.")
        .Number("Netto lasten Nederland", "nettoLastenNederland", r => Net(r.Row.Netherlands), "Nederland.")
        .Number("Afwijking van G40 herberekend (€ per inwoner)", "afwijkingG40EuroPerInwoner", r => Computed.Round(r.Row.HomeVsG40?.NetCostDifference), "Netto lasten eigen gemeente min G40 (herberekend).")
        .Number("Afwijking van G40 herberekend (%)", "afwijkingG40Procent", r => Computed.Round(r.Row.HomeVsG40?.NetCostPercent), "In procenten.")
        .Text("Eigen gemeente ten opzichte van G40", "omschrijvingG40", r => r.Row.HomeVsG40?.Describe("het G40-gemiddelde"), "Zoals op de pagina.")
        .Text("Verandering vergeleken met", "veranderingVergelekenMet", r => r.Row.ComparedWith?.Token, "De jaarrekening van het jaar ervoor waartegen de verandering is berekend.")
        .Number("Verandering eigen gemeente (%)", "veranderingEigenGemeenteProcent", r => Computed.Round(r.Row.HomeChangePercent), "Verandering van de netto lasten; positief = hoger.")
        .Number("Verandering G40 herberekend (%)", "veranderingG40HerberekendProcent", r => Computed.Round(r.Row.G40RecomputedChangePercent), "Idem voor het herberekende gemiddelde.")
        .Number("Verandering G40 vermeld (%)", "veranderingG40VermeldProcent", r => Computed.Round(r.Row.G40StatedChangePercent), "Idem voor het vermelde gemiddelde.");

    public static readonly ColumnSet<CharacteristicRecord> CharacteristicColumns = Selection(new ColumnSet<CharacteristicRecord>(), r => r.Selection)
        .Text("Kenmerk-code", "kenmerkCode", r => r.Row.Definition.Key, "Sleutel van het kenmerk (ook de naam van de gewicht-parameter: gewicht[sleutel]).")
        .Text("Kenmerk", "kenmerk", r => r.Row.Definition.Label, "Kenmerk.")
        .Number("Gewicht", "gewicht", r => r.Row.Scale.Weight, "Gewicht in de afstand (standaard 1).")
        .Number("Waarde eigen gemeente", "waardeEigenGemeente", r => r.Row.HomeValue, "Waarde van de eigen gemeente.")
        .Number("z-score eigen gemeente", "zScoreEigenGemeente", r => Computed.Round(r.Row.HomeZScore), "Afstand tot het G40-gemiddelde in standaardafwijkingen.")
        .Number("Gemiddelde vergeleken gemeenten", "gemiddeldeVergeleken", r => Computed.Round(r.Row.Scale.Mean), "Gemiddelde over de vergeleken gemeenten.")
        .Number("Standaardafwijking", "standaardafwijking", r => Computed.Round(r.Row.Scale.StandardDeviation), "Populatiestandaardafwijking.")
        .Integer("n", "n", r => r.Row.Scale.N, "Aantal gemeenten.");

    public static readonly ColumnSet<PageFindingRecord> FindingColumns = Selection(new ColumnSet<PageFindingRecord>(), r => r.Selection)
        .Boolean("Gekozen kolom", "gekozenKolom", r => r.IsSelectedColumn, "Ja voor de bevinding bij de gekozen jaar en fase.")
        .Text("Onderwerp", "onderwerp", r => r.Row.Subject, "Sleutel van het gecontroleerde cijfer.")
        .Text("Context", "context", r => r.Row.Context, "Waarover, zoals op de pagina.")
        .Text("Melding", "melding", r => r.Row.Message, "De bevinding.")
        .Text("Bron", "bron", r => r.Row.Source, "Brondocument en sectie.");

    /// <summary>"gemeenten zoals wij": one column per characteristic, as on the page.</summary>
    public static readonly ColumnSet<PeerRecord> PeerColumns = PeerColumnSet();

    public static IReadOnlyList<RankingRecord> RankingRows(BenchmarkReport report, BenchmarkSelectionKey selection)
    {
        ArgumentNullException.ThrowIfNull(report);
        var codes = report.Municipalities.ToDictionary(m => m.Name, m => m.Code, StringComparer.Ordinal);
        var mean = report.G40Average?.Mean;
        return report.Bars.Select(b => new RankingRecord(selection, b.Position, b.Rank, codes[b.Name], b.Name, b.IsHome, b.Saldo, b.Percentile, report.RankedCount,
                mean, report.Statistics?.DeviationOf(b.Saldo)))
            .Concat(report.MissingMembers.Select(name => new RankingRecord(selection, null, null, codes[name], name, name == selection.Home.Name, null, null,
                report.RankedCount, mean, null)))
            .ToList();
    }

    public static IReadOnlyList<ReferenceRecordRow> ReferenceRows(BenchmarkReport report, BenchmarkSelectionKey selection)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new[] { new ReferenceRecordRow(selection, "eigen_gemeente", $"{selection.Home.Name} (eigen gemeente)", report.HomeSaldo, null, null,
                BenchmarkText.HomeRankNote(report)) }
            .Concat(report.References.Select(r => new ReferenceRecordRow(selection, r.Code, r.Label, r.Saldo, r.HomeDeviation, r.Deviation, r.Note)))
            .ToList();
    }

    public static IReadOnlyList<SeriesRecord> SeriesRows(BenchmarkReport report, BenchmarkSelectionKey selection)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Series.Select(s => new SeriesRecord(selection, s)).ToList();
    }

    public static IReadOnlyList<PeerRecord> PeerRows(BenchmarkReport report, BenchmarkSelectionKey selection)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<PeerRecord>
        {
            new(selection, "eigen_gemeente", selection.Home.Code, selection.Home.Name, 0m, report.HomeSaldo, report.HomeBar?.Rank,
                report.CharacteristicRows.Select(c => c.HomeValue).ToList(), report.Peers?.Reason),
        };
        rows.AddRange(report.PeerRows.Select(p => new PeerRecord(selection, "vergelijkbaar", p.Code, p.Name, p.Distance, p.Saldo, p.Rank, p.Characteristics, null)));
        if (report.PeerAverage?.Mean is { } peerMean)
        {
            var note = (report.HomeVsPeers is { } vs ? $"{selection.Home.Name}: {vs.Describe("de vergelijkbare gemeenten")}" : string.Empty)
                + (report.PeerAverage.Missing.Count > 0 ? $" (zonder waarde: {string.Join(", ", report.PeerAverage.Missing)})" : string.Empty);
            rows.Add(new PeerRecord(selection, "gemiddelde", null, "Gemiddelde van de vergelijkbare gemeenten", null, peerMean, null,
                BenchmarkCatalogue.Characteristics.Select(_ => (decimal?)null).ToList(), note.Trim()));
        }

        return rows;
    }

    public static IReadOnlyList<CharacteristicRecord> CharacteristicRows(BenchmarkReport report, BenchmarkSelectionKey selection)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.CharacteristicRows.Select(c => new CharacteristicRecord(selection, c)).ToList();
    }

    public static IReadOnlyList<PageFindingRecord> FindingRows(BenchmarkReport report, BenchmarkSelectionKey selection)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.ColumnFindings.Select(f => new PageFindingRecord(selection, f, true))
            .Concat(report.RowFindings.Values.SelectMany(rows => rows).Select(f => new PageFindingRecord(selection, f, true)))
            .Concat(report.OtherFindings.Select(f => new PageFindingRecord(selection, f, false))).ToList();
    }

    private static decimal? Net(decimal? saldo) => NetCost.FromSaldo(saldo);

    private static ColumnSet<T> Selection<T>(ColumnSet<T> columns, Func<T, BenchmarkSelectionKey> selection) => columns
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
            .Number("Afstand", "afstand", r => Computed.Round(r.Distance), "Gewogen afstand in z-scores; kleiner = meer gelijkenis.")
            .Number("Netto lasten per inwoner", "nettoLastenPerInwoner", r => Computed.Round(Net(r.Saldo)), "Netto lasten in € per inwoner in de gekozen kolom.")
            .Integer("Rang", "rang", r => r.Rank, "Rang onder de G40.");
        for (var i = 0; i < BenchmarkCatalogue.Characteristics.Count; i++)
        {
            var index = i;
            var definition = BenchmarkCatalogue.Characteristics[i];
            columns.Number(definition.Label, "kenmerk_" + definition.Key.Replace('-', '_'), r => r.Characteristics.Count > index ? r.Characteristics[index] : null, definition.Label + ".");
        }

        return columns.Text("Toelichting", "toelichting", r => r.Note, "Zoals in de voetregel van de tabel.");
    }
}
