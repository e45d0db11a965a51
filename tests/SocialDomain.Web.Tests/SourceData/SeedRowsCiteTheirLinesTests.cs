using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace SocialDomain.Web.Tests.SourceData;

/// <summary>
/// Issue 17: every figure of the Hilversum demo data is printed on the line(s) its row cites, in Dutch formatting
/// (docs/data-sources/hilversum.md, "Conventions"), or the row says in its own text that it is derived, computed or
/// assumed. The source documents are read from /work/shared/seeds (or SOCIALDOMAIN_SEED_DOCUMENTS).
/// </summary>
public partial class SeedRowsCiteTheirLinesTests
{
    /// <summary>
    /// The phrases with which a row labels a figure that is not printed as such on its cited lines
    /// (docs/data-sources/hilversum.md, "Conventions"): "Berekend: 50 fte inhuur / 143 fte …", "Nulmeting berekend …",
    /// "Waarde afgeleid …", "Bedrag afgeleid …". A looser word ("aangenomen" for a measure) does not label the figure.
    /// </summary>
    private static readonly string[] DerivedLabels = ["berekend:", "nulmeting berekend", "waarde afgeleid", "bedrag afgeleid"];

    private static readonly string Root = FindRepositoryRoot();

    private static readonly string SeedDirectory = FindSeedDocuments();

    public static TheoryData<string, string, string[]> Files => new()
    {
        // file, the columns with figures, the columns whose text may label a derived figure
        { "measurements.csv", "value", ["note"] },
        { "reference_values.csv", "value", ["reference"] },
        { "targets.csv", "target_value baseline_value", ["rationale"] },
        { "budget_lines.csv", "amount", ["note", "name"] },
        { "project_budgets.csv", "amount", ["funding"] },
        { "reserve_movements.csv", "amount", ["description"] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFigure_IsPrintedOnItsCitedLines_OrLabelledAsDerived(string file, string figureColumns, string[] labelColumns)
    {
        var rows = Read(Path.Combine(Root, "src", "SocialDomain.Web", "SeedData", "hilversum", file));
        var problems = new List<string>();
        var checkedFigures = 0;
        foreach (var (row, line) in rows.Select((r, i) => (r, i + 2)))
        {
            var document = row["source_document"];
            var section = row["source_section"];
            var cited = CitedLines(section);
            if (cited.Count == 0)
            {
                problems.Add($"{file} regel {line}: geen regelnummer in '{section}'");
                continue;
            }

            var printed = PrintedNumbers(document, cited);
            var labelText = string.Join(" ", labelColumns.Select(c => row.GetValueOrDefault(c) ?? string.Empty));
            var inThousands = section.Contains("x € 1.000", StringComparison.Ordinal) || labelText.Contains("×1000", StringComparison.Ordinal)
                || labelText.Contains("x € 1.000", StringComparison.Ordinal);
            foreach (var column in figureColumns.Split(' '))
            {
                if (string.IsNullOrEmpty(row.GetValueOrDefault(column)))
                {
                    continue;
                }

                var value = decimal.Parse(row[column], NumberStyles.Number, CultureInfo.InvariantCulture);
                checkedFigures++;
                if (IsPrinted(value, printed, inThousands) || DerivedLabels.Any(l => labelText.Contains(l, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                problems.Add($"{file} regel {line}: {column} {value.ToString(CultureInfo.InvariantCulture)} staat niet op {document} regels {string.Join(",", cited)} en is niet als afgeleid gelabeld");
            }
        }

        checkedFigures.Should().BeGreaterThan(0);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void TheCheck_FindsAnInventedFigure()
    {
        // The € 83.105.000 that an earlier version derived from "circa 1,4%" is printed nowhere on 003 lines 1195–1199.
        var printed = PrintedNumbers("003", CitedLines("KPMG Managementsamenvatting, regels 1195-1199"));

        IsPrinted(83_105_000m, printed, inThousands: false).Should().BeFalse();
        IsPrinted(1_163_470m, printed, inThousands: false).Should().BeTrue();
        IsPrinted(1.4m, printed, inThousands: false).Should().BeTrue();
    }

    private static bool IsPrinted(decimal value, HashSet<decimal> printed, bool inThousands)
    {
        var magnitude = Math.Abs(value);
        return printed.Contains(magnitude)
            || (inThousands && printed.Contains(magnitude / 1000m))
            || (magnitude == 0m && printed.Contains(0m));
    }

    /// <summary>The line numbers a source section cites: "regel 886", "regels 884-885", "regels 2030-2036 en 2095-2145", "regels 1950, 1957".</summary>
    private static List<int> CitedLines(string section)
    {
        var lines = new List<int>();
        foreach (Match match in CitedLineList().Matches(section))
        {
            foreach (Match range in LineRange().Matches(match.Groups["list"].Value))
            {
                var from = int.Parse(range.Groups["from"].Value, CultureInfo.InvariantCulture);
                var to = range.Groups["to"].Success ? int.Parse(range.Groups["to"].Value, CultureInfo.InvariantCulture) : from;
                lines.AddRange(Enumerable.Range(from, to - from + 1));
            }
        }

        return lines;
    }

    /// <summary>Every number printed on the cited lines, read the Dutch way ("1.163.470", "6,4", "€1.897", "8 en 10 miljoen", "-" or "nihil" for 0).</summary>
    private static HashSet<decimal> PrintedNumbers(string document, List<int> cited)
    {
        var path = Directory.GetFiles(SeedDirectory, document + "_*.txt").Single();
        var text = File.ReadAllLines(path);
        var numbers = new HashSet<decimal>();
        foreach (var number in cited.Where(n => n >= 1 && n <= text.Length))
        {
            var line = text[number - 1];
            foreach (Match match in DutchNumber().Matches(line))
            {
                var token = match.Value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
                if (decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    numbers.Add(value);

                    // "€ 8,2 miljoen", "9 mln": the figure in euros.
                    if (Millions().IsMatch(line[(match.Index + match.Length)..]))
                    {
                        numbers.Add(value * 1_000_000m);
                    }
                }
            }

            if (DashCell().IsMatch(line) || line.Contains("nihil", StringComparison.OrdinalIgnoreCase))
            {
                numbers.Add(0m);
            }
        }

        return numbers;
    }

    private static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty, StringComparer.Ordinal));
        }

        return rows;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialDomain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (SocialDomain.sln) not found.");
    }

    private static string FindSeedDocuments()
    {
        string?[] candidates =
        [
            Environment.GetEnvironmentVariable("SOCIALDOMAIN_SEED_DOCUMENTS"),
            Path.Combine(Root, "..", "shared", "seeds"),
            "/work/shared/seeds",
        ];
        return candidates.FirstOrDefault(c => c is not null && Directory.Exists(c))
            ?? throw new InvalidOperationException("The seed documents (000–004) were not found: set SOCIALDOMAIN_SEED_DOCUMENTS to their folder.");
    }

    [GeneratedRegex(@"regels?\s+(?<list>\d+(?:\s*(?:[-–]|,|en)\s*\d+)*)")]
    private static partial Regex CitedLineList();

    [GeneratedRegex(@"(?<from>\d+)(?:\s*[-–]\s*(?<to>\d+))?")]
    private static partial Regex LineRange();

    [GeneratedRegex(@"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")]
    private static partial Regex DutchNumber();

    [GeneratedRegex(@"^\s*((en|tot|-|–)\s*\d+(,\d+)?\s*)?(miljoen|mln)")]
    private static partial Regex Millions();

    [GeneratedRegex(@"(^|\s)[-–](\s|$)")]
    private static partial Regex DashCell();
}
