using System.Globalization;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>The query values of /benchmark and its table exports, as given (veld, jaar, gemeente, gewicht[…]).</summary>
/// <param name="Weights">Weight per characteristic key, as typed (gewicht[inwoners]=2 → "inwoners": "2").</param>
/// <param name="Series">"alle": the per-year part shows every column; otherwise the latest <see cref="BenchmarkReport.RecentColumns"/>.</param>
public sealed record BenchmarkInput(string? Field, string? Column, string? Home, IReadOnlyDictionary<string, string> Weights, string? Series = null)
{
    /// <summary>Name of the weight parameters: gewicht[inwoners]=2.</summary>
    public const string WeightParameter = "gewicht";

    /// <summary>Name and value of the parameter that shows every column in the per-year part: reeks=alle.</summary>
    public const string SeriesParameter = "reeks";

    public const string AllColumns = "alle";

    public bool WantsAllColumns => string.Equals(Series?.Trim(), AllColumns, StringComparison.OrdinalIgnoreCase);

    /// <summary>The gewicht[…] values of a query string (for endpoints without Razor Pages' dictionary binding).</summary>
    public static IReadOnlyDictionary<string, string> WeightsFromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string Prefix = WeightParameter + "[";
        return query
            .Where(q => q.Key.StartsWith(Prefix, StringComparison.Ordinal) && q.Key.EndsWith(']'))
            .ToDictionary(q => q.Key[Prefix.Length..^1], q => q.Value.ToString(), StringComparer.Ordinal);
    }
}

/// <summary>A query value that could not be used: what is wrong, and what is used instead.</summary>
/// <param name="Problem">"'6.99' is geen domein of taakveld in de benchmark (kies bijvoorbeeld jeugd of 6.72)".</param>
/// <param name="Fallback">"Jeugd totaal wordt getoond".</param>
public sealed record InputMessage(string Problem, string Fallback)
{
    /// <summary>The sentence on the page: problem and fallback.</summary>
    public string Text => $"{Problem}; {Fallback}.";
}

/// <summary>The choices offered and the ones made for a request, before the home municipality is known.</summary>
public sealed record BenchmarkChoice(
    IReadOnlyList<FieldOption> Fields,
    IReadOnlyList<ColumnOption> Columns,
    FieldOption Field,
    ColumnOption Column,
    IReadOnlyDictionary<string, decimal> Weights,
    bool WeightsAreDefault,
    IReadOnlyList<InputMessage> Messages);

/// <summary>
/// Turns the query values into a selection with Dutch messages for values that cannot be used (the page shows the
/// default instead; a table export refuses the request). Defaults: Jeugd totaal, the latest annual accounts,
/// the configured municipality (Municipality:Code), weight 1 per characteristic.
/// </summary>
public static class BenchmarkSelection
{
    /// <summary>Highest weight a characteristic can get in "gemeenten zoals wij" (the lowest is 0).</summary>
    public const decimal MaxWeight = 10m;

    /// <summary>Field, column and weights; null when the benchmark holds nothing.</summary>
    public static BenchmarkChoice? Choose(IReadOnlyList<CatalogueEntry> catalogue, BenchmarkInput input)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(input);
        if (catalogue.Count == 0)
        {
            return null;
        }

        var messages = new List<InputMessage>();
        var fields = BenchmarkCatalogue.Fields(catalogue);
        var columns = BenchmarkCatalogue.Columns(catalogue);
        var field = ChooseField(fields, input.Field, messages);
        var column = ChooseColumn(columns, input.Column, messages);
        var (weights, areDefault) = ChooseWeights(input.Weights, messages);
        return new BenchmarkChoice(fields, columns, field, column, weights, areDefault, messages);
    }

    /// <summary>
    /// The home municipality: the given CBS code of any municipality in the benchmark, or the configured one (else the
    /// first) with a message.
    /// </summary>
    /// <param name="defaultHome">The configured municipality's CBS code (Municipality:Code).</param>
    public static EntityOption ChooseHome(IReadOnlyList<EntityOption> municipalities, string? home, string defaultHome, List<InputMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(messages);
        var fallback = municipalities.FirstOrDefault(m => m.Code == defaultHome) ?? municipalities[0];
        return Pick(municipalities, fallback, home, m => m.Code, messages,
            wanted => new($"'{wanted}' is geen gemeente in de benchmark (gebruik een CBS-code, bijvoorbeeld {fallback.Code})", $"{fallback.Name} wordt getoond"));
    }

    /// <summary>The error text of a table export: each problem as a sentence, without the page's fallback.</summary>
    public static string ExportError(IEnumerable<InputMessage> messages) => string.Join(" ", messages.Select(m => m.Problem + "."));

    private static FieldOption ChooseField(IReadOnlyList<FieldOption> fields, string? field, List<InputMessage> messages)
    {
        var fallback = fields.FirstOrDefault(f => f.Domain == SocialDomainArea.Jeugd && f.TaskFieldCode is null) ?? fields[0];
        return Pick(fields, fallback, field, f => f.Token, messages,
            wanted => new($"'{wanted}' is geen domein of taakveld in de benchmark (kies bijvoorbeeld jeugd of 6.72)", $"{fallback.Label} wordt getoond"));
    }

    private static ColumnOption ChooseColumn(IReadOnlyList<ColumnOption> columns, string? column, List<InputMessage> messages)
    {
        var fallback = columns.LastOrDefault(c => c.Stage == BenchmarkStage.AnnualAccounts) ?? columns[^1];
        return Pick(columns, fallback, column, c => c.Token, messages,
            wanted => new($"'{wanted}' is geen jaar en fase in de benchmark (gebruik bijvoorbeeld 2018-jaarrekening)", $"{fallback.Label} (de laatste jaarrekening) wordt getoond"));
    }

    /// <summary>The option whose key is the input (trimmed, ignoring case); the fallback when empty, or with a message when unknown.</summary>
    private static T Pick<T>(IReadOnlyList<T> options, T fallback, string? input, Func<T, string> key, List<InputMessage> messages, Func<string, InputMessage> unknown)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return fallback;
        }

        var wanted = input.Trim();
        var match = options.FirstOrDefault(o => string.Equals(key(o), wanted, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            messages.Add(unknown(wanted));
        }

        return match ?? fallback;
    }

    private static (Dictionary<string, decimal> Weights, bool AreDefault) ChooseWeights(IReadOnlyDictionary<string, string> input, List<InputMessage> messages)
    {
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var areDefault = true;
        foreach (var definition in BenchmarkCatalogue.Characteristics)
        {
            weights[definition.Key] = 1m;
            if (!input.TryGetValue(definition.Key, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var text = raw.Trim().Replace(',', '.');
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight <= MaxWeight)
            {
                weights[definition.Key] = weight;
                areDefault &= weight == 1m;
            }
            else
            {
                messages.Add(new($"Het gewicht '{raw.Trim()}' voor '{definition.Label}' is geen getal van 0 tot en met {DutchFormat.Number(MaxWeight, 0)}", "gewicht 1 wordt gebruikt"));
            }
        }

        var unknown = input.Keys.Where(k => BenchmarkCatalogue.Characteristics.All(d => d.Key != k)).ToList();
        if (unknown.Count > 0)
        {
            messages.Add(new($"Onbekend kenmerk: {string.Join(", ", unknown.Select(k => $"'{k}'"))}", "dat gewicht wordt genegeerd"));
        }

        return (weights, areDefault);
    }
}
