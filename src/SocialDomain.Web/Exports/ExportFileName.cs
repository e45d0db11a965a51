using System.Text;

namespace SocialDomain.Web.Exports;

/// <summary>
/// File names that say what the file is: dataset, filter (or "alle") and export date, e.g.
/// <c>metingen_2020-K4_export-2026-11-25.csv</c> or <c>kpi-metingen_SP_SCORE_export-2026-11-25.csv</c>. Only ASCII letters,
/// digits, '.', '-' and '_' (accents are dropped, anything else becomes '-'); parts are joined by '_'.
/// </summary>
public static class ExportFileName
{
    public static string Create(string dataset, DateOnly exportDate, params string?[] filters)
    {
        var parts = filters.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => Clean(f!)).Where(f => f.Length > 0).ToList();
        var builder = new StringBuilder(Clean(dataset));
        builder.Append('_').Append(parts.Count == 0 ? "alle" : string.Join('_', parts));
        builder.Append("_export-").Append(CsvDialect.FormatDate(exportDate)).Append(".csv");
        return builder.ToString();
    }

    private static string Clean(string part)
    {
        var builder = new StringBuilder(part.Length);
        foreach (var c in part.Trim().Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                builder.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-', '.');
    }
}
