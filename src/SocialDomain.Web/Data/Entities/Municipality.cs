using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// A municipality (identified by its CBS code, e.g. GM0402) or a published aggregate of
/// municipalities (G40 average, G4 average, a size class, Nederland). Aggregates live in the same
/// table so that every benchmark observation has one owner; <see cref="Kind"/> tells them apart.
/// </summary>
public class Municipality
{
    /// <summary>CBS code (GM0402) for municipalities; G40, G4, NL or GK1..GK8 for aggregates.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public BenchmarkEntityKind Kind { get; set; }

    public bool IsG40 { get; set; }

    public bool IsG4 { get; set; }

    /// <summary>Code of the size-class aggregate this municipality belongs to (e.g. GK5).</summary>
    public string? SizeClassCode { get; set; }

    public Municipality? SizeClass { get; set; }

    /// <summary>Other spellings used in the sources ("Den Haag", "'s-Gravenhage").</summary>
    public List<string> Aliases { get; set; } = [];

    public List<MunicipalityCharacteristics> Characteristics { get; set; } = [];
}
