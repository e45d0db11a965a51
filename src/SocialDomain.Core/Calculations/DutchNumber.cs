using SocialDomain.Core.Domain;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// How a typed or imported number was read: its value, or a Dutch <see cref="Problem"/>; <see cref="Note"/> says how a
/// reading that a user might have meant otherwise was taken ("1.000 is gelezen als 1000").
/// </summary>
public sealed record NumberReading(decimal? Value, string? Note, string? Problem)
{
    public bool Succeeded => Value is not null;
}

/// <summary>
/// The one reader of numbers typed in a form or found in an imported file (issue 18 item 1). Dutch notation first: a comma
/// is the decimal sign and points group thousands ("1.000", "13.932.000", "1.000,50"); a point is read as a decimal
/// point where it cannot be a thousands separator ("7.5", "0.125", "1234.5"). What could only be guessed ("1,234.5",
/// "1,000,000", "1.23.4", exponents, spaces) is refused with a message that says why. Worked examples: docs/calculations.md.
/// </summary>
public static partial class DutchNumber
{
    /// <summary>The problem of digits too many for a decimal.</summary>
    public const string TooLarge = "is te groot om als getal te lezen";

    /// <summary>Accepts what <see cref="Read"/> accepts.</summary>
    public static bool TryParse(string text, out decimal value)
    {
        var reading = Read(text);
        value = reading.Value ?? 0m;
        return reading.Succeeded;
    }

    /// <summary>
    /// Pure: reads <paramref name="text"/>. With <paramref name="pointIsDecimal"/> (a comma-separated RFC 4180 file, where
    /// numbers have a decimal point and no thousands separators) a single point is always decimal.
    /// </summary>
    public static NumberReading Read(string? text, bool pointIsDecimal = false)
    {
        var s = (text ?? string.Empty).Trim().Replace('\u2212', '-');
        var shown = TextLimits.Shown(text?.Trim() ?? string.Empty);
        if (s.Length == 0)
        {
            return new(null, null, "is leeg");
        }

        var sign = s[0] is '-' or '+' ? s[..1] : string.Empty;
        var body = s[sign.Length..];
        if (body.Length == 0 || !body.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
        {
            return new(null, null, $"'{shown}' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)");
        }

        var points = body.Count(c => c == '.');
        var commas = body.Count(c => c == ',');
        if (points > 0 && commas > 0)
        {
            return DutchGrouped().IsMatch(body)
                ? Value(sign + body.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.'), null)
                : new(null, null, $"'{shown}' is geen getal in Nederlandse notatie: punten voor duizendtallen, een komma voor decimalen (bijvoorbeeld 1.234,5)");
        }

        if (commas > 1)
        {
            return new(null, null, $"'{shown}' is geen getal: de komma is het decimaalteken; groepeer duizendtallen met punten (1.000.000) of niet");
        }

        if (commas == 1)
        {
            return Value(sign + body.Replace(',', '.'), null);
        }

        if (points > 1)
        {
            return !pointIsDecimal && ThousandsOnly().IsMatch(body)
                ? Value(sign + body.Replace(".", string.Empty, StringComparison.Ordinal), null)
                : new(null, null, $"'{shown}' is geen getal: punten staan alleen tussen groepen van drie cijfers (bijvoorbeeld 13.932.000)");
        }

        if (points == 1 && !pointIsDecimal && ThousandsOnly().IsMatch(body))
        {
            var value = Value(sign + body.Replace(".", string.Empty, StringComparison.Ordinal), null).Value!.Value;
            var asDecimal = shown.Replace('.', ',');
            return new(value, $"'{shown}' is gelezen als {value.ToString("#,##0", CultureInfo.GetCultureInfo("nl-NL"))} (de punt scheidt duizendtallen); bedoelt u {asDecimal}, typ dan een komma", null);
        }

        return Value(sign + body, null);
    }

    private static NumberReading Value(string invariant, string? note) =>
        decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new(value, note, null)
            : new(null, null, TooLarge);


    /// <summary>1.234,5 and 12.345.678,90: thousands groups of three before a decimal comma.</summary>
    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+,\d+$")]
    private static partial Regex DutchGrouped();

    /// <summary>1.000 and 13.932.000: a first group of one to three digits (not starting with 0), then groups of three.</summary>
    [GeneratedRegex(@"^[1-9]\d{0,2}(\.\d{3})+$")]
    private static partial Regex ThousandsOnly();
}
