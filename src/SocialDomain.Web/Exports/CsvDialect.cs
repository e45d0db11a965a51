using System.Globalization;
using System.Text;
using CsvHelper.Configuration;

namespace SocialDomain.Web.Exports;

/// <summary>
/// The two CSV dialects every export and the open-data API write (docs/exports-and-api.md):
/// <list type="bullet">
/// <item><c>excel</c> (default): opens correctly when double-clicked in Dutch Excel: UTF-8 with BOM, ';' separator,
/// decimal comma, dates yyyy-MM-dd, timestamps yyyy-MM-dd HH:mm:ss in Europe/Amsterdam, CRLF.</item>
/// <item><c>rfc4180</c>: for programs: UTF-8 without BOM, ',' separator, decimal point, dates yyyy-MM-dd,
/// timestamps ISO 8601 with the Amsterdam offset (2026-11-25T14:30:00+01:00), CRLF (as RFC 4180 prescribes).</item>
/// </list>
/// Both: a header row with Dutch column names, no thousands separators, an empty field for a missing value
/// (never 0), "ja"/"nee" for yes/no, and text cells that could start a formula neutralised with a leading quote.
/// </summary>
public sealed class CsvDialect
{
    public const string QueryParameter = "dialect";

    public static readonly CsvDialect Excel = new("excel", ";", ",", withByteOrderMark: true, isoTimestamps: false);

    public static readonly CsvDialect Rfc4180 = new("rfc4180", ",", ".", withByteOrderMark: false, isoTimestamps: true);

    public static readonly IReadOnlyList<CsvDialect> All = [Excel, Rfc4180];

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly NumberFormatInfo _numbers;
    private readonly bool _isoTimestamps;

    private CsvDialect(string name, string delimiter, string decimalSeparator, bool withByteOrderMark, bool isoTimestamps)
    {
        Name = name;
        Delimiter = delimiter;
        ByteOrderMark = withByteOrderMark;
        _isoTimestamps = isoTimestamps;
        _numbers = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        _numbers.NumberDecimalSeparator = decimalSeparator;
        _numbers.NegativeSign = "-";
        _numbers = NumberFormatInfo.ReadOnly(_numbers);
    }

    /// <summary>"excel" or "rfc4180", as in the <c>dialect</c> query parameter.</summary>
    public string Name { get; }

    public string Delimiter { get; }

    /// <summary>True when the file starts with the UTF-8 byte order mark (EF BB BF).</summary>
    public bool ByteOrderMark { get; }

    /// <summary>Decimal separator of numbers in this dialect.</summary>
    public string DecimalSeparator => _numbers.NumberDecimalSeparator;

    public const string LineEnding = "\r\n";

    /// <summary>The format of a timestamp in this dialect (always Europe/Amsterdam time).</summary>
    public string TimestampFormat => _isoTimestamps ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd HH:mm:ss";

    /// <summary>The CsvHelper configuration: delimiter, CRLF, correct quoting and OWASP formula-injection escaping.</summary>
    public CsvConfiguration CreateConfiguration() => new(CultureInfo.InvariantCulture)
    {
        Delimiter = Delimiter,
        NewLine = LineEnding,
        Quote = '"',
        HasHeaderRecord = true,
        Encoding = new UTF8Encoding(false),
        // OWASP CSV injection: a text cell starting with = + - @ tab or carriage return gets a leading ' (and is quoted).
        InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
        // CsvHelper's default only looks for the configured NewLine ("\r\n"); a lone "\n" or "\r" must be quoted too.
        ShouldQuote = args => NeedsQuotes(args.Field, Delimiter),
    };

    /// <summary>A number without thousands separators and without trailing zeros: -191,4 (excel) or -191.4 (rfc4180).</summary>
    public string FormatNumber(decimal value) => Normalize(value).ToString(_numbers);

    public string FormatInteger(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant in Europe/Amsterdam time, in this dialect's timestamp format.</summary>
    public string FormatTimestamp(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the Amsterdam offset; used in JSON as well.</summary>
    public static string IsoTimestamp(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Today's date in Amsterdam (for file names).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);

    public static string FormatBoolean(bool value) => value ? "ja" : "nee";

    /// <summary>Parses the <c>dialect</c> query value; empty means <see cref="Excel"/>.</summary>
    public static bool TryParse(string? value, out CsvDialect dialect, out string? error)
    {
        error = null;
        dialect = Excel;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var match = All.FirstOrDefault(d => string.Equals(d.Name, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            error = $"Onbekend dialect '{value.Trim()}': kies excel (puntkomma, decimale komma, voor Excel) of rfc4180 (komma, decimale punt).";
            return false;
        }

        dialect = match;
        return true;
    }

    /// <summary>Removes trailing zeros (60.0000 → 60) without ever switching to exponent notation.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static bool NeedsQuotes(string? field, string delimiter) =>
        !string.IsNullOrEmpty(field)
        && (field.Contains('"', StringComparison.Ordinal)
            || field.Contains(delimiter, StringComparison.Ordinal)
            || field.AsSpan().IndexOfAny('\r', '\n') >= 0
            || char.IsWhiteSpace(field[0])
            || char.IsWhiteSpace(field[^1]));
}
