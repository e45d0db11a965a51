using System.Globalization;

namespace SocialDomain.Core.Domain;

/// <summary>How precisely a source gives the period of a figure (docs/time-model.md, "The period as the source gives it").</summary>
public enum PeriodPrecision
{
    /// <summary>The stored year or quarter is what the source says.</summary>
    Exact,

    /// <summary>The source gives one month (a snapshot such as "juli 2019"); the figure is placed in that month's quarter.</summary>
    Month,

    /// <summary>The source gives a span of years ("2017-2019"); the figure is placed in the last year of the span.</summary>
    Span,

    /// <summary>The source gives no period at all; the stored year is only the latest the figure can be from (the source's year).</summary>
    Undated,
}

/// <summary>
/// The period of a figure as its source states it, next to the year or quarter it is stored under. A figure whose
/// period is not a plain year or quarter is shown with its own label ("juli 2019", "2017–2019", "peildatum onbekend")
/// and kept out of trends and changes that need comparable periods.
/// </summary>
public readonly record struct StatedPeriod(PeriodPrecision Precision, int? Detail)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static StatedPeriod Exact { get; } = new(PeriodPrecision.Exact, null);

    public static StatedPeriod Undated { get; } = new(PeriodPrecision.Undated, null);

    public static StatedPeriod OfMonth(int month) => new(PeriodPrecision.Month, month);

    public static StatedPeriod SpanFrom(int fromYear) => new(PeriodPrecision.Span, fromYear);

    /// <summary>True when the figure can stand in a series and a change with the figures of neighbouring periods.</summary>
    public bool IsComparable => Precision is PeriodPrecision.Exact or PeriodPrecision.Month;

    /// <summary>
    /// Reads the optional column "periode zoals vermeld": empty (exact), "2019-07" (a month), "2017/2019" (a span of years)
    /// or "onbekend" (no period in the source). Returns a Dutch problem, or null.
    /// </summary>
    public static string? TryParse(string? text, Period stored, out StatedPeriod stated)
    {
        stated = Exact;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        if (string.Equals(s, "onbekend", StringComparison.OrdinalIgnoreCase))
        {
            if (stored.IsQuarter)
            {
                return "Een figuur zonder peildatum wordt onder een jaar opgeslagen (het jaar van de bron), niet onder een kwartaal.";
            }

            stated = Undated;
            return null;
        }

        if (s.Length == 7 && s[4] == '-' && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            var quarter = ((month - 1) / 3) + 1;
            if (stored != new Period(year, quarter))
            {
                return $"De maand {s} valt in {new Period(year, quarter)}; sla de waarde op onder die periode (nu {stored}).";
            }

            stated = OfMonth(month);
            return null;
        }

        if (s.Length == 9 && s[4] == '/' && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(s.AsSpan(5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            if (from >= to)
            {
                return $"'{s}' is geen reeks jaren: het eerste jaar moet vóór het laatste liggen.";
            }

            if (stored != new Period(to))
            {
                return $"Een figuur over {from}–{to} wordt opgeslagen onder het laatste jaar ({to}), niet onder {stored}.";
            }

            stated = SpanFrom(from);
            return null;
        }

        return $"'{TextLimits.Shown(s)}' is geen geldige vermelde periode (verwacht leeg, een maand als 2019-07, jaren als 2017/2019 of 'onbekend').";
    }

    /// <summary>The column value that <see cref="TryParse"/> reads back: "", "2019-07", "2017/2019" or "onbekend".</summary>
    public string Token(Period stored) => Precision switch
    {
        PeriodPrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{stored.Year}-{Detail:00}"),
        PeriodPrecision.Span => string.Create(CultureInfo.InvariantCulture, $"{Detail}/{stored.Year}"),
        PeriodPrecision.Undated => "onbekend",
        _ => string.Empty,
    };

    /// <summary>What a page shows as the figure's period: "2020-K3", "juli 2019", "2017–2019" or "peildatum onbekend (bron uit 2020)".</summary>
    public string Label(Period stored) => Precision switch
    {
        PeriodPrecision.Month when Detail is { } m => $"{Dutch.DateTimeFormat.GetMonthName(m)} {stored.Year}",
        PeriodPrecision.Span when Detail is { } from => $"{from}–{stored.Year}",
        PeriodPrecision.Undated => $"peildatum onbekend (bron uit {stored.Year})",
        _ => stored.ToString(),
    };
}
