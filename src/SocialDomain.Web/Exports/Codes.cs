using System.Collections.Frozen;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Exports;

/// <summary>
/// The codes behind what the pages show, as exports and the API write them: the importer's tokens
/// (docs/data-sources.md: "jeugd", "percent", "jaarrekening", ...) where the importer has them, otherwise a
/// fixed snake_case word ("on_track", "overrun", "draft"). Parsing accepts the same codes.
/// </summary>
public static class Codes
{
    private static readonly FrozenDictionary<SocialDomainArea, string> Domains = Reverse(Tokens.Domain);
    private static readonly FrozenDictionary<KpiUnit, string> Units = Reverse(Tokens.Unit);
    private static readonly FrozenDictionary<KpiDirection, string> Directions = Reverse(Tokens.Direction);
    private static readonly FrozenDictionary<KpiFrequency, string> Frequencies = Reverse(Tokens.Frequency);
    private static readonly FrozenDictionary<MeasurementStatus, string> MeasurementStatuses = Reverse(Tokens.Status);
    private static readonly FrozenDictionary<BenchmarkStage, string> BenchmarkStages = Reverse(Tokens.BenchmarkStage);
    private static readonly FrozenDictionary<BenchmarkEntityKind, string> EntityKinds = Reverse(Tokens.EntityKind);
    private static readonly FrozenDictionary<BudgetScope, string> BudgetScopes = Reverse(Tokens.BudgetScope);
    private static readonly FrozenDictionary<BudgetStage, string> BudgetStages = Reverse(Tokens.BudgetStage);
    private static readonly FrozenDictionary<BudgetMeasure, string> BudgetMeasures = Reverse(Tokens.BudgetMeasure);

    public static string Domain(SocialDomainArea value) => Domains[value];

    public static string Unit(KpiUnit value) => Units[value];

    public static string Direction(KpiDirection value) => Directions[value];

    public static string Frequency(KpiFrequency value) => Frequencies[value];

    public static string MeasurementStatus(MeasurementStatus value) => MeasurementStatuses[value];

    public static string BenchmarkStage(BenchmarkStage value) => BenchmarkStages[value];

    public static string EntityKind(BenchmarkEntityKind value) => EntityKinds[value];

    public static string BudgetScope(BudgetScope value) => BudgetScopes[value];

    public static string BudgetStage(BudgetStage value) => BudgetStages[value];

    public static string BudgetMeasure(BudgetMeasure value) => BudgetMeasures[value];

    public static string? KpiStatus(KpiStatus? value) => value switch
    {
        Core.Calculations.KpiStatus.OnTrack => "on_track",
        Core.Calculations.KpiStatus.Attention => "attention",
        Core.Calculations.KpiStatus.OffTrack => "off_track",
        _ => null,
    };

    public static string VarianceKind(BudgetVarianceKind value) => value switch
    {
        BudgetVarianceKind.Overrun => "overrun",
        BudgetVarianceKind.Underrun => "underrun",
        _ => "on_budget",
    };

    public static string CommentaryStatus(CommentaryStatus value) => value == Core.Domain.CommentaryStatus.Published ? "published" : "draft";

    /// <summary>Dutch label of a budget measure, as the Begroting page writes it.</summary>
    public static string BudgetMeasureLabel(BudgetMeasure value) => value switch
    {
        Core.Domain.BudgetMeasure.Expenses => "lasten",
        Core.Domain.BudgetMeasure.Income => "baten",
        _ => "saldo",
    };

    public static bool TryParse<T>(IReadOnlyDictionary<string, T> tokens, string? text, out T value)
    {
        value = default!;
        return text is not null && tokens.TryGetValue(text.Trim().ToLowerInvariant(), out value!);
    }

    /// <summary>"jeugd, wmo, …" for error messages.</summary>
    public static string List<T>(IReadOnlyDictionary<string, T> tokens) => string.Join(", ", tokens.Keys);

    private static FrozenDictionary<T, string> Reverse<T>(IReadOnlyDictionary<string, T> tokens) where T : struct, Enum =>
        tokens.GroupBy(t => t.Value).ToFrozenDictionary(g => g.Key, g => g.First().Key);
}
