using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Exports;

/// <summary>
/// The codes behind what the pages show, as exports and the API write them: the importer's tokens
/// (docs/data-sources.md: "jeugd", "percent", "jaarrekening", ...) where the importer has them, otherwise a
/// fixed snake_case word ("on_track", "overrun", "draft"). Parsing accepts the same codes. Every code comes from the
/// enumeration's one table in <see cref="Vocabulary"/>.
/// </summary>
public static class Codes
{
    public static string Domain(SocialDomainArea value) => Vocabulary.Domains.Token(value);

    public static string Unit(KpiUnit value) => Vocabulary.Units.Token(value);

    public static string Direction(KpiDirection value) => Vocabulary.Directions.Token(value);

    public static string Frequency(KpiFrequency value) => Vocabulary.Frequencies.Token(value);

    public static string MeasurementStatus(MeasurementStatus value) => Vocabulary.MeasurementStatuses.Token(value);

    public static string BenchmarkStage(BenchmarkStage value) => Vocabulary.BenchmarkStages.Token(value);

    public static string EntityKind(BenchmarkEntityKind value) => Vocabulary.EntityKinds.Token(value);

    public static string BudgetScope(BudgetScope value) => Vocabulary.BudgetScopes.Token(value);

    public static string BudgetStage(BudgetStage value) => Vocabulary.BudgetStages.Token(value);

    public static string BudgetMeasure(BudgetMeasure value) => Vocabulary.BudgetMeasures.Token(value);

    public static string? KpiStatus(KpiStatus? value) => value is { } status ? Vocabulary.KpiStatuses.Find(status)?.Token : null;

    public static string VarianceKind(BudgetVarianceKind value) =>
        (Vocabulary.VarianceKinds.Find(value) ?? Vocabulary.VarianceKinds.Find(BudgetVarianceKind.OnBudget)!).Token;

    public static string CommentaryStatus(CommentaryStatus value) =>
        Vocabulary.CommentaryStatuses.Token(value == Core.Domain.CommentaryStatus.Published ? value : Core.Domain.CommentaryStatus.Draft);

    /// <summary>Dutch label of a budget measure, as the Begroting page writes it.</summary>
    public static string BudgetMeasureLabel(BudgetMeasure value) => Vocabulary.BudgetMeasures.Label(value);

    public static bool TryParse<T>(IReadOnlyDictionary<string, T> tokens, string? text, out T value)
    {
        value = default!;
        return text is not null && tokens.TryGetValue(text.Trim().ToLowerInvariant(), out value!);
    }

    /// <summary>"jeugd, wmo, …" for error messages.</summary>
    public static string List<T>(IReadOnlyDictionary<string, T> tokens) => string.Join(", ", tokens.Keys);
}
