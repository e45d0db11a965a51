namespace SocialDomain.Web.Security;

/// <summary>
/// Settings that have a development default but must be real in Production (issue 16): <c>AllowedHosts</c> (host names the
/// app answers to, so a forged Host header is refused instead of reflected in redirects and the OpenAPI document) and
/// <c>Security:Contact</c> (the contact in /.well-known/security.txt). Checked at start; the web app refuses to start
/// with one line naming what to set.
/// </summary>
public static class ProductionSettings
{
    private static readonly string[] PlaceholderDomains = [".invalid", "example.com", "example.org", "example.net"];

    /// <summary>Pure: the problems, empty when both settings are real.</summary>
    public static IReadOnlyList<string> Problems(string? allowedHosts, string? securityContact)
    {
        var problems = new List<string>();
        var hosts = (allowedHosts ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Any(h => h == "*"))
        {
            problems.Add("zet AllowedHosts op de hostnamen van het dashboard, gescheiden door ';' (nu: '" + (allowedHosts ?? string.Empty) + "')");
        }

        var contact = securityContact?.Trim() ?? string.Empty;
        var wellFormed = contact.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (contact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && contact.Contains('@', StringComparison.Ordinal));
        if (!wellFormed || PlaceholderDomains.Any(d => contact.Contains(d, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("zet Security__Contact op het echte meldadres voor security.txt (mailto:… of https://…; nu: '" + contact + "')");
        }

        return problems;
    }

    /// <summary>The one line for the console, or null when the configuration is fine.</summary>
    public static string? Check(IConfiguration configuration) =>
        Problems(configuration["AllowedHosts"], configuration["Security:Contact"]) is { Count: > 0 } problems
            ? "Onvolledige configuratie voor productie: " + string.Join("; ", problems) + "."
            : null;
}
