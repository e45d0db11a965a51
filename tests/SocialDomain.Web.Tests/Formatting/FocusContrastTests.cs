using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialDomain.Web.Tests.Formatting;

/// <summary>
/// Issue 18 item 7, WCAG 2.1 1.4.11: the focus outline has at least 3:1 contrast against every background the stylesheet
/// uses. The ratios are computed from site.css itself (WCAG relative luminance), so a colour change there is checked.
/// </summary>
public partial class FocusContrastTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "SocialDomain.Web", "wwwroot", "css", "site.css"));

    [Fact]
    public void FocusOutline_HasAtLeast3To1_OnEveryBackground()
    {
        var variables = Variables();
        var focus = variables["--focus"];
        var focusOnDark = variables["--focus-on-dark"];
        var backgrounds = BackgroundsRegex().Matches(Css).Select(m => Resolve(m.Groups[1].Value, variables)).OfType<string>().Distinct().ToList();

        backgrounds.Should().Contain(["#fff", variables["--bg-soft"], variables["--brand"]], "the page, the soft panels and the header");
        var failures = backgrounds
            .Select(b => (Background: b, Focus: IsDark(b) ? focusOnDark : focus))
            .Select(p => (p.Background, p.Focus, Ratio: Contrast(p.Background, p.Focus)))
            .Where(p => p.Ratio < 3.0)
            .Select(p => $"{p.Focus} op {p.Background}: {p.Ratio:0.00}:1")
            .ToList();
        failures.Should().BeEmpty();
        Css.Should().Contain(":focus-visible { outline: 3px solid var(--focus);").And.Contain(".site-header :focus-visible { outline-color: var(--focus-on-dark); }");
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#ffbf47", "#ffffff", 1.64)] // the old focus colour on white (issue 18: "1,7:1")
    [InlineData("#00467f", "#ffbf47", 5.86)]
    public void Contrast_IsTheWcagRatio(string a, string b, double expected) => Contrast(a, b).Should().BeApproximately(expected, 0.01);

    private static Dictionary<string, string> Variables() =>
        VariableRegex().Matches(Css).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Last().Groups[2].Value.ToLowerInvariant());

    private static string? Resolve(string value, Dictionary<string, string> variables)
    {
        var v = value.Trim().ToLowerInvariant();
        if (VarRegex().Match(v) is { Success: true } reference)
        {
            return variables.GetValueOrDefault(reference.Groups[1].Value);
        }

        return HexRegex().IsMatch(v) ? v : null; // none, transparent, gradients: not a surface colour
    }

    private static bool IsDark(string hex) => Luminance(hex) < 0.18;

    private static double Contrast(string a, string b)
    {
        var (l1, l2) = (Luminance(a), Luminance(b));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3)
        {
            h = string.Concat(h.Select(c => new string(c, 2)));
        }

        double Channel(int i)
        {
            var c = int.Parse(h.Substring(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialDomain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"(--[a-z-]+):\s*(#[0-9a-fA-F]{3,6})\s*;")]
    private static partial Regex VariableRegex();

    [GeneratedRegex(@"background(?:-color)?:\s*([^;}]+)")]
    private static partial Regex BackgroundsRegex();

    [GeneratedRegex(@"^var\((--[a-z-]+)\)$")]
    private static partial Regex VarRegex();

    [GeneratedRegex(@"^#[0-9a-f]{3}([0-9a-f]{3})?$")]
    private static partial Regex HexRegex();
}
