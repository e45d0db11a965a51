using System.Text.RegularExpressions;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>The fields of a KPI definition typed in a form (the names are the form's property names).</summary>
public enum DefinitionField
{
    Code,
    Name,
    Definition,
    Unit,
    Direction,
    BandLow,
    BandHigh,
    Frequency,
    Domain,
    DataSource,
    Owner,
    Programme,
    TaskField,
    LegalNorm,
    LegalNormDescription,
    ValidFrom,
    Reason,
    ArchiveFrom,
}

/// <summary>A problem with one field, in Dutch, naming the field.</summary>
public sealed record DefinitionProblem(DefinitionField Field, string Message);

/// <summary>A KPI definition as typed: every field as text (tokens of <see cref="Vocabulary"/> for unit, direction, frequency, domain).</summary>
public sealed record DefinitionInput(
    string? Code, string? Name, string? Definition, string? Unit, string? Direction, string? BandLow, string? BandHigh, string? Frequency,
    string? Domain, string? DataSource, string? Owner, string? Programme, string? TaskField, string? LegalNorm, string? LegalNormDescription,
    string? ValidFrom, string? Reason);

/// <summary>A checked definition, trimmed, ready to store as a version (band only for WithinBand).</summary>
public sealed record ValidDefinition(
    string Code, string Name, string Definition, KpiUnit Unit, KpiDirection Direction, decimal? BandLow, decimal? BandHigh, KpiFrequency Frequency,
    SocialDomainArea Domain, string? DataSource, string Owner, string? Programme, string? TaskField, decimal? LegalNorm, string? LegalNormDescription,
    Period ValidFrom, string? Reason);

/// <summary>The codes a definition may refer to: the active programmes and task fields.</summary>
public sealed record DefinitionReferences(IReadOnlySet<string> Programmes, IReadOnlySet<string> TaskFields);

/// <summary>
/// The rules for KPI definitions, programmes and task fields kept in the app (docs/time-model.md, "Definitieversies"):
/// a definition needs a code, name, text and owner; a band needs a low below its high; every version states from which
/// period it applies ("geldig vanaf"), and a change after the first also why. Which version is in force in a quarter
/// follows <see cref="TargetInForce"/> (the same rule as for targets). Pure: every fact is passed in. Either a valid
/// result or the problems, never both.
/// </summary>
public static partial class DefinitionRules
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int DefinitionMaxLength = 2000;
    public const int DataSourceMaxLength = 200;
    public const int OwnerMaxLength = 120;
    public const int LegalNormDescriptionMaxLength = 300;
    public const int ReasonMaxLength = 1000;
    public const int ProgrammeNameMaxLength = 120;
    public const int TaskFieldNameMaxLength = 160;

    /// <summary>A KPI code: capitals, digits and underscores, starting with a capital (SP_SCORE).</summary>
    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,39}$")]
    public static partial Regex KpiCode();

    /// <summary>A programme number or short code ("2", "2a").</summary>
    [GeneratedRegex("^[0-9A-Za-z]{1,10}$")]
    public static partial Regex ProgrammeCode();

    /// <summary>An IV3 task field code ("6.1", "6.72").</summary>
    [GeneratedRegex("^[0-9]{1,2}(\\.[0-9]{1,3})?$")]
    public static partial Regex TaskFieldCode();

    /// <summary>Checks a new KPI (<paramref name="isChange"/> false) or a new version of an existing one (the code is then fixed; a reason is required).</summary>
    public static (ValidDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Check(DefinitionInput input, bool isChange, DefinitionReferences references)
    {
        var problems = new List<DefinitionProblem>();
        var code = Text(input.Code, DefinitionField.Code, "Code", CodeMaxLength, required: true, problems);
        if (code is not null && !KpiCode().IsMatch(code))
        {
            problems.Add(new(DefinitionField.Code, $"Code: '{TextLimits.Shown(code.Trim())}' is geen geldige code; gebruik hoofdletters, cijfers en _ (bijvoorbeeld WMO_CLIENTS), 2 tot {CodeMaxLength} tekens."));
        }

        var name = Text(input.Name, DefinitionField.Name, "Naam", NameMaxLength, required: true, problems);
        var definition = Text(input.Definition, DefinitionField.Definition, "Definitie", DefinitionMaxLength, required: true, problems);
        var unit = Token(Vocabulary.Units, input.Unit, DefinitionField.Unit, "Eenheid", problems);
        var direction = Token(Vocabulary.Directions, input.Direction, DefinitionField.Direction, "Richting", problems);
        var frequency = Token(Vocabulary.Frequencies, input.Frequency, DefinitionField.Frequency, "Frequentie", problems);
        var domain = Token(Vocabulary.Domains, input.Domain, DefinitionField.Domain, "Domein", problems);
        var dataSource = Text(input.DataSource, DefinitionField.DataSource, "Bron van de metingen", DataSourceMaxLength, required: false, problems);
        var owner = Text(input.Owner, DefinitionField.Owner, "Eigenaar", OwnerMaxLength, required: true, problems);
        var programme = Reference(input.Programme, references.Programmes, DefinitionField.Programme, "Programma", problems);
        var taskField = Reference(input.TaskField, references.TaskFields, DefinitionField.TaskField, "Taakveld", problems);
        var legalNorm = Number(input.LegalNorm, DefinitionField.LegalNorm, "Wettelijke norm", problems);
        var legalText = Text(input.LegalNormDescription, DefinitionField.LegalNormDescription, "Omschrijving van de wettelijke norm", LegalNormDescriptionMaxLength, required: false, problems);
        if (legalNorm is not null && legalText is null)
        {
            problems.Add(new(DefinitionField.LegalNormDescription, "Omschrijving van de wettelijke norm: beschrijf de norm (bijvoorbeeld 'binnen de wettelijke termijn')."));
        }

        decimal? bandLow = null, bandHigh = null;
        if (direction == KpiDirection.WithinBand)
        {
            bandLow = Number(input.BandLow, DefinitionField.BandLow, "Ondergrens", problems, required: true);
            bandHigh = Number(input.BandHigh, DefinitionField.BandHigh, "Bovengrens", problems, required: true);
            if (bandLow is { } low && bandHigh is { } high && low >= high)
            {
                problems.Add(new(DefinitionField.BandHigh, "Bovengrens: moet groter zijn dan de ondergrens."));
            }
        }

        var validFrom = CheckPeriod(input.ValidFrom, DefinitionField.ValidFrom, "Geldig vanaf", quarterOnly: false, problems);
        var reason = Text(input.Reason, DefinitionField.Reason, "Reden van de wijziging", ReasonMaxLength, required: isChange, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new ValidDefinition(code!, name!, definition!, unit!.Value, direction!.Value, bandLow, bandHigh, frequency!.Value, domain!.Value, dataSource, owner!,
            programme, taskField, legalNorm, legalText, validFrom!.Value, reason), problems);
    }

    /// <summary>The quarter from which a KPI is archived ("2026-K2"), and the reason; or the problems.</summary>
    public static (Period? Quarter, string? Reason, IReadOnlyList<DefinitionProblem> Problems) CheckArchive(string? quarter, string? reason)
    {
        var problems = new List<DefinitionProblem>();
        var period = CheckPeriod(quarter, DefinitionField.ArchiveFrom, "Archiveren vanaf", quarterOnly: true, problems);
        var why = Text(reason, DefinitionField.Reason, "Reden", ReasonMaxLength, required: true, problems);
        return problems.Count > 0 ? (null, null, problems) : (period, why, problems);
    }

    /// <summary>A programme or task field as typed: its code (fixed after creation) and name; or the problems (field Code or Name).</summary>
    public static (string? Code, string? Name, IReadOnlyList<DefinitionProblem> Problems) CheckCatalogueEntry(string? code, string? name, bool isTaskField)
    {
        var problems = new List<DefinitionProblem>();
        var label = isTaskField ? "Taakveldcode" : "Programmanummer";
        var c = Text(code, DefinitionField.Code, label, 10, required: true, problems);
        if (c is not null && !(isTaskField ? TaskFieldCode() : ProgrammeCode()).IsMatch(c))
        {
            problems.Add(new(DefinitionField.Code, isTaskField
                ? $"{label}: '{TextLimits.Shown(c.Trim())}' is geen IV3-taakveldcode; gebruik bijvoorbeeld 6.72."
                : $"{label}: '{TextLimits.Shown(c.Trim())}' is geen programmanummer; gebruik cijfers of letters, bijvoorbeeld 2."));
        }

        var n = Text(name, DefinitionField.Name, "Naam", isTaskField ? TaskFieldNameMaxLength : ProgrammeNameMaxLength, required: true, problems);
        return problems.Count > 0 ? (null, null, problems) : (c, n, problems);
    }

    /// <summary>The definition version in force in <paramref name="quarter"/> (<see cref="TargetInForce.At"/>); before the first start, the first version.</summary>
    public static T? InForce<T>(IReadOnlyCollection<T> versions, Func<T, TargetValidity> validity, Period quarter)
        where T : class =>
        TargetInForce.At(versions, validity, quarter) ?? versions.MinBy(v => validity(v).Version);

    /// <summary>True when a KPI archived from <paramref name="archivedFrom"/> (null: not archived) is left out in <paramref name="quarter"/>.</summary>
    public static bool IsArchivedIn(Period? archivedFrom, Period quarter) =>
        archivedFrom is { } from && QuarterOrdinal.Of(TargetInForce.StartQuarter(from)) <= QuarterOrdinal.Of(QuarterOrdinal.EndQuarter(quarter));

    /// <summary>
    /// Whether a user limited to <paramref name="assignedProgrammes"/> enters figures for a KPI of <paramref name="kpiProgramme"/>:
    /// no limit (null or none assigned) allows every KPI; otherwise only KPIs of an assigned programme (a KPI without programme is none of them).
    /// </summary>
    public static bool MayEnterFor(IReadOnlySet<string>? assignedProgrammes, string? kpiProgramme) =>
        assignedProgrammes is null || assignedProgrammes.Count == 0 || (kpiProgramme is not null && assignedProgrammes.Contains(kpiProgramme));

    private static string? Text(string? text, DefinitionField field, string label, int max, bool required, List<DefinitionProblem> problems)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            if (required)
            {
                problems.Add(new(field, $"{label}: verplicht, vul dit veld in."));
            }

            return null;
        }

        if (s.Length > max)
        {
            problems.Add(new(field, $"{label}: hooguit {max} tekens ({s.Length} getypt)."));
            return null;
        }

        if (MeasurementEntry.HasControlCharacter(s))
        {
            problems.Add(new(field, $"{label}: bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen."));
            return null;
        }

        return s;
    }

    private static T? Token<T>(EnumTable<T> table, string? token, DefinitionField field, string label, List<DefinitionProblem> problems)
        where T : struct, Enum
    {
        if (token is not null && table.ByToken.TryGetValue(token.Trim(), out var value))
        {
            return value;
        }

        problems.Add(new(field, $"{label}: kies uit {string.Join(", ", table.Entries.Select(e => e.Label))}."));
        return null;
    }

    private static string? Reference(string? code, IReadOnlySet<string> known, DefinitionField field, string label, List<DefinitionProblem> problems)
    {
        var c = code?.Trim();
        if (string.IsNullOrEmpty(c))
        {
            return null;
        }

        if (!known.Contains(c))
        {
            problems.Add(new(field, $"{label}: '{TextLimits.Shown(c.Trim())}' bestaat niet of is gearchiveerd."));
            return null;
        }

        return c;
    }

    private static decimal? Number(string? text, DefinitionField field, string label, List<DefinitionProblem> problems, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new(field, $"{label}: verplicht bij een bandbreedte, vul een getal in."));
            }

            return null;
        }

        if (!DutchNumber.TryParse(text, out var value) || Math.Abs(value) > MeasurementEntry.StorageLimit)
        {
            problems.Add(new(field, $"{label}: '{TextLimits.Shown(text.Trim())}' is geen getal; gebruik bijvoorbeeld 7,5."));
            return null;
        }

        return value;
    }

    private static Period? CheckPeriod(string? text, DefinitionField field, string label, bool quarterOnly, List<DefinitionProblem> problems)
    {
        var example = quarterOnly ? "2026-K2" : "2026 of 2026-K2";
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, $"{label}: verplicht, vul een {(quarterOnly ? "kwartaal" : "periode")} in, bijvoorbeeld {example}."));
            return null;
        }

        if (!Period.TryParse(text.Trim(), out var period) || (quarterOnly && !period.IsQuarter))
        {
            problems.Add(new(field, $"{label}: '{TextLimits.Shown(text.Trim())}' is geen {(quarterOnly ? "kwartaal" : "periode")}; gebruik bijvoorbeeld {example}."));
            return null;
        }

        return period;
    }

}
