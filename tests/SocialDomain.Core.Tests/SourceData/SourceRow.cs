using System.Globalization;
using SocialDomain.Core.Calculations;

namespace SocialDomain.Core.Tests.SourceData;

/// <summary>A row from a source table: a label and its numbers ("-" = no value), parsed the Dutch way.</summary>
public sealed record SourceRow(string Name, IReadOnlyList<decimal?> Values)
{
    /// <summary>Column group indexes in the Bijlage saldo tables; the Totaal column of group g is 3g + 2.</summary>
    public const int Jaarrekening2017 = 0;
    public const int Jaarrekening2018 = 1;
    public const int Begroting2019 = 2;
    public const int Jaarrekening2019 = 3;
    public const int Begroting2020 = 4;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Parses "Gemeente Hilversum -137,4 -46,9 -184,3 ..." into ("Hilversum", [-137.4, -46.9, -184.3, ...]).</summary>
    public static SourceRow Parse(string line)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var firstNumber = Array.FindIndex(tokens, IsNumberOrDash);
        var name = string.Join(' ', tokens[..firstNumber]);
        if (name.StartsWith("Gemeente ", StringComparison.Ordinal))
        {
            name = name["Gemeente ".Length..];
        }

        var values = tokens[firstNumber..]
            .Select(t => t == "-" ? (decimal?)null : decimal.Parse(t, NumberStyles.Number, Dutch))
            .ToArray();
        return new SourceRow(name, values);
    }

    public static IReadOnlyList<SourceRow> ParseAll(IEnumerable<string> lines) => lines.Select(Parse).ToArray();

    /// <summary>The Totaal column of a column group (0 = 2017 jaarrekening ... 4 = 2020 begroting).</summary>
    public decimal? Total(int group) => Values[(3 * group) + 2];

    /// <summary>The values of one column for all rows, as benchmark input.</summary>
    public static IReadOnlyList<MunicipalityValue> Column(IEnumerable<SourceRow> rows, int index) =>
        rows.Select(r => new MunicipalityValue(r.Name, r.Values[index])).ToArray();

    /// <summary>The Totaal column of a column group for all rows.</summary>
    public static IReadOnlyList<MunicipalityValue> TotalColumn(IEnumerable<SourceRow> rows, int group) => Column(rows, (3 * group) + 2);

    private static bool IsNumberOrDash(string token) =>
        token == "-" || decimal.TryParse(token, NumberStyles.Number, Dutch, out _);
}
