using System.Globalization;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// The rules for when a target version applies and what its decision may say (docs/time-model.md, "Streefwaarden in de
/// tijd"). Pure: today and the KPI's first measurement are passed in. Each rule returns a Dutch message, or null when the
/// value is acceptable; the editor and the importer both use them.
/// </summary>
public static class TargetDecision
{
    /// <summary>The longest decision document reference stored.</summary>
    public const int MaxDocumentLength = 80;

    /// <summary>The longest decision URL stored.</summary>
    public const int MaxUrlLength = 500;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy"];

    /// <summary>Parses a decision date: ISO (2019-06-26) or Dutch (26-6-2019).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// A "geldig vanaf" period must not start before the quarter of the KPI's first measurement (a year measurement
    /// counts from its first quarter) and must start no later than the deadline's last quarter: a version that only
    /// applies after its own deadline can never be judged.
    /// </summary>
    public static string? ValidFromProblem(Period validFrom, Period? firstMeasurement, Period? deadline)
    {
        var start = TargetInForce.StartQuarter(validFrom);
        if (firstMeasurement is { } first && start < TargetInForce.StartQuarter(first))
        {
            return $"Geldig vanaf ({validFrom}) ligt vóór de eerste meting van deze KPI ({first}); kies {first} of later.";
        }

        if (deadline is { } d && start > QuarterOrdinal.EndQuarter(d))
        {
            return $"Geldig vanaf ({validFrom}) ligt na de deadline ({d}); een versie moet gelden vóór of in het kwartaal van haar deadline.";
        }

        return null;
    }

    /// <summary>A decision is taken on or before today: a date in the future is a typing error or not a decision yet.</summary>
    public static string? DecisionDateProblem(DateOnly decisionDate, DateOnly today) =>
        decisionDate > today
            ? $"De besluitdatum ({decisionDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}) ligt in de toekomst; vul de datum in waarop het besluit genomen is."
            : null;

    /// <summary>A decision URL is an absolute http(s) address (where the council information system shows the decision).</summary>
    public static string? DecisionUrlProblem(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : $"'{TextLimits.Shown(url.Trim(), 60)}' is geen volledig webadres; begin met https:// (bijvoorbeeld https://hilversum.raadsinformatie.nl/...).";

    /// <summary>The message for a decision date that cannot be read.</summary>
    public static string UnreadableDate(string text) =>
        $"'{TextLimits.Shown(text.Trim(), 60)}' is geen datum; gebruik bijvoorbeeld 2019-06-26 of 26-06-2019.";

    /// <summary>The message for a "geldig vanaf" that cannot be read.</summary>
    public static string UnreadableValidFrom(string text) =>
        $"Geldig vanaf: '{TextLimits.Shown(text.Trim(), 60)}' is geen periode; gebruik bijvoorbeeld 2019 of 2019-K3.";

}
