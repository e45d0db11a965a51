using System.Globalization;

namespace SocialDomain.Core.Domain;

/// <summary>
/// A reporting period: a whole year, or one quarter of a year. Displayed the Dutch way:
/// "2020" or "2020-K3".
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    public Period(int year, int? quarter = null)
    {
        if (year is < 1900 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be between 1900 and 2200.");
        }

        if (quarter is not null and not (>= 1 and <= 4))
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "Quarter must be 1-4.");
        }

        Year = year;
        Quarter = quarter;
    }

    public int Year { get; }

    /// <summary>1-4 for a quarter; null for a whole year.</summary>
    public int? Quarter { get; }

    public bool IsQuarter => Quarter is not null;

    public static Period OfYear(int year) => new(year);

    public static Period OfQuarter(int year, int quarter) => new(year, quarter);

    /// <summary>Parses "2020", "2020-K3" or "2020-Q3". Returns false on anything else.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            if (y is < 1900 or > 2200)
            {
                return false;
            }

            period = new Period(y);
            return true;
        }

        if (s.Length == 7 && s[4] == '-' && (s[5] is 'K' or 'k' or 'Q' or 'q')
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out y)
            && s[6] is >= '1' and <= '4' && y is >= 1900 and <= 2200)
        {
            period = new Period(y, s[6] - '0');
            return true;
        }

        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is geen geldige periode (verwacht 2020 of 2020-K3).");

    /// <summary>Orders by year; within a year, the whole year sorts before its quarters.</summary>
    public int CompareTo(Period other)
    {
        var byYear = Year.CompareTo(other.Year);
        return byYear != 0 ? byYear : (Quarter ?? 0).CompareTo(other.Quarter ?? 0);
    }

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <summary>Dutch display: "2020" or "2020-K3".</summary>
    public override string ToString() =>
        Quarter is { } q
            ? string.Create(CultureInfo.InvariantCulture, $"{Year}-K{q}")
            : Year.ToString(CultureInfo.InvariantCulture);
}
