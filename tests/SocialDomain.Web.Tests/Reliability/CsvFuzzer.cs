using System.Text;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>
/// Deterministic mutations of small, valid import files: broken encodings and BOMs, truncation, bit
/// flips, wrong separators, huge fields, spreadsheet formulas, duplicate keys, numbers out of range,
/// deleted, duplicated and swapped lines and columns. Some mutations leave a valid file.
/// </summary>
internal sealed class CsvFuzzer(int seed)
{
    private static readonly string[] Formulas = ["=1+1", "+1+1", "-1+1", "@SUM(A1:A9)", "=HYPERLINK(\"http://example.invalid\";\"klik\")", "=cmd|' /C calc'!A0", "\t=1+1"];

    private static readonly string[] OddNumbers =
    [
        "1e309", "1E5", "99999999999999999999999999999999", "-99999999999999999999999", "79228162514264337593543950336", "NaN",
        "Infinity", "-0", "0x1F", "1.234,5", "١٢", "12 345", "+5", "--5", " 7 ", "7.", ".7", "7,0,0", "2147483648", "-2147483649",
        "0000000000000000000000001", "1/2", "€ 12", "12%", "-", "∞",
    ];

    private static readonly string[] OddTexts =
    [
        "", " ", "\u200B", "\u202Eevil", "😀", "e\u0301", "<script>alert(1)</script>", "'; DROP TABLE kpis; --", "\"", "\"\"", "NULL",
        "null", "\\", "%00", "2020-K5", "2020-Q3", "2020-K0", "-2020", "20200", "2020-K3-1", "9999", "0", "true", "ja", "Ja", "J",
        "final ", "FINAL", "jaarrekening", "GM040", "GM04021", "gm0402",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One mutated case: what was done, and the files to import.</summary>
    public sealed record Case(int Number, string Description, IReadOnlyList<ImportFile> Files);

    /// <summary>The base files: a small consistent subset of the seed data.</summary>
    public static IReadOnlyList<(string Name, string Text)> BaseFiles()
    {
        var kpis = new HashSet<string>(StringComparer.Ordinal) { "SP_SCORE", "SP_FRIENDLY", "WMO_LEADTIME_WITHIN_TERM", "JEUGD_LEADTIME_WITHIN_TERM", "WI_OUTFLOW" };
        var entities = new HashSet<string>(StringComparer.Ordinal) { "GM0402", "GM0141", "G40", "G4", "GK5", "NL" };
        var projects = new HashSet<string>(StringComparer.Ordinal) { "W1_WINSTPAKKERS", "W2_DASHBOARDS", "W3_TOEGANG" };
        return
        [
            Subset("reference/programmes.csv", _ => true),
            Subset("reference/task_fields.csv", _ => true),
            Subset("g40/entities.csv", f => entities.Contains(f[0])),
            Subset("g40/benchmark_observations.csv", f => f[0] is "GM0402" or "GM0141" or "G40" && f[3] == "2017" && f[4] == "jaarrekening"),
            Subset("hilversum/kpis.csv", f => kpis.Contains(f[0])),
            Subset("hilversum/targets.csv", f => kpis.Contains(f[0])),
            Subset("hilversum/measurements.csv", f => kpis.Contains(f[0])),
            Subset("hilversum/budget_lines.csv", (_, index) => index < 6),
            Subset("hilversum/projects.csv", f => projects.Contains(f[0])),
            Subset("hilversum/project_budgets.csv", f => projects.Contains(f[0])),
            Subset("hilversum/reserve_movements.csv", (_, index) => index < 4),
        ];
    }

    public static ImportFile ToFile((string Name, string Text) file) => new(file.Name, Encoding.UTF8.GetBytes(file.Text));

    public Case Next(int number, IReadOnlyList<(string Name, string Text)> bases)
    {
        var target = bases[_random.Next(bases.Count)];
        var description = new StringBuilder(target.Name);
        var name = target.Name;
        var text = target.Text;
        byte[]? bytes = null;
        var steps = _random.Next(10) < 7 ? 1 : _random.Next(2, 4);
        for (var step = 0; step < steps; step++)
        {
            if (bytes is not null)
            {
                // Byte-level mutations end the chain; continue on the bytes.
                bytes = MutateBytes(bytes, description);
                continue;
            }

            switch (_random.Next(22))
            {
                case 0: bytes = Truncate(Encoding.UTF8.GetBytes(text), description); break;
                case 1: bytes = Encode(text, description); break;
                case 2: bytes = WithBom(text, description); break;
                case 3: text = HugeField(text, description); break;
                case 4: text = WrongSeparator(text, description); break;
                case 5: text = SetField(text, Pick(Formulas), "formule", description); break;
                case 6: text = DuplicateKey(text, description); break;
                case 7: text = SetField(text, Pick(OddNumbers), "vreemd getal", description); break;
                case 8: bytes = FlipBits(Encoding.UTF8.GetBytes(text), description); break;
                case 9: text = DeleteLine(text, description); break;
                case 10: text = DuplicateLine(text, description); break;
                case 11: text = SwapColumns(text, headerOnly: _random.Next(2) == 0, description); break;
                case 12: text = LineEndings(text, description); break;
                case 13: text = Quotes(text, description); break;
                case 14: bytes = InsertNul(Encoding.UTF8.GetBytes(text), description); break;
                case 15: text = Emptyish(text, description); break;
                case 16: name = Rename(name, description); break;
                case 17: text = SetField(text, Pick(OddTexts), "vreemde tekst", description); break;
                case 18: text = ExtraOrMissingColumn(text, description); break;
                case 19: text = SetField(text, new string('9', _random.Next(20, 400)), "lang getal", description); break;
                case 20: text = ShuffleDataLines(text, description); break;
                default: text = SetField(text, Pick(OddNumbers), "vreemd getal", description); break;
            }
        }

        var files = new List<ImportFile> { new(name, bytes ?? Encoding.UTF8.GetBytes(text)) };
        if (_random.Next(8) == 0)
        {
            // Now and then together with an untouched file, which must then not be written either.
            var other = bases[_random.Next(bases.Count)];
            if (other.Name != target.Name)
            {
                files.Add(ToFile(other));
                description.Append(" + ongewijzigd ").Append(other.Name);
            }
        }

        return new Case(number, description.ToString(), files);
    }

    private static (string Name, string Text) Subset(string path, Func<string[], bool> keep) => Subset(path, (fields, _) => keep(fields));

    private static (string Name, string Text) Subset(string path, Func<string[], int, bool> keep)
    {
        var lines = File.ReadAllLines(Path.Combine(SeedData.Directory, path), Encoding.UTF8);
        var data = lines.Skip(1).Where(l => l.Length > 0).Where((line, index) => keep(SplitFields(line), index));
        return (Path.GetFileName(path), string.Join("\n", [lines[0], .. data]) + "\n");
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private byte[] MutateBytes(byte[] bytes, StringBuilder description) => _random.Next(3) switch
    {
        0 => Truncate(bytes, description),
        1 => FlipBits(bytes, description),
        _ => InsertNul(bytes, description),
    };

    private byte[] Truncate(byte[] bytes, StringBuilder description)
    {
        var length = bytes.Length == 0 ? 0 : _random.Next(bytes.Length);
        description.Append($"; afgekapt na {length} bytes");
        return bytes[..length];
    }

    private byte[] Encode(string text, StringBuilder description)
    {
        var (label, encoding) = _random.Next(5) switch
        {
            0 => ("Latin-1", Encoding.Latin1),
            1 => ("Windows-1252", (Encoding)Encoding.Latin1),
            2 => ("UTF-16LE met BOM", new UnicodeEncoding(bigEndian: false, byteOrderMark: true)),
            3 => ("UTF-16BE met BOM", new UnicodeEncoding(bigEndian: true, byteOrderMark: true)),
            _ => ("UTF-16LE zonder BOM", new UnicodeEncoding(bigEndian: false, byteOrderMark: false)),
        };
        description.Append("; codering ").Append(label);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    private byte[] WithBom(string text, StringBuilder description)
    {
        var body = Encoding.UTF8.GetBytes(text);
        byte[] utf8Bom = [0xEF, 0xBB, 0xBF];
        switch (_random.Next(4))
        {
            case 0:
                description.Append("; UTF-8-BOM");
                return [.. utf8Bom, .. body];
            case 1:
                description.Append("; dubbele UTF-8-BOM");
                return [.. utf8Bom, .. utf8Bom, .. body];
            case 2:
                description.Append("; UTF-32LE-BOM");
                return [0xFF, 0xFE, 0x00, 0x00, .. body];
            default:
                var at = text.IndexOf('\n', StringComparison.Ordinal) + 1;
                description.Append("; UTF-8-BOM midden in het bestand");
                return [.. Encoding.UTF8.GetBytes(text[..at]), .. utf8Bom, .. Encoding.UTF8.GetBytes(text[at..])];
        }
    }

    private string HugeField(string text, StringBuilder description)
    {
        var size = Pick(new[] { 4001, 10_000, 250_000 });
        description.Append($"; veld van {size} tekens");
        return SetField(text, new string(Pick(new[] { 'x', '9', 'é' }), size), null, description);
    }

    private string WrongSeparator(string text, StringBuilder description)
    {
        var separator = Pick(new[] { ",", "\t", "|", " ", ";;" });
        var scope = _random.Next(3);
        description.Append($"; scheidingsteken '{separator.Replace("\t", "\\t", StringComparison.Ordinal)}' in {(scope == 0 ? "het hele bestand" : scope == 1 ? "de kopregel" : "de dataregels")}");
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (scope == 0 || (scope == 1 && i == 0) || (scope == 2 && i > 0))
            {
                lines[i] = lines[i].Replace(";", separator, StringComparison.Ordinal);
            }
        }

        return string.Join('\n', lines);
    }

    private string SetField(string text, string value, string? label, StringBuilder description)
    {
        var lines = text.Split('\n').ToList();
        var dataLines = Enumerable.Range(1, lines.Count - 1).Where(i => lines[i].Length > 0).ToList();
        var index = dataLines.Count == 0 || _random.Next(12) == 0 ? 0 : Pick(dataLines);
        var fields = SplitFields(lines[index]);
        var column = _random.Next(fields.Length);
        fields[column] = value;
        lines[index] = JoinFields(fields);
        if (label is not null)
        {
            var shown = value.Length > 30 ? value[..30] + "…" : value;
            description.Append($"; {label} '{shown}' in regel {index + 1}, kolom {column + 1}");
        }

        return string.Join('\n', lines);
    }

    private string DuplicateKey(string text, StringBuilder description)
    {
        var lines = text.Split('\n').ToList();
        var dataLines = Enumerable.Range(1, lines.Count - 1).Where(i => lines[i].Length > 0).ToList();
        if (dataLines.Count == 0)
        {
            return text;
        }

        var index = Pick(dataLines);
        var copy = SplitFields(lines[index]);
        var changed = _random.Next(2) == 0 && copy.Length > 2;
        if (changed)
        {
            // Same key columns (the first ones), another value further on.
            copy[^3] = copy[^3] + "1";
        }

        lines.Insert(_random.Next(1, lines.Count), JoinFields(copy));
        description.Append($"; dubbele sleutel van regel {index + 1}{(changed ? " met andere waarde" : string.Empty)}");
        return string.Join('\n', lines);
    }

    private byte[] FlipBits(byte[] bytes, StringBuilder description)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        var flips = _random.Next(1, 9);
        for (var i = 0; i < flips; i++)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }

        description.Append($"; {flips} bit(s) omgezet");
        return copy;
    }

    private string DeleteLine(string text, StringBuilder description)
    {
        var lines = text.Split('\n').ToList();
        var index = _random.Next(lines.Count);
        lines.RemoveAt(index);
        description.Append($"; regel {index + 1} verwijderd");
        return string.Join('\n', lines);
    }

    private string DuplicateLine(string text, StringBuilder description)
    {
        var lines = text.Split('\n').ToList();
        var index = _random.Next(lines.Count);
        lines.Insert(index, lines[index]);
        description.Append($"; regel {index + 1} verdubbeld");
        return string.Join('\n', lines);
    }

    private string SwapColumns(string text, bool headerOnly, StringBuilder description)
    {
        var lines = text.Split('\n');
        var width = SplitFields(lines[0]).Length;
        if (width < 2)
        {
            return text;
        }

        var a = _random.Next(width);
        var b = (a + _random.Next(1, width)) % width;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || (headerOnly && i > 0))
            {
                continue;
            }

            var fields = SplitFields(lines[i]);
            if (fields.Length == width)
            {
                (fields[a], fields[b]) = (fields[b], fields[a]);
                lines[i] = JoinFields(fields);
            }
        }

        description.Append($"; kolommen {a + 1} en {b + 1} verwisseld{(headerOnly ? " (alleen in de kopregel)" : string.Empty)}");
        return string.Join('\n', lines);
    }

    private string LineEndings(string text, StringBuilder description)
    {
        var ending = Pick(new[] { "\r\n", "\r", "\n\n", "\u2028" });
        description.Append("; regeleinden ").Append(ending.Replace("\r", "CR", StringComparison.Ordinal).Replace("\n", "LF", StringComparison.Ordinal).Replace("\u2028", "LS", StringComparison.Ordinal));
        return text.Replace("\n", ending, StringComparison.Ordinal);
    }

    private string Quotes(string text, StringBuilder description)
    {
        switch (_random.Next(3))
        {
            case 0:
                var at = _random.Next(text.Length + 1);
                description.Append($"; los aanhalingsteken op positie {at}");
                return text.Insert(at, "\"");
            case 1:
                description.Append("; veld met regeleinde en ';' tussen aanhalingstekens");
                return SetField(text, "twee\nregels; en meer", null, description);
            default:
                description.Append("; veld met \"\" erin");
                return SetField(text, "zegt \"hallo\"", null, description);
        }
    }

    private byte[] InsertNul(byte[] bytes, StringBuilder description)
    {
        var at = _random.Next(bytes.Length + 1);
        description.Append($"; NUL-byte op positie {at}");
        return [.. bytes[..at], 0, .. bytes[at..]];
    }

    private string Emptyish(string text, StringBuilder description)
    {
        switch (_random.Next(4))
        {
            case 0:
                description.Append("; leeg bestand");
                return string.Empty;
            case 1:
                description.Append("; alleen witruimte");
                return " \n\t\n";
            case 2:
                description.Append("; alleen de kopregel");
                return text.Split('\n')[0] + "\n";
            default:
                description.Append("; alleen lege velden");
                var header = text.Split('\n')[0];
                return header + "\n" + new string(';', SplitFields(header).Length - 1) + "\n";
        }
    }

    private string Rename(string name, StringBuilder description)
    {
        var renamed = Pick(new[] { name.ToUpperInvariant(), "../" + name, name + ".bak", Path.GetFileNameWithoutExtension(name) + ".txt", "map/" + name, "begroting 2021.csv", " " + name, string.Empty });
        description.Append($"; bestandsnaam '{renamed}'");
        return renamed;
    }

    private string ExtraOrMissingColumn(string text, StringBuilder description)
    {
        var lines = text.Split('\n');
        var missing = _random.Next(2) == 0;
        var width = SplitFields(lines[0]).Length;
        var column = _random.Next(width);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = SplitFields(lines[i]).ToList();
            if (missing && column < fields.Count)
            {
                fields.RemoveAt(column);
            }
            else if (!missing)
            {
                fields.Add(i == 0 ? "extra" : "x");
            }

            lines[i] = JoinFields([.. fields]);
        }

        description.Append(missing ? $"; kolom {column + 1} weggelaten" : "; kolom 'extra' toegevoegd");
        return string.Join('\n', lines);
    }

    private string ShuffleDataLines(string text, StringBuilder description)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var data = lines.Skip(1).OrderBy(_ => _random.Next()).ToList();
        description.Append("; dataregels in andere volgorde");
        return string.Join('\n', [lines[0], .. data]) + "\n";
    }

    /// <summary>Splits one line on ';' outside double quotes (the base files have no line breaks in fields).</summary>
    internal static string[] SplitFields(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ';' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }

    private static string JoinFields(string[] fields) =>
        string.Join(';', fields.Select(f => f.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f));
}
