using System.Globalization;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// Reading a number typed or exported by Dutch users: a decimal comma or a decimal point ("7,5" and "7.5" both mean 7,5),
/// so a point typed in a Dutch form never turns 7.0 into 70. Thousands separators and exponents are refused rather than
/// guessed: "1.234,5" has two separators and is no number.
/// </summary>
public static class DutchNumber
{
    /// <summary>Accepts "1234", "-263.4" and "-263,4"; rejects thousands separators and exponents.</summary>
    public static bool TryParse(string text, out decimal value)
    {
        value = 0m;
        var s = text.Trim();
        if (s.Count(c => c is '.' or ',') > 1)
        {
            return false;
        }

        s = s.Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
