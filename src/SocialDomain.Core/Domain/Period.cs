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

    /// <summary>Year or quarter, as a frequency: the granularity of this period.</summary>
    public KpiFrequency Frequency => IsQuarter ? KpiFrequency.Quarter : KpiFrequency.Year;

    /// <summary>1 for a year, 4 for a quarter.</summary>
    public int PeriodsPerYear => IsQuarter ? 4 : 1;

    /// <summary>
    /// Sequence number within the period's granularity: consecutive periods differ by exactly 1
    /// (a year: the year itself; a quarter: year × 4 + quarter − 1). Only comparable between
    /// periods of the same granularity.
    /// </summary>
    public int Ordinal => Quarter is { } q ? (Year * 4) + q - 1 : Year;

    /// <summary>The whole year this period falls in ("2020" for "2020-K3").</summary>
    public Period WholeYear => new(Year);

    /// <summary>First day of the period.</summary>
    public DateOnly StartDate => new(Year, Quarter is { } q ? ((q - 1) * 3) + 1 : 1, 1);

    /// <summary>Last day of the period.</summary>
    public DateOnly EndDate => Quarter is { } q
        ? new DateOnly(Year, q * 3, DateTime.DaysInMonth(Year, q * 3))
        : new DateOnly(Year, 12, 31);

    /// <summary>True when both periods are years, or both are quarters.</summary>
    public bool HasSameGranularity(Period other) => IsQuarter == other.IsQuarter;

    /// <summary>The inverse of <see cref="Ordinal"/>.</summary>
    public static Period FromOrdinal(int ordinal, KpiFrequency frequency) =>
        frequency == KpiFrequency.Quarter
            ? new Period(Math.DivRem(ordinal, 4, out var rem), rem + 1)
            : new Period(ordinal);

    /// <summary>
    /// The period (year or quarter) that contains <paramref name="date"/>. "Now" is never read
    /// from the clock in Core: the caller passes today's date.
    /// </summary>
    public static Period Containing(DateOnly date, KpiFrequency frequency) =>
        frequency == KpiFrequency.Quarter ? new Period(date.Year, ((date.Month - 1) / 3) + 1) : new Period(date.Year);

    /// <summary>This period shifted by <paramref name="count"/> periods of the same granularity (negative = earlier).</summary>
    public Period AddPeriods(int count) => FromOrdinal(Ordinal + count, Frequency);

    /// <summary>The previous period: 2020 → 2019, 2020-K1 → 2019-K4.</summary>
    public Period Previous() => AddPeriods(-1);

    /// <summary>The next period: 2020 → 2021, 2020-K4 → 2021-K1.</summary>
    public Period Next() => AddPeriods(1);

    /// <summary>The same quarter one year earlier (2020-K3 → 2019-K3); for a year, the previous year.</summary>
    public Period SamePeriodLastYear() => new(Year - 1, Quarter);

    /// <summary>
    /// Number of periods from this period to <paramref name="later"/> (negative when <paramref name="later"/> is earlier).
    /// Both periods must have the same granularity.
    /// </summary>
    public int PeriodsUntil(Period later)
    {
        if (!HasSameGranularity(later))
        {
            throw new ArgumentException($"Cannot count periods between {this} and {later}: a year and a quarter.", nameof(later));
        }

        return later.Ordinal - Ordinal;
    }

    /// <summary>
    /// Year to date: the quarters K1 up to and including this quarter (2020-K3 → 2020-K1, 2020-K2, 2020-K3).
    /// For a whole year, just that year.
    /// </summary>
    public IReadOnlyList<Period> YearToDate()
    {
        if (Quarter is not { } q)
        {
            return [this];
        }

        var periods = new Period[q];
        for (var i = 0; i < q; i++)
        {
            periods[i] = new Period(Year, i + 1);
        }

        return periods;
    }

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
