using CsvHelper;

namespace SocialDomain.Web.Exports;

/// <summary>
/// CsvHelper's writer with typed cells. Text goes through CsvHelper's OWASP injection escaping; numbers, integers,
/// dates, timestamps and yes/no are formatted by the dialect and written unescaped, so that a negative amount
/// ("-263,4") stays a number in Excel instead of becoming the text "'-263,4".
/// </summary>
public sealed class ExportCsvWriter(TextWriter writer, CsvDialect dialect)
    : CsvWriter(writer, dialect.CreateConfiguration(), leaveOpen: true)
{
    private bool _formatted;

    public CsvDialect Dialect { get; } = dialect;

    /// <summary>A text cell: quoted when needed, neutralised when it starts with = + - @ tab or CR.</summary>
    public void WriteText(string? value) => WriteField(value ?? string.Empty);

    public void WriteNumber(decimal? value) => WriteFormatted(value is { } v ? Dialect.FormatNumber(v) : string.Empty);

    public void WriteInteger(long? value) => WriteFormatted(value is { } v ? Dialect.FormatInteger(v) : string.Empty);

    public void WriteBoolean(bool? value) => WriteFormatted(value is { } v ? CsvDialect.FormatBoolean(v) : string.Empty);

    public void WriteDate(DateOnly? value) => WriteFormatted(value is { } v ? CsvDialect.FormatDate(v) : string.Empty);

    public void WriteTimestamp(DateTimeOffset? value) => WriteFormatted(value is { } v ? Dialect.FormatTimestamp(v) : string.Empty);

    protected override string? SanitizeForInjection(string? field) => _formatted ? field : base.SanitizeForInjection(field);

    // Formatted values never contain the delimiter, a quote or a line break, so they need no quoting either.
    private void WriteFormatted(string field)
    {
        _formatted = true;
        try
        {
            WriteField(field, false);
        }
        finally
        {
            _formatted = false;
        }
    }
}
