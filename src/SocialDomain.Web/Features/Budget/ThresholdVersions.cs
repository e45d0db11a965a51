using SocialDomain.Core.Calculations;

namespace SocialDomain.Web.Features.Budget;

/// <summary>A stored version of the explanation thresholds (<see cref="Data.Entities.ExplanationThresholdSetting"/>).</summary>
public sealed record ThresholdVersion(int ValidFromYear, ExplanationThresholds Thresholds, string Reason, DateTimeOffset RecordedAt, string RecordedBy)
{
    /// <summary>"€ 250.000 of 10%" (with "alleen nadelige afwijkingen" when favourable ones need no explanation).</summary>
    public string Summary => Thresholds.Description["toelichten boven ".Length..];
}

/// <summary>Which version of the explanation thresholds is in force for a budget year, and what the page says without one.</summary>
public static class ThresholdVersions
{
    /// <summary>The page for a Beheerder to set them.</summary>
    public const string SettingsPath = "/beheer/toelichtingsgrenzen";

    /// <summary>The verdict's reason when no thresholds are set at all.</summary>
    public const string NoneSetReason = "niet te beoordelen: geen toelichtingsgrenzen ingesteld";

    /// <summary>The verdict's reason when thresholds are set, but none from this year or earlier.</summary>
    public static string NoneForYearReason(int year) => $"niet te beoordelen: geen toelichtingsgrenzen die gelden voor {year}";

    /// <summary>
    /// The version in force for <paramref name="year"/>: of the versions valid from that year or earlier, the one with the
    /// latest valid-from year; of several with the same valid-from year, the last one recorded. Null when there is none.
    /// </summary>
    public static ThresholdVersion? InForce(IReadOnlyList<ThresholdVersion> versions, int year) =>
        versions.Where(v => v.ValidFromYear <= year).OrderByDescending(v => v.ValidFromYear).ThenByDescending(v => v.RecordedAt).FirstOrDefault();

    /// <summary>Why a variance of <paramref name="year"/> cannot be judged; null when thresholds are in force.</summary>
    public static string? MissingReason(IReadOnlyList<ThresholdVersion> versions, int year) =>
        versions.Count == 0 ? NoneSetReason : InForce(versions, year) is null ? NoneForYearReason(year) : null;
}
