using System.Globalization;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>The fields of a measurement typed in a form.</summary>
public enum MeasurementField
{
    Period,
    Value,
    Reason,
    Source,
}

/// <summary>A problem with one field, in Dutch, naming the field.</summary>
public sealed record MeasurementProblem(MeasurementField Field, string Message);

/// <summary>The checked input: the period and value to store (the reason, when one is asked, is trimmed).</summary>
public sealed record ValidMeasurement(Period Period, decimal Value, string? Reason);

/// <summary>
/// Checks a measurement typed in the app (docs/calculations.md, "Metingen invoeren"): the period in the KPI's own
/// frequency and not in the future, the value a number in the unit's range that the database can hold, and a reason for
/// a correction or withdrawal. Pure: today is passed in. Either a valid measurement or the problems, never both.
/// </summary>
public static class MeasurementEntry
{
    /// <summary>Longest reason stored.</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>Longest source description stored.</summary>
    public const int SourceMaxLength = 300;

    /// <summary>The problem with a source description that is too long; null when it fits.</summary>
    public static MeasurementProblem? CheckSource(string? text) =>
        text is not null && text.Trim().Length > SourceMaxLength
            ? new(MeasurementField.Source, $"Bron: hooguit {SourceMaxLength} tekens ({text.Trim().Length} getypt).")
            : text is not null && HasControlCharacter(text)
                ? new(MeasurementField.Source, "Bron: bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen.")
                : null;

    /// <summary>True when the text holds a control character other than tab and line breaks (PostgreSQL refuses NUL).</summary>
    public static bool HasControlCharacter(string text) => TextLimits.HasControlCharacter(text);

    /// <summary>Largest magnitude a value column (numeric(18,4)) holds.</summary>
    public const decimal StorageLimit = UnitRanges.StorageLimit;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The period typed, or the problem with it.</summary>
    public static (Period? Period, MeasurementProblem? Problem) CheckPeriod(string? text, KpiFrequency frequency, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new(MeasurementField.Period, "Periode: vul een periode in, bijvoorbeeld " + Example(frequency) + "."));
        }

        if (!Period.TryParse(text.Trim(), out var period))
        {
            return (null, new(MeasurementField.Period, $"Periode: '{TextLimits.Shown(text)}' is geen periode; gebruik bijvoorbeeld {Example(frequency)}."));
        }

        if (period.Frequency != frequency)
        {
            return (null, new(MeasurementField.Period,
                $"Periode: deze KPI wordt {(frequency == KpiFrequency.Quarter ? "per kwartaal" : "per jaar")} gemeten; gebruik bijvoorbeeld {Example(frequency)}."));
        }

        if (period.StartDate > today)
        {
            return (null, new(MeasurementField.Period, $"Periode: {period} ligt in de toekomst."));
        }

        return (period, null);
    }

    /// <summary>The value typed, or the problem with it.</summary>
    public static (decimal? Value, MeasurementProblem? Problem) CheckValue(string? text, KpiUnit unit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new(MeasurementField.Value, "Waarde: vul een waarde in."));
        }

        var reading = DutchNumber.Read(text);
        if (reading.Value is not { } value)
        {
            return (null, new(MeasurementField.Value, $"Waarde: {reading.Problem}."));
        }

        if (Math.Abs(value) > StorageLimit || decimal.Round(value, 4) != value)
        {
            return (null, new(MeasurementField.Value, "Waarde: te groot of te veel decimalen (hooguit 14 cijfers voor en 4 na de komma)."));
        }

        if (UnitRanges.ForMeasurement(unit) is { } range && !range.Contains(value))
        {
            return (null, new(MeasurementField.Value,
                $"Waarde: {value.ToString(Dutch)} past niet bij de eenheid (toegestaan {range.Min.ToString(Dutch)} tot en met {range.Max.ToString(Dutch)})"
                + (reading.Note is { } note ? $"; {note}." : ".")));
        }

        return (value, null);
    }

    /// <summary>The reason of a correction or withdrawal, or the problem with it.</summary>
    public static (string? Reason, MeasurementProblem? Problem) CheckReason(string? text)
    {
        var reason = text?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return (null, new(MeasurementField.Reason, "Reden: een correctie of intrekking vraagt een reden."));
        }

        if (HasControlCharacter(reason))
        {
            return (null, new(MeasurementField.Reason, "Reden: bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen."));
        }

        return reason.Length > ReasonMaxLength
            ? (null, new(MeasurementField.Reason, $"Reden: hooguit {ReasonMaxLength} tekens ({reason.Length} getypt)."))
            : (reason, null);
    }

    /// <summary>All checks of a new value or a correction (<paramref name="reasonRequired"/>).</summary>
    public static (ValidMeasurement? Valid, IReadOnlyList<MeasurementProblem> Problems) Check(
        string? periodText, string? valueText, string? reasonText, bool reasonRequired, KpiUnit unit, KpiFrequency frequency, DateOnly today)
    {
        var (period, periodProblem) = CheckPeriod(periodText, frequency, today);
        var (value, valueProblem) = CheckValue(valueText, unit);
        var (reason, reasonProblem) = reasonRequired ? CheckReason(reasonText) : (string.IsNullOrWhiteSpace(reasonText) ? null : reasonText.Trim(), null);
        if (!reasonRequired && reason is not null && (reason.Length > ReasonMaxLength || HasControlCharacter(reason)))
        {
            reasonProblem = CheckReason(reason).Problem;
        }

        var problems = new[] { periodProblem, valueProblem, reasonProblem }.OfType<MeasurementProblem>().ToList();
        return problems.Count == 0 ? (new ValidMeasurement(period!.Value, value!.Value, reason), problems) : (null, problems);
    }

    private static string Example(KpiFrequency frequency) => frequency == KpiFrequency.Quarter ? "2021-K1" : "2021";

}
