using System.Text.Json;

namespace SocialDomain.Web.Exports;

/// <summary>The type of a column: decides how CSV, JSON and the OpenAPI schema write it.</summary>
public enum ColumnType
{
    Text,
    Number,
    Integer,
    Boolean,
    Date,
    Timestamp,
}

/// <summary>
/// One column of a dataset: the Dutch CSV header, the JSON property name, its type and a Dutch description
/// (used in the OpenAPI document and docs). Exports and the API write the same columns from the same
/// definitions, so their records agree.
/// </summary>
public sealed class Column<T>
{
    private readonly Func<T, string?>? _text;
    private readonly Func<T, decimal?>? _number;
    private readonly Func<T, long?>? _integer;
    private readonly Func<T, bool?>? _boolean;
    private readonly Func<T, DateOnly?>? _date;
    private readonly Func<T, DateTimeOffset?>? _timestamp;
    private readonly JsonEncodedText _jsonName;

    private Column(string header, string name, ColumnType type, string description,
        Func<T, string?>? text = null, Func<T, decimal?>? number = null, Func<T, long?>? integer = null,
        Func<T, bool?>? boolean = null, Func<T, DateOnly?>? date = null, Func<T, DateTimeOffset?>? timestamp = null)
    {
        Header = header;
        Name = name;
        Type = type;
        Description = description;
        _text = text;
        _number = number;
        _integer = integer;
        _boolean = boolean;
        _date = date;
        _timestamp = timestamp;
        _jsonName = JsonEncodedText.Encode(name);
    }

    /// <summary>Dutch column name in the CSV header.</summary>
    public string Header { get; }

    /// <summary>Property name in JSON (camelCase).</summary>
    public string Name { get; }

    public ColumnType Type { get; }

    /// <summary>Dutch description for the OpenAPI document and the documentation.</summary>
    public string Description { get; }

    internal static Column<T> ForText(string header, string name, string description, Func<T, string?> value) => new(header, name, ColumnType.Text, description, text: value);

    internal static Column<T> ForNumber(string header, string name, string description, Func<T, decimal?> value) => new(header, name, ColumnType.Number, description, number: value);

    internal static Column<T> ForInteger(string header, string name, string description, Func<T, long?> value) => new(header, name, ColumnType.Integer, description, integer: value);

    internal static Column<T> ForBoolean(string header, string name, string description, Func<T, bool?> value) => new(header, name, ColumnType.Boolean, description, boolean: value);

    internal static Column<T> ForDate(string header, string name, string description, Func<T, DateOnly?> value) => new(header, name, ColumnType.Date, description, date: value);

    internal static Column<T> ForTimestamp(string header, string name, string description, Func<T, DateTimeOffset?> value) => new(header, name, ColumnType.Timestamp, description, timestamp: value);

    public void WriteCsv(ExportCsvWriter writer, T row)
    {
        switch (Type)
        {
            case ColumnType.Text:
                writer.WriteText(_text!(row));
                break;
            case ColumnType.Number:
                writer.WriteNumber(_number!(row));
                break;
            case ColumnType.Integer:
                writer.WriteInteger(_integer!(row));
                break;
            case ColumnType.Boolean:
                writer.WriteBoolean(_boolean!(row));
                break;
            case ColumnType.Date:
                writer.WriteDate(_date!(row));
                break;
            default:
                writer.WriteTimestamp(_timestamp!(row));
                break;
        }
    }

    public void WriteJson(Utf8JsonWriter writer, T row)
    {
        writer.WritePropertyName(_jsonName);
        switch (Type)
        {
            case ColumnType.Text when _text!(row) is { } text:
                writer.WriteStringValue(text);
                break;
            case ColumnType.Number when _number!(row) is { } number:
                writer.WriteNumberValue(CsvDialect.Normalize(number));
                break;
            case ColumnType.Integer when _integer!(row) is { } integer:
                writer.WriteNumberValue(integer);
                break;
            case ColumnType.Boolean when _boolean!(row) is { } boolean:
                writer.WriteBooleanValue(boolean);
                break;
            case ColumnType.Date when _date!(row) is { } date:
                writer.WriteStringValue(CsvDialect.FormatDate(date));
                break;
            case ColumnType.Timestamp when _timestamp!(row) is { } timestamp:
                writer.WriteStringValue(CsvDialect.IsoTimestamp(timestamp));
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

/// <summary>The ordered columns of a dataset, built fluently: <c>new ColumnSet&lt;Row&gt;().Text(...).Number(...)</c>.</summary>
public sealed class ColumnSet<T> : IReadOnlyList<Column<T>>
{
    private readonly List<Column<T>> _columns = [];

    public int Count => _columns.Count;

    public Column<T> this[int index] => _columns[index];

    public ColumnSet<T> Text(string header, string name, Func<T, string?> value, string description) => Add(Column<T>.ForText(header, name, description, value));

    public ColumnSet<T> Number(string header, string name, Func<T, decimal?> value, string description) => Add(Column<T>.ForNumber(header, name, description, value));

    public ColumnSet<T> Integer(string header, string name, Func<T, long?> value, string description) => Add(Column<T>.ForInteger(header, name, description, value));

    public ColumnSet<T> Boolean(string header, string name, Func<T, bool?> value, string description) => Add(Column<T>.ForBoolean(header, name, description, value));

    public ColumnSet<T> Date(string header, string name, Func<T, DateOnly?> value, string description) => Add(Column<T>.ForDate(header, name, description, value));

    public ColumnSet<T> Timestamp(string header, string name, Func<T, DateTimeOffset?> value, string description) => Add(Column<T>.ForTimestamp(header, name, description, value));

    /// <summary>Columns chosen at run time (e.g. one per year of the investment plan).</summary>
    public ColumnSet<T> AddRange(IEnumerable<Column<T>> columns)
    {
        _columns.AddRange(columns);
        return this;
    }

    public IEnumerator<Column<T>> GetEnumerator() => _columns.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private ColumnSet<T> Add(Column<T> column)
    {
        if (_columns.Any(c => c.Name == column.Name || c.Header == column.Header))
        {
            throw new InvalidOperationException($"Column '{column.Header}' ({column.Name}) is defined twice.");
        }

        _columns.Add(column);
        return this;
    }
}
