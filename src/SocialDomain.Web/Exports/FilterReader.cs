using System.Globalization;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Exports;

/// <summary>
/// Reads the Dutch filter parameters that exports and the API share, collecting a Dutch message per bad value
/// (answered with 400 rather than silently ignored: a filtered download must contain what was asked for).
/// </summary>
public sealed class FilterReader
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public string ErrorText => string.Join(" ", _errors);

    public void Add(string error) => _errors.Add(error);

    /// <summary>A code such as a KPI code or CBS code: trimmed, at most 100 characters; empty = no filter.</summary>
    public string? Code(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim();
        if (code.Length > 100)
        {
            _errors.Add($"De waarde van '{name}' is te lang.");
            return null;
        }

        return code;
    }

    /// <summary>"2020" or "2020-K3" (also "2020-Q3").</summary>
    public Period? Period(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Core.Domain.Period.TryParse(value, out var period))
        {
            return period;
        }

        _errors.Add($"'{value.Trim()}' is geen periode voor '{name}' (gebruik bijvoorbeeld 2020 of 2020-K3).");
        return null;
    }

    /// <summary>A year from a form field; empty = no filter (an empty number field must not be a 400).</summary>
    public int? Year(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return Year(year, name);
        }

        _errors.Add($"'{value.Trim()}' is geen jaartal voor '{name}'.");
        return null;
    }

    public int? Year(int? value, string name)
    {
        if (value is { } year and (< 1900 or > 2200))
        {
            _errors.Add($"'{name}' moet een jaartal tussen 1900 en 2200 zijn.");
            return null;
        }

        return value;
    }

    public T? Token<T>(IReadOnlyDictionary<string, T> tokens, string? value, string name) where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Codes.TryParse(tokens, value, out T parsed))
        {
            return parsed;
        }

        _errors.Add($"Onbekende waarde '{value.Trim()}' voor '{name}'; kies uit {Codes.List(tokens)}.");
        return null;
    }

    public SocialDomainArea? Domain(string? value) => Token(Tokens.Domain, value, "domein");

    /// <summary>ja/nee (also true/false).</summary>
    public bool? Boolean(string? value, string name)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "ja" or "true" or "1":
                return true;
            case "nee" or "false" or "0":
                return false;
            default:
                _errors.Add($"'{value.Trim()}' is geen geldige waarde voor '{name}'; gebruik ja of nee.");
                return null;
        }
    }

    /// <summary>A date yyyy-MM-dd.</summary>
    public DateOnly? Date(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _errors.Add($"'{value.Trim()}' is geen datum voor '{name}' (gebruik jjjj-mm-dd, bijvoorbeeld 2026-11-25).");
        return null;
    }
}
