using System.Globalization;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Definitions;

/// <summary>
/// The KPI definition form. The property names are the names of <see cref="DefinitionField"/>, so a problem maps to its
/// input by name; numbers are bound as text and read as Dutch numbers (<see cref="DutchNumber"/>).
/// </summary>
public sealed class DefinitionForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Definition { get; set; }

    /// <summary>Token of <see cref="Vocabulary.Units"/>.</summary>
    public string? Unit { get; set; }

    public string? Direction { get; set; }

    public string? BandLow { get; set; }

    public string? BandHigh { get; set; }

    public string? Frequency { get; set; }

    public string? Domain { get; set; }

    public string? DataSource { get; set; }

    public string? Owner { get; set; }

    public string? Programme { get; set; }

    public string? TaskField { get; set; }

    public string? LegalNorm { get; set; }

    public string? LegalNormDescription { get; set; }

    /// <summary>From which period this version applies; never prefilled (every version states its own start).</summary>
    public string? ValidFrom { get; set; }

    public string? Reason { get; set; }

    /// <summary>The KPI row's xmin when the form was shown: a save based on an older version is a conflict.</summary>
    public uint RowVersion { get; set; }

    /// <summary>The form prefilled with the KPI's latest definition, without start and reason.</summary>
    public static DefinitionForm From(Kpi k) => new()
    {
        Code = k.Code,
        Name = k.Name,
        Definition = k.Definition,
        Unit = Vocabulary.Units.Token(k.Unit),
        Direction = Vocabulary.Directions.Token(k.Direction),
        BandLow = Format(k.BandLow),
        BandHigh = Format(k.BandHigh),
        Frequency = Vocabulary.Frequencies.Token(k.Frequency),
        Domain = Vocabulary.Domains.Token(k.Domain),
        DataSource = k.DataSource,
        Owner = k.Owner,
        Programme = k.ProgrammeCode,
        TaskField = k.TaskFieldCode,
        LegalNorm = Format(k.LegalNorm),
        LegalNormDescription = k.LegalNormDescription,
        RowVersion = k.RowVersion,
    };

    public DefinitionInput ToInput() => new(
        Code, Name, Definition, Unit, Direction, BandLow, BandHigh, Frequency, Domain, DataSource, Owner, Programme, TaskField, LegalNorm,
        LegalNormDescription, ValidFrom, Reason);

    private static string? Format(decimal? value) => value?.ToString("0.####", CultureInfo.GetCultureInfo("nl-NL"));
}

/// <summary>The archive form of a KPI: from which quarter, and why.</summary>
public sealed class ArchiveForm
{
    public string? ArchiveFrom { get; set; }

    public string? Reason { get; set; }

    public uint RowVersion { get; set; }
}
