using System.Text.Json;
using System.Text.RegularExpressions;

namespace SocialDomain.Web.Tests;

public partial class LibManTests
{
    [Fact]
    public void CommittedChartJs_HasTheVersionPinnedInLibmanJson()
    {
        var webRoot = Path.Combine(RepositoryRoot(), "src", "SocialDomain.Web");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(webRoot, "libman.json")));
        var library = manifest.RootElement.GetProperty("libraries").EnumerateArray()
            .Single(l => l.GetProperty("library").GetString()!.StartsWith("chart.js@", StringComparison.Ordinal));
        var pinned = library.GetProperty("library").GetString()!["chart.js@".Length..];
        var destination = library.GetProperty("destination").GetString()!;

        foreach (var file in library.GetProperty("files").EnumerateArray().Select(f => f.GetString()!))
        {
            File.Exists(Path.Combine(webRoot, destination, file)).Should().BeTrue($"libman.json names {file}, so it must be committed");
        }

        var script = File.ReadAllText(Path.Combine(webRoot, destination, "dist", "chart.umd.min.js"));
        var header = ChartJsBanner().Match(script);
        header.Success.Should().BeTrue("the Chart.js bundle starts with its version banner");
        header.Groups[1].Value.Should().Be(pinned);
    }

    internal static string RepositoryRoot()
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

    [GeneratedRegex(@"Chart\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex ChartJsBanner();
}
