using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Import;

/// <summary>
/// A CSV file read row by row (streamed from its bytes, never held as one string), plus typed field access that
/// records a Dutch problem (file, line, column) instead of throwing. Separator ';' (or ',' when the header has no ';');
/// decimals with a comma or a point, never with thousands separators. Lines starting with '#' are comments (the
/// templates carry their format rules so). Headers may be the documented English names or the Dutch headers of the
/// templates and the dashboard's own exports (<see cref="DatasetFormats"/>); an export's derived columns are skipped.
/// </summary>
public sealed class CsvSheet
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The characters after which the exports put a quote to stop formula injection (<c>CsvDialect</c>).</summary>
    private const string EscapedStarts = "=+-@\t\r";

    private readonly ImportProblems _problems;
    private readonly Dictionary<string, int[]> _columns;
    private readonly string[] _header;

    private CsvSheet(string file, ImportProblems problems, Dictionary<string, int[]> columns, string[] header)
    {
        File = file;
        _problems = problems;
        _columns = columns;
        _header = header;
    }

    public string File { get; }

    /// <summary>
    /// True for a comma-separated (RFC 4180) file: its numbers have a decimal point and no thousands separators, so a point
    /// is always decimal (<see cref="DutchNumber.Read"/>); in a ';' file (Dutch Excel) "1.000" is a thousand.
    /// </summary>
    public bool PointIsDecimal { get; private init; }

    /// <summary>Problems recorded so far (of the whole import).</summary>
    public int ProblemCount => _problems.Count;

    /// <summary>Data rows read.</summary>
    public int RowCount { get; private set; }

    /// <summary>Maximum length of one field; longer fields are rejected, not truncated.</summary>
    public const int MaxFieldLength = 4000;

    /// <summary>
    /// Reads <paramref name="content"/> and hands every data row to <paramref name="onRow"/> (after which its fields are
    /// released). Returns null (with problems recorded) when the file cannot be read as a table with the required columns.
    /// </summary>
    public static CsvSheet? Read(string file, byte[] content, DatasetFormat format, ImportProblems problems, Action<CsvSheet, CsvRow> onRow)
    {
        var bom = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        if (content.AsSpan(bom).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            problems.Add(new ImportProblem(file, 1, null, "Het bestand is leeg."));
            return null;
        }

        // PostgreSQL text cannot hold U+0000; a NUL means a binary or damaged file (or UTF-16 without BOM).
        if (content.AsSpan().IndexOf((byte)0) is var nul and >= 0)
        {
            problems.Add(new ImportProblem(file, 1 + content.AsSpan(0, nul).Count((byte)'\n'), null,
                "Het bestand bevat een NUL-teken; het is geen CSV-tekstbestand of het is beschadigd."));
            return null;
        }

        var delimiter = HeaderLine(content, bom).Contains(';') ? ";" : ",";
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            AllowComments = true,
            Comment = '#',
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
        };

        var before = problems.Count;
        try
        {
            using var reader = new StreamReader(new MemoryStream(content, bom, content.Length - bom, writable: false), StrictUtf8, detectEncodingFromByteOrderMarks: false);
            using var csv = new CsvReader(reader, config);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            {
                problems.Add(new ImportProblem(file, 1, null, "Kopregel ontbreekt."));
                return null;
            }

            var headerLine = csv.Parser.RawRow;
            var columns = MapHeader(file, headerLine, csv.HeaderRecord, format, problems);
            if (problems.Count > before)
            {
                return null;
            }

            var sheet = new CsvSheet(file, problems, columns, csv.HeaderRecord.Select(h => h.Trim()).ToArray()) { PointIsDecimal = delimiter == "," };
            var width = csv.HeaderRecord.Length;
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var fields = csv.Parser.Record ?? [];
                if (fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (fields.Length != width)
                {
                    problems.Add(new ImportProblem(file, line, null, $"Regel heeft {fields.Length} velden, de kopregel {width}."));
                    continue;
                }

                var row = new CsvRow(line, fields);
                sheet.RowCount++;
                onRow(sheet, row);
                row.Release();
            }

            return sheet;
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(file, 1, null, "Het bestand is geen geldige UTF-8-tekst. Sla het op als 'CSV UTF-8'."));
            return null;
        }
        catch (CsvHelperException ex) when (ex.InnerException is DecoderFallbackException)
        {
            problems.Add(new ImportProblem(file, 1, null, "Het bestand is geen geldige UTF-8-tekst. Sla het op als 'CSV UTF-8'."));
            return null;
        }
        catch (CsvHelperException ex)
        {
            problems.Add(new ImportProblem(file, ex.Context?.Parser?.RawRow ?? 1, null, "Het bestand is geen geldige CSV (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten)."));
            return null;
        }
    }

    /// <summary>The first line that is not a comment, decoded leniently (only to choose the separator).</summary>
    private static string HeaderLine(byte[] content, int start)
    {
        var rest = content.AsSpan(start);
        while (rest.Length > 0)
        {
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.Length > 0 && line[0] != (byte)'#')
            {
                return Encoding.UTF8.GetString(line[..Math.Min(line.Length, 64 * 1024)]);
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return string.Empty;
    }

    /// <summary>Column name → the positions of the headers that mean it (documented English name or Dutch header).</summary>
    private static Dictionary<string, int[]> MapHeader(string file, int line, string[] header, DatasetFormat format, ImportProblems problems)
    {
        var byHeader = new Dictionary<string, ImportColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in format.Columns)
        {
            foreach (var name in column.Headers)
            {
                byHeader.TryAdd(name, column);
            }
        }

        var ignored = format.IgnoredHeaders.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<ImportProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (!seen.Add(name))
            {
                problems.Add(new ImportProblem(file, line, name, "Kolom komt twee keer voor in de kopregel."));
            }
            else if (byHeader.TryGetValue(name, out var column))
            {
                (positions.TryGetValue(column.Name, out var list) ? list : positions[column.Name] = []).Add(i);
            }
            else if (!ignored.Contains(name))
            {
                unknown.Add(new ImportProblem(file, line, name, $"Onbekende kolom '{TextLimits.Shown(name)}'."));
            }
        }

        // A file with Dutch headers is told about missing columns in Dutch, any other in the documented English names.
        var english = !header.Select(h => h.Trim()).Any(h => !format.Columns.Any(c => c.Name.Equals(h, StringComparison.OrdinalIgnoreCase))
            && format.Columns.Any(c => c.Headers.Contains(h, StringComparer.OrdinalIgnoreCase)));

        var hint = header.Length == 1 ? " Het scheidingsteken moet ';' zijn." : string.Empty;
        foreach (var required in format.RequiredColumns.Where(c => !positions.ContainsKey(c.Name)))
        {
            var name = english ? required.Name : required.Header;
            problems.Add(new ImportProblem(file, line, name, $"Kolom '{name}' ontbreekt.{hint}"));
        }

        foreach (var problem in unknown)
        {
            problems.Add(problem);
        }

        return positions.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>Raw text of a field, trimmed; null when empty or when the column is absent.</summary>
    public string? Text(CsvRow row, string column)
    {
        if (!_columns.TryGetValue(column, out var positions))
        {
            return null;
        }

        return Field(row, column, positions[0]);
    }

    private string? Field(CsvRow row, string column, int index)
    {
        var value = row.Fields[index].Trim();
        if (value.Length > 1 && value[0] == '\'' && EscapedStarts.Contains(value[1], StringComparison.Ordinal))
        {
            value = value[1..];
        }

        if (value.Length > MaxFieldLength)
        {
            Problem(row, column, $"Veld is te lang ({value.Length} tekens; maximaal {MaxFieldLength}).");
            return null;
        }

        return value.Length == 0 ? null : value;
    }

    public string RequiredText(CsvRow row, string column)
    {
        var value = Text(row, column);
        if (value is null)
        {
            Problem(row, column, "Veld is leeg; een waarde is verplicht.");
            return string.Empty;
        }

        return value;
    }

    public decimal? OptionalDecimal(CsvRow row, string column, decimal? min = null, decimal? max = null)
    {
        var text = Text(row, column);
        if (text is null)
        {
            return null;
        }

        var reading = DutchNumber.Read(text, PointIsDecimal);
        if (reading.Value is not { } value)
        {
            Problem(row, column, $"{reading.Problem}.");
            return null;
        }

        if (value < min || value > max)
        {
            Problem(row, column, $"{value.ToString(CultureInfo.GetCultureInfo("nl-NL"))} ligt buiten het toegestane bereik {Range(min, max)}.");
            return null;
        }

        return value;
    }

    public decimal RequiredDecimal(CsvRow row, string column, decimal? min = null, decimal? max = null)
    {
        if (Text(row, column) is null)
        {
            Problem(row, column, "Veld is leeg; een getal is verplicht.");
            return 0m;
        }

        return OptionalDecimal(row, column, min, max) ?? 0m;
    }

    public int? OptionalInt(CsvRow row, string column, int min, int max)
    {
        var text = Text(row, column);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Problem(row, column, $"'{TextLimits.Shown(text)}' is geen geheel getal.");
            return null;
        }

        if (value < min || value > max)
        {
            Problem(row, column, $"{value} ligt buiten het toegestane bereik {min}–{max}.");
            return null;
        }

        return value;
    }

    public int RequiredInt(CsvRow row, string column, int min, int max)
    {
        if (Text(row, column) is null)
        {
            Problem(row, column, "Veld is leeg; een geheel getal is verplicht.");
            return 0;
        }

        return OptionalInt(row, column, min, max) ?? 0;
    }

    public int RequiredYear(CsvRow row, string column) => RequiredInt(row, column, 1900, 2200);

    public Period? OptionalPeriod(CsvRow row, string column)
    {
        var text = Text(row, column);
        if (text is null)
        {
            return null;
        }

        if (!Period.TryParse(text, out var period))
        {
            Problem(row, column, $"'{TextLimits.Shown(text)}' is geen geldige periode (verwacht bijvoorbeeld 2020 of 2020-K3).");
            return null;
        }

        return period;
    }

    /// <summary>The optional period as the source gives it (Core <see cref="Core.Domain.StatedPeriod"/>), checked against the stored period.</summary>
    public StatedPeriod StatedPeriod(CsvRow row, string column, Period stored)
    {
        if (Core.Domain.StatedPeriod.TryParse(Text(row, column), stored, out var stated) is { } problem)
        {
            Problem(row, column, problem);
        }

        return stated;
    }

    public Period RequiredPeriod(CsvRow row, string column)
    {
        if (Text(row, column) is null)
        {
            Problem(row, column, "Veld is leeg; een periode (2020 of 2020-K3) is verplicht.");
            return default;
        }

        return OptionalPeriod(row, column) ?? default;
    }

    public bool RequiredBool(CsvRow row, string column)
    {
        var text = Text(row, column);
        switch (text?.ToLowerInvariant())
        {
            case "true" or "ja" or "1":
                return true;
            case "false" or "nee" or "0":
                return false;
            default:
                Problem(row, column, $"'{TextLimits.Shown(text ?? string.Empty)}' is geen ja/nee-waarde (gebruik true of false).");
                return false;
        }
    }

    /// <summary>
    /// Maps a code to a value of <paramref name="table"/>: the documented token (<c>provisional</c>) or the Dutch label
    /// (<c>voorlopig</c>, any case). When a file carries the column twice (an export's code and label columns), both must
    /// say the same. Records a problem listing the options.
    /// </summary>
    public T? Token<T>(CsvRow row, string column, EnumTable<T> table, bool required = true)
        where T : struct, Enum
    {
        if (!_columns.TryGetValue(column, out var positions) || Field(row, column, positions[0]) is not { } text)
        {
            if (required)
            {
                Problem(row, column, $"Veld is leeg; kies uit: {DatasetFormats.Allowed(table)}.");
            }

            return null;
        }

        if (Find(table, text) is not { } value)
        {
            Problem(row, column, $"'{TextLimits.Shown(text)}' is geen geldige waarde; kies uit: {DatasetFormats.Allowed(table)}.");
            return null;
        }

        foreach (var other in positions.Skip(1))
        {
            if (Field(row, column, other) is { } second && Find(table, second) is { } secondValue && !secondValue.Equals(value))
            {
                Problem(row, column, $"'{TextLimits.Shown(text)}' en '{TextLimits.Shown(second)}' spreken elkaar tegen; pas één van beide kolommen aan of laat er één weg.");
                return null;
            }
        }

        return value;
    }

    private static T? Find<T>(EnumTable<T> table, string text)
        where T : struct, Enum
    {
        if (table.ByToken.TryGetValue(text, out var value))
        {
            return value;
        }

        return table.Entries.FirstOrDefault(e => string.Equals(e.Label, text, StringComparison.OrdinalIgnoreCase))?.Value;
    }

    /// <summary>The lines of this file that already have a problem.</summary>
    public HashSet<int> ProblemLines() => _problems.Where(p => p.File == File).Select(p => p.Line).ToHashSet();

    /// <summary>Records a problem of <paramref name="column"/>, named by the header the file uses for it.</summary>
    public void Problem(CsvRow row, string? column, string message) =>
        _problems.Add(new ImportProblem(File, row.Line, column is not null && _columns.TryGetValue(column, out var at) ? _header[at[0]] : column, message));

    private static string Range(decimal? min, decimal? max)
    {
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return (min, max) switch
        {
            ({ } a, { } b) => $"{a.ToString(nl)} tot en met {b.ToString(nl)}",
            ({ } a, null) => $"vanaf {a.ToString(nl)}",
            (null, { } b) => $"tot en met {b.ToString(nl)}",
            _ => string.Empty,
        };
    }

}

/// <summary>A data line of a CSV file with its 1-based line number; its fields are released once the row is parsed.</summary>
public sealed class CsvRow(int line, string[] fields)
{
    public int Line { get; } = line;

    public string[] Fields { get; private set; } = fields;

    internal void Release() => Fields = [];
}
