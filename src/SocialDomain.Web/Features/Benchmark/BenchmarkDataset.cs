using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Formatting;
using Calc = SocialDomain.Core.Calculations.Benchmark;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>
/// A benchmark observation (€ per inhabitant, saldo as printed) with what the benchmark page computes for its
/// column (domain × task field × year × stage): the G40 average recomputed from the members, the deviation from it
/// in net cost, and, for G40 members, rank and percentile (rank 1 = lowest net cost).
/// </summary>
public sealed record BenchmarkRecord(
    string MunicipalityCode,
    string MunicipalityName,
    BenchmarkEntityKind Kind,
    bool IsG40,
    SocialDomainArea Domain,
    string? TaskFieldCode,
    string? TaskFieldName,
    int Year,
    BenchmarkStage Stage,
    decimal? Saldo,
    decimal? G40Average,
    int G40Count,
    BenchmarkDeviation? Deviation,
    RankedMunicipality? Rank,
    int RankedCount,
    string? SourceName,
    string SourceDocument,
    string SourceSection);

/// <param name="TaskFieldCode">A task field code; "totaal" for the domain totals only; null for both.</param>
public sealed record BenchmarkFilter(
    SocialDomainArea? Domain = null,
    string? TaskFieldCode = null,
    int? Year = null,
    BenchmarkStage? Stage = null,
    string? MunicipalityCode = null)
{
    public const string Total = "totaal";
}

/// <summary>
/// Benchmark observations with deviation, rank and percentile, computed with SocialDomain.Core's Benchmark.Column
/// (average and rank of the G40 members), exactly as the benchmark page does. Rows are read column by column (ordered by domain,
/// task field, year and stage), so only one column (≈ 55 rows) is held at a time.
/// </summary>
public static class BenchmarkDataset
{
    public const string Name = "benchmark";

    /// <summary>Computed figures are rounded to this many decimals (half away from zero); stored values are exact.</summary>

    public static readonly ColumnSet<BenchmarkRecord> Columns = new ColumnSet<BenchmarkRecord>()
        .Text("Gemeente-code", "gemeenteCode", r => r.MunicipalityCode, "CBS-code (GM gevolgd door vier cijfers) of de code van een gemiddelde (G40, G4, NL, GK1–GK8).")
        .Text("Gemeente", "gemeente", r => r.MunicipalityName, "Naam van de gemeente of het gemiddelde.")
        .Text("Soort-code", "soortCode", r => Codes.EntityKind(r.Kind), "municipality, g40_average, g4_average, size_class of nederland.")
        .Boolean("G40-gemeente", "g40Gemeente", r => r.IsG40, "Ja voor de 40 G40-gemeenten (alleen zij worden gerangschikt en gemiddeld).")
        .Text("Domein-code", "domeinCode", r => Codes.Domain(r.Domain), "jeugd, wmo of voorveld.")
        .Text("Domein", "domein", r => DutchText.Domain(r.Domain), "Domein in het Nederlands.")
        .Text("Taakveld-code", "taakveldCode", r => r.TaskFieldCode, "IV3-taakveld (6.72); leeg voor het totaal van het domein.")
        .Text("Taakveld", "taakveld", r => r.TaskFieldName ?? $"{DutchText.Domain(r.Domain)} totaal", "Naam van het taakveld, of '<domein> totaal'.")
        .Integer("Jaar", "jaar", r => r.Year, "Jaar.")
        .Text("Fase-code", "faseCode", r => Codes.BenchmarkStage(r.Stage), "jaarrekening of begroting.")
        .Text("Fase", "fase", r => DutchText.BenchmarkStage(r.Stage), "Jaarrekening of begroting.")
        .Number("Saldo per inwoner", "saldoPerInwoner", r => r.Saldo, "Saldo in € per inwoner zoals in de bron; negatief = netto lasten. Leeg = geen waarde in de bron (\"-\"), nooit 0.")
        .Number("Netto lasten per inwoner", "nettoLastenPerInwoner", r => NetCost.FromSaldo(r.Saldo), "Netto lasten in € per inwoner (= −saldo), zoals de benchmarkpagina ze toont.")
        .Number("G40-gemiddelde herberekend", "g40GemiddeldeHerberekend", r => Computed.Round(r.G40Average), "Ongewogen gemiddelde saldo van de G40-gemeenten met een waarde in deze kolom (herberekend, niet zoals vermeld).")
        .Integer("G40-gemeenten met waarde", "g40GemeentenMetWaarde", r => r.G40Count, "Aantal G40-gemeenten waarover het gemiddelde is berekend (n).")
        .Number("Afwijking van G40-gemiddelde (€ per inwoner)", "afwijkingG40EuroPerInwoner", r => Computed.Round(r.Deviation?.NetCostDifference), "Netto lasten min de netto lasten van het herberekende G40-gemiddelde; negatief = goedkoper dan gemiddeld.")
        .Number("Afwijking van G40-gemiddelde (%)", "afwijkingG40Procent", r => Computed.Round(r.Deviation?.NetCostPercent), "De afwijking als percentage van de netto lasten van het gemiddelde; leeg als het gemiddelde 0 is.")
        .Integer("Rang", "rang", r => r.Rank?.Rank, "Rang onder de G40-gemeenten met een waarde; 1 = laagste netto lasten per inwoner. Gelijke waarden delen de rang.")
        .Integer("Positie", "positie", r => r.Rank?.Position, "Unieke volgorde 1..n (gelijke waarden op naam).")
        .Integer("Aantal gerangschikt", "aantalGerangschikt", r => r.Rank is null ? null : r.RankedCount, "Aantal gerangschikte G40-gemeenten in deze kolom.")
        .Number("Percentiel", "percentiel", r => Computed.Round(r.Rank?.Percentile), "Percentage van de andere gerangschikte gemeenten met hogere netto lasten (100 = goedkoopste).")
        .Text("Naam in de bron", "naamInBron", r => r.SourceName, "De rij zoals gedrukt in de bron.")
        .Text("Brondocument", "brondocument", r => r.SourceDocument, "Brondocument.")
        .Text("Bronsectie", "bronsectie", r => r.SourceSection, "Sectie en regel in het brondocument.");


    /// <summary>The rows of every column that matches the filter, computed column by column, in column order.</summary>
    public static async IAsyncEnumerable<BenchmarkRecord> StreamAsync(SocialDomainDbContext db, BenchmarkFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = db.BenchmarkObservations.AsNoTracking();
        if (filter.Domain is { } domain)
        {
            query = query.Where(o => o.Domain == domain);
        }

        if (filter.TaskFieldCode is { } taskField)
        {
            query = taskField == BenchmarkFilter.Total ? query.Where(o => o.TaskFieldCode == null) : query.Where(o => o.TaskFieldCode == taskField);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(o => o.Year == year);
        }

        if (filter.Stage is { } stage)
        {
            query = query.Where(o => o.Stage == stage);
        }

        // The municipality filter is applied after the computation: rank and average need the whole column.
        var rows = query
            .OrderBy(o => o.Domain).ThenBy(o => o.TaskFieldCode).ThenBy(o => o.Year).ThenBy(o => o.Stage).ThenBy(o => o.MunicipalityCode)
            .Select(o => new Observation(o.MunicipalityCode, o.Municipality!.Name, o.Municipality.Kind, o.Municipality.IsG40, o.Domain,
                o.TaskFieldCode, o.TaskField != null ? o.TaskField.Name : null, o.Year, o.Stage, o.ValuePerInhabitant, o.SourceName,
                o.Source.Document, o.Source.Section));

        var group = new List<Observation>();
        await foreach (var row in StreamingQuery.Stream(db, rows, cancellationToken))
        {
            if (group.Count > 0 && !SameColumn(group[0], row))
            {
                foreach (var record in Compute(group, filter.MunicipalityCode))
                {
                    yield return record;
                }

                group.Clear();
            }

            group.Add(row);
        }

        foreach (var record in Compute(group, filter.MunicipalityCode))
        {
            yield return record;
        }
    }

    private static bool SameColumn(Observation a, Observation b) =>
        a.Domain == b.Domain && a.TaskFieldCode == b.TaskFieldCode && a.Year == b.Year && a.Stage == b.Stage;

    private static IEnumerable<BenchmarkRecord> Compute(List<Observation> column, string? municipality)
    {
        if (column.Count == 0)
        {
            yield break;
        }

        // As the benchmark page: the G40 members by name, a missing value left out (never 0).
        var statistics = Calc.Column(column.Where(o => o.IsG40).Select(o => new MunicipalityValue(o.Name, o.Saldo)).ToList());
        foreach (var o in column)
        {
            if (municipality is not null && !string.Equals(o.Code, municipality, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            yield return new BenchmarkRecord(o.Code, o.Name, o.Kind, o.IsG40, o.Domain, o.TaskFieldCode, o.TaskFieldName, o.Year, o.Stage,
                o.Saldo, statistics.Average.Mean, statistics.Average.N, statistics.DeviationOf(o.Saldo), o.IsG40 ? statistics.Ranking.Find(o.Name) : null,
                statistics.Ranking.N, o.SourceName, o.Document, o.Section);
        }
    }

    private sealed record Observation(
        string Code,
        string Name,
        BenchmarkEntityKind Kind,
        bool IsG40,
        SocialDomainArea Domain,
        string? TaskFieldCode,
        string? TaskFieldName,
        int Year,
        BenchmarkStage Stage,
        decimal? Saldo,
        string? SourceName,
        string Document,
        string Section);
}
