namespace SocialDomain.Core.Domain;

/// <summary>
/// The rules for text typed in a form (issue 16, item 2): no control characters other than tab and line breaks
/// (PostgreSQL refuses NUL, and the others are never meant), and no more characters than the column holds. The lengths
/// themselves live with their rule (e.g. <see cref="Calculations.SmartTarget.RationaleMaxLength"/>) and the EF
/// configurations use those constants, so form and column agree.
/// </summary>
public static class TextLimits
{
    /// <summary>Pure: a user's text as a message quotes it: at most <paramref name="max"/> characters, then "…".</summary>
    public static string Shown(string text, int max = 40) => text.Length <= max ? text : text[..max] + "…";

    /// <summary>True when the text holds a control character other than tab and line breaks.</summary>
    public static bool HasControlCharacter(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    /// <summary>"Onderbouwing: hooguit 2000 tekens (2345 getypt)." or the control-character message; null when the text fits.</summary>
    public static string? Problem(string label, string? text, int maxLength) =>
        text is null ? null
        : HasControlCharacter(text) ? $"{label}: bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen."
        : text.Trim().Length > maxLength ? $"{label}: hooguit {maxLength} tekens ({text.Trim().Length} getypt)."
        : null;
}
