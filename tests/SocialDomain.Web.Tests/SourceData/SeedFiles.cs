using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SocialDomain.Web.Tests.SourceData;

/// <summary>The repository's seed CSV files as the source-data tests read them (one home for locating and parsing them).</summary>
public static class SeedFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "src", "SocialDomain.Web", "SeedData");

    /// <summary>Every record of a ';'-separated seed file by header name; a record with another field count than the header fails.</summary>
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            csv.Parser.Count.Should().Be(csv.HeaderRecord!.Length, $"{Path.GetFileName(path)} line {csv.Parser.RawRow} has as many fields as its header");
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
}
