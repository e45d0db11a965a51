using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Import;

/// <summary>
/// A CSV file read completely into memory with its line numbers, plus typed field access that
/// records a Dutch problem (file, line, column) instead of throwing. Separator ';' (or ',' when
/// the header has no ';'); decimals with a comma or a point, never with thousands separators.
/// </summary>
public sealed class CsvSheet
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<ImportProblem> _problems;
    private readonly Dictionary<string, int> _columns;

    private CsvSheet(string file, List<ImportProblem> problems, Dictionary<string, int> columns, List<CsvRow> rows)
    {
        File = file;
        _problems = problems;
        _columns = columns;
        Rows = rows;
    }

    public string File { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Maximum length of one field; longer fields are rejected, not truncated.</summary>
    public const int MaxFieldLength = 4000;

    /// <summary>
    /// Reads <paramref name="content"/>. Returns null (with problems recorded) when the file cannot be
    /// read as a table with the required columns.
    /// </summary>
    public static CsvSheet? Read(string file, byte[] content, IReadOnlyCollection<string> requiredColumns,
        IReadOnlyCollection<string> optionalColumns, List<ImportProblem> problems)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(file, 1, null, "Het bestand is geen geldige UTF-8-tekst. Sla het op als 'CSV UTF-8'."));
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new ImportProblem(file, 1, null, "Het bestand is leeg."));
            return null;
        }

        // PostgreSQL text cannot hold U+0000; a NUL means a binary or damaged file (or UTF-16 without BOM).
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            problems.Add(new ImportProblem(file, 1 + text.AsSpan(0, nul).Count('\n'), null,
                "Het bestand bevat een NUL-teken; het is geen CSV-tekstbestand of het is beschadigd."));
            return null;
        }

        var firstLine = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var nl and >= 0 ? nl : text.Length);
        var delimiter = firstLine.Contains(';') ? ";" : ",";
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
        };

        var rows = new List<CsvRow>();
        Dictionary<string, int> columns;
        var before = problems.Count;
        try
        {
            using var reader = new StringReader(text);
            using var csv = new CsvReader(reader, config);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            {
                problems.Add(new ImportProblem(file, 1, null, "Kopregel ontbreekt."));
                return null;
            }

            columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < csv.HeaderRecord.Length; i++)
            {
                var name = csv.HeaderRecord[i].Trim();
                if (!columns.TryAdd(name, i))
                {
                    problems.Add(new ImportProblem(file, 1, name, "Kolom komt twee keer voor in de kopregel."));
                }
            }

            var hint = columns.Count == 1 ? " Het scheidingsteken moet ';' zijn." : string.Empty;
            foreach (var required in requiredColumns.Where(c => !columns.ContainsKey(c)))
            {
                problems.Add(new ImportProblem(file, 1, required, $"Kolom '{required}' ontbreekt.{hint}"));
            }

            foreach (var unknown in columns.Keys.Where(c => !requiredColumns.Contains(c) && !optionalColumns.Contains(c)))
            {
                problems.Add(new ImportProblem(file, 1, unknown, $"Onbekende kolom '{Shorten(unknown)}'."));
            }

            if (problems.Count > before)
            {
                return null;
            }

            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var fields = csv.Parser.Record ?? [];
                if (fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (fields.Length != columns.Count)
                {
                    problems.Add(new ImportProblem(file, line, null,
                        $"Regel heeft {fields.Length} velden, de kopregel {columns.Count}."));
                    continue;
                }

                rows.Add(new CsvRow(line, fields));
            }
        }
        catch (CsvHelperException ex)
        {
            problems.Add(new ImportProblem(file, ex.Context?.Parser?.RawRow ?? 1, null, "Het bestand is geen geldige CSV (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten)."));
            return null;
        }

        return new CsvSheet(file, problems, columns, rows);
    }

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>Raw text of a field, trimmed; null when empty or when the column is absent.</summary>
    public string? Text(CsvRow row, string column)
    {
        if (!_columns.TryGetValue(column, out var index))
        {
            return null;
        }

        var value = row.Fields[index].Trim();
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

        if (!DutchNumber.TryParse(text, out var value))
        {
            Problem(row, column, $"'{Shorten(text)}' is geen getal (gebruik bijvoorbeeld -263,4 of -263.4, zonder duizendtallen).");
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
            Problem(row, column, $"'{Shorten(text)}' is geen geheel getal.");
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
            Problem(row, column, $"'{Shorten(text)}' is geen geldige periode (verwacht bijvoorbeeld 2020 of 2020-K3).");
            return null;
        }

        return period;
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
                Problem(row, column, $"'{Shorten(text ?? string.Empty)}' is geen ja/nee-waarde (gebruik true of false).");
                return false;
        }
    }

    /// <summary>Maps a token to a value from <paramref name="allowed"/>; records a problem listing the options.</summary>
    public T? Token<T>(CsvRow row, string column, IReadOnlyDictionary<string, T> allowed, bool required = true)
        where T : struct
    {
        var text = Text(row, column);
        if (text is null)
        {
            if (required)
            {
                Problem(row, column, $"Veld is leeg; kies uit: {string.Join(", ", allowed.Keys)}.");
            }

            return null;
        }

        if (allowed.TryGetValue(text, out var value))
        {
            return value;
        }

        Problem(row, column, $"'{Shorten(text)}' is geen geldige waarde; kies uit: {string.Join(", ", allowed.Keys)}.");
        return null;
    }

    /// <summary>The lines of this file that already have a problem.</summary>
    public HashSet<int> ProblemLines() => _problems.Where(p => p.File == File).Select(p => p.Line).ToHashSet();

    public void Problem(CsvRow row, string? column, string message) =>
        _problems.Add(new ImportProblem(File, row.Line, column, message));

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

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>A data line of a CSV file with its 1-based line number in the file.</summary>
public sealed record CsvRow(int Line, string[] Fields);
