using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>A domain total ("jeugd") or task field ("6.72") of the benchmark, as offered in the "veld" choice.</summary>
public sealed record FieldOption(SocialDomainArea Domain, string? TaskFieldCode, string Token, string Label);

/// <summary>A column of the benchmark (year and stage), as offered in the "jaar" choice: token "2018-jaarrekening".</summary>
public sealed record ColumnOption(int Year, BenchmarkStage Stage, string Token, string Label);

/// <summary>A G40 municipality as offered in the "gemeente" choice.</summary>
public sealed record EntityOption(string Code, string Name);

/// <summary>One combination of domain/task field and column that the benchmark holds (round trip 1).</summary>
public sealed record CatalogueEntry(SocialDomainArea Domain, string? TaskFieldCode, string? TaskFieldName, int Year, BenchmarkStage Stage);

/// <summary>The municipality characteristics of one snapshot (the latest is used).</summary>
public sealed record CharacteristicValues(
    DateOnly Snapshot,
    int? Population,
    decimal? PctLowIncome,
    decimal? PctYouth0To19,
    decimal? PctYouthWithYouthCare,
    decimal? PctAged65To74,
    decimal? PctAged75Plus);

/// <summary>A characteristic "gemeenten zoals wij" can use: key (also the weight parameter gewicht[key]), labels, decimals shown.</summary>
public sealed record CharacteristicDefinition(string Key, string Label, string ShortLabel, int Decimals, Func<CharacteristicValues, decimal?> Select);

/// <summary>
/// The field, column and municipality catalogue of the benchmark and its display order: the one home used by the
/// benchmark page, its table exports and the export page's choices.
/// </summary>
public static class BenchmarkCatalogue
{
    /// <summary>Domains in display order (benchmark domains first, then any other in enum order).</summary>
    private static readonly SocialDomainArea[] DomainOrder = [SocialDomainArea.Jeugd, SocialDomainArea.Wmo, SocialDomainArea.Voorveld];

    /// <summary>The characteristics "gemeenten zoals wij" can use, in display order.</summary>
    public static readonly IReadOnlyList<CharacteristicDefinition> Characteristics =
    [
        new("inwoners", "Aantal inwoners", "Inwoners", 0, c => c.Population),
        new("laag-inkomen", "% huishoudens met inkomen tot 150% van het sociaal minimum", "% laag inkomen", 1, c => c.PctLowIncome),
        new("jeugd", "% jeugd 0–19 jaar", "% jeugd 0–19", 1, c => c.PctYouth0To19),
        new("jeugdhulp", "% jongeren met jeugdhulp", "% jeugdhulp", 1, c => c.PctYouthWithYouthCare),
        new("65-74", "% inwoners 65–74 jaar", "% 65–74 jaar", 1, c => c.PctAged65To74),
        new("75plus", "% inwoners 75 jaar en ouder", "% 75+", 1, c => c.PctAged75Plus),
    ];

    /// <summary>Domains Jeugd, Wmo, Voorveld; per domain the total first, then the task fields by code.</summary>
    public static IReadOnlyList<FieldOption> Fields(IEnumerable<CatalogueEntry> catalogue) => catalogue
        .Select(c => (c.Domain, c.TaskFieldCode, c.TaskFieldName)).Distinct()
        .OrderBy(f => DomainRank(f.Domain)).ThenBy(f => f.TaskFieldCode is null ? 0 : 1).ThenBy(f => f.TaskFieldCode, StringComparer.Ordinal)
        .Select(f => new FieldOption(f.Domain, f.TaskFieldCode, f.TaskFieldCode ?? DomainToken(f.Domain),
            f.TaskFieldCode is null ? $"{DutchText.Domain(f.Domain)} totaal" : $"{f.TaskFieldCode} {f.TaskFieldName}"))
        .ToList();

    /// <summary>By year; within a year the budget (begroting) before the annual accounts (jaarrekening).</summary>
    public static IReadOnlyList<ColumnOption> Columns(IEnumerable<CatalogueEntry> catalogue) => catalogue
        .Select(c => (c.Year, c.Stage)).Distinct()
        .OrderBy(c => c.Year).ThenBy(c => c.Stage == BenchmarkStage.Budget ? 0 : 1)
        .Select(c => new ColumnOption(c.Year, c.Stage, $"{c.Year}-{DutchText.BenchmarkStage(c.Stage)}", $"{c.Year} {DutchText.BenchmarkStage(c.Stage)}"))
        .ToList();

    /// <summary>Dutch alphabetical order that ignores a leading "'s-": 's-Hertogenbosch sorts under H.</summary>
    public static IReadOnlyList<EntityOption> SortMunicipalities(IEnumerable<EntityOption> municipalities) => municipalities
        .OrderBy(m => m.Name.StartsWith("'s-", StringComparison.Ordinal) ? m.Name[3..] : m.Name, StringComparer.Create(DutchFormat.Culture, ignoreCase: true))
        .ToList();

    private static int DomainRank(SocialDomainArea domain) => Array.IndexOf(DomainOrder, domain) is var i and >= 0 ? i : DomainOrder.Length + (int)domain;

    private static string DomainToken(SocialDomainArea domain) => domain.ToString().ToLowerInvariant();
}
