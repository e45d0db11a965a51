using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialDomain.Web.Dashboard;

/// <summary>
/// Serialises a Chart.js configuration for a <c>&lt;script type="application/json"&gt;</c> block that
/// wwwroot/js/charts.js turns into a chart (no inline script, so the CSP can forbid them).
/// </summary>
public static class ChartJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Escapes <, >, & and quotes so the JSON cannot close the script element.
        Encoder = JavaScriptEncoder.Default,
        Converters = { new CompactDecimalConverter() },
    };

    public static string Serialize(object config) => JsonSerializer.Serialize(config, Options);

    /// <summary>Writes 40.8 instead of 40.8000: values read from numeric(18,4) columns keep four decimals, which only adds bytes.</summary>
    private sealed class CompactDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        // Dividing by 1.000…0 (28 zeros) gives the same value with the smallest scale that holds it.
        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }
}
