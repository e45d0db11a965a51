using System.Text.RegularExpressions;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// The municipality this installation reports for (configuration section <c>Municipality</c>): its CBS code and name drive
/// the brand, titles, the 503 page, the OpenAPI title and the benchmark's default home municipality. Bound once at
/// start-up and checked by <see cref="Problem"/> before the app serves (docs/configuration.md).
/// </summary>
public sealed partial class MunicipalityOptions
{
    public const string Section = "Municipality";

    /// <summary>CBS municipality code: GM followed by four digits (GM0402 is Hilversum, GM0363 Amsterdam).</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>Name without "Gemeente", e.g. "Hilversum".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Optional logo file on the server (svg, png, jpg or webp), served at <see cref="LogoRoute"/>.</summary>
    public string? LogoPath { get; set; }

    /// <summary>Optional logo at an absolute https address (allowed in the Content-Security-Policy's img-src).</summary>
    public string? LogoUrl { get; set; }

    /// <summary>Optional contact for readers (e-mail address, telephone or web address), shown in the footer.</summary>
    public string? Contact { get; set; }

    /// <summary>Where the app serves <see cref="LogoPath"/>.</summary>
    public const string LogoRoute = "/gemeente/logo";

    /// <summary>The logo file types the app serves, with their content types.</summary>
    public static readonly IReadOnlyDictionary<string, string> LogoTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".webp"] = "image/webp",
    };

    /// <summary>"Gemeente Hilversum".</summary>
    public string DisplayName => $"Gemeente {Name}";

    /// <summary>The address of the logo for an img element, or null without a logo.</summary>
    public string? LogoSource => !string.IsNullOrWhiteSpace(LogoPath) ? LogoRoute : string.IsNullOrWhiteSpace(LogoUrl) ? null : LogoUrl;

    /// <summary>The origin of <see cref="LogoUrl"/> for the Content-Security-Policy, or null.</summary>
    public string? LogoOrigin =>
        string.IsNullOrWhiteSpace(LogoPath) && Uri.TryCreate(LogoUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    /// <summary>The options of a configuration (not validated).</summary>
    public static MunicipalityOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new MunicipalityOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }

    /// <summary>A Dutch and English start-up message for every setting that cannot be used, or null when all are fine.</summary>
    public static string? Problem(MunicipalityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Code) || !CbsCode().IsMatch(options.Code))
        {
            problems.Add($"Municipality:Code '{options.Code}' is geen CBS-gemeentecode: verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0402 "
                + "(not a CBS municipality code: expected GM followed by four digits, e.g. GM0402).");
        }

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            problems.Add("Municipality:Name ontbreekt: de naam van de gemeente, bijvoorbeeld Hilversum (the municipality's name is missing).");
        }

        if (!string.IsNullOrWhiteSpace(options.LogoPath)
            && (!LogoTypes.ContainsKey(Path.GetExtension(options.LogoPath)) || !File.Exists(options.LogoPath)))
        {
            problems.Add($"Municipality:LogoPath '{options.LogoPath}' is geen bestaand svg-, png-, jpg- of webp-bestand (not an existing svg, png, jpg or webp file).");
        }

        if (!string.IsNullOrWhiteSpace(options.LogoUrl)
            && (!Uri.TryCreate(options.LogoUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"Municipality:LogoUrl '{options.LogoUrl}' is geen https-adres (not an absolute https URL).");
        }

        return problems.Count == 0 ? null : "Ongeldige instelling van de gemeente (invalid municipality settings): " + string.Join(" ", problems);
    }

    [GeneratedRegex("^GM[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CbsCode();
}

/// <summary>
/// Whether this installation serves the demo dataset (<c>Database:DemoData</c>, default true): the public documents of
/// Hilversum and the G40 benchmark in <c>SeedData/</c>, loaded into an empty database and labelled on every page. Off, the
/// app starts empty and guides a Beheerder to set up (docs/configuration.md).
/// </summary>
public sealed record DemoDataset(bool Enabled)
{
    public const string Setting = "Database:DemoData";

    /// <summary>The label under the header of every page while the demo dataset is on.</summary>
    public const string Label =
        "Demonstratiegegevens: dit dashboard toont een voorbeeldset, samengesteld uit openbare documenten van de gemeente Hilversum "
        + "(raadsinformatiebrieven 2016–2020) en het KPMG-rapport over de G40 (2020). De cijfers dienen als voorbeeld en zijn niet actueel.";

    public static DemoDataset From(IConfiguration configuration) => new(configuration.GetValue(Setting, true));

    /// <summary>
    /// Whether start-up loads the seed: only the demo dataset is seed data, so <c>Database:SeedOnStartup</c> (default true)
    /// loads it only while the demo is on; with the demo off nothing is ever seeded.
    /// </summary>
    public static bool SeedsOnStartup(IConfiguration configuration) =>
        From(configuration).Enabled && configuration.GetValue("Database:SeedOnStartup", true);
}

/// <summary>The endpoint of the configured logo file (<see cref="MunicipalityOptions.LogoPath"/>).</summary>
public static class MunicipalityEndpoints
{
    public static void MapMunicipalityLogo(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(MunicipalityOptions.LogoRoute, (Microsoft.Extensions.Options.IOptions<MunicipalityOptions> options) =>
            options.Value.LogoPath is { Length: > 0 } path
                ? Results.File(Path.GetFullPath(path), MunicipalityOptions.LogoTypes[Path.GetExtension(path)])
                : Results.NotFound()).AllowAnonymous();
    }
}
