using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialDomain.Web.Dashboard;

/// <summary>
/// Serialises a Chart.js configuration for a <c>&lt;script type="application/json"&gt;</c> block that
/// wwwroot/js/site.js turns into a chart (no inline script, so the CSP can forbid them).
/// </summary>
public static class ChartJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Escapes <, >, & and quotes so the JSON cannot close the script element.
        Encoder = JavaScriptEncoder.Default,
    };

    public static string Serialize(object config) => JsonSerializer.Serialize(config, Options);
}
