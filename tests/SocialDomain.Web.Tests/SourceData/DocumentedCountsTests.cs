using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace SocialDomain.Web.Tests.SourceData;

/// <summary>Issue 17: the row counts that docs/data-sources.md and docs/data-sources/*.md state match the seed files exactly.</summary>
public partial class DocumentedCountsTests
{
    private static readonly string Root = FindRepositoryRoot();

    private static readonly string SeedData = Path.Combine(Root, "src", "SocialDomain.Web", "SeedData");

    [Fact]
    public void TheDatasetTable_StatesEverySeedFile_WithItsRowCount()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "data-sources.md"));
        var stated = TableRow().Matches(text).ToDictionary(m => m.Groups["file"].Value, m => Count(m.Groups["rows"].Value), StringComparer.Ordinal);
        var files = Directory.GetFiles(SeedData, "*.csv", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SeedData, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

        stated.Keys.Should().BeEquivalentTo(files, "every seed file is in the table, and nothing else");
        foreach (var file in files)
        {
            stated[file].Should().Be(Records(Path.Combine(SeedData, file)), $"docs/data-sources.md states the rows of {file}");
        }
    }

    [Theory]
    [InlineData("hilversum.md", "hilversum")]
    [InlineData("g40.md", "g40")]
    public void TheDetailPages_StateTheRowCountOfEachFileTheyDescribe(string page, string folder)
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "data-sources", page));
        var headings = HeadingCount().Matches(text).ToList();

        headings.Should().NotBeEmpty();
        foreach (Match heading in headings)
        {
            var file = heading.Groups["file"].Value;
            Count(heading.Groups["rows"].Value).Should().Be(Records(Path.Combine(SeedData, folder, file)), $"docs/data-sources/{page} states the rows of {file}");
        }
    }

    private static int Count(string text) => int.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static int Records(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var count = 0;
        while (csv.Read())
        {
            csv.Parser.Count.Should().Be(csv.HeaderRecord!.Length, $"{Path.GetFileName(path)} line {csv.Parser.RawRow} has as many fields as its header");
            count++;
        }

        return count;
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

    /// <summary>"| `hilversum/kpis.csv` | 42 |" and "| `g40/benchmark_observations.csv` | 2.475 |".</summary>
    [GeneratedRegex(@"^\|\s*`(?<file>[\w/]+\.csv)`\s*\|\s*(?<rows>[\d.,]+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    /// <summary>"kpis.csv — 42 rows" in a heading (also "projects.csv — 16 rows and project_budgets.csv — 59 rows").</summary>
    [GeneratedRegex(@"(?<file>\w+\.csv)\s+—\s+(?<rows>[\d.,]+)\s+rows")]
    private static partial Regex HeadingCount();
}
