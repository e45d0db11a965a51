namespace SocialDomain.Core.Domain;

/// <summary>One taakveld of the national IV3 classification: its code (6.72) and its name.</summary>
public sealed record Iv3TaskField(string Code, string Name)
{
    /// <summary>The main task (hoofdtaak) the code starts with: 0 Bestuur en ondersteuning … 8 Volkshuisvesting.</summary>
    public int MainTask => Code[0] - '0';

    /// <summary>True for the taakvelden of hoofdtaak 6 Sociaal domein, the only ones the dashboard stores.</summary>
    public bool InSocialDomain => MainTask == 6;
}

/// <summary>
/// The IV3 taakvelden of the BBV (Besluit begroting en verantwoording provincies en gemeenten) as they apply from the
/// budget year 2017 on. Reference data from outside the seed documents: written from memory of the published list
/// (docs/data-sources.md, "Begrotingscyclus (IV3)"); later revisions of the BBV renamed a few taakvelden, which the
/// codes do not change. Pure lookup.
/// </summary>
public static class Iv3TaskFields
{
    public static IReadOnlyList<Iv3TaskField> All { get; } =
    [
        new("0.1", "Bestuur"),
        new("0.2", "Burgerzaken"),
        new("0.3", "Beheer overige gebouwen en gronden"),
        new("0.4", "Overhead"),
        new("0.5", "Treasury"),
        new("0.61", "OZB woningen"),
        new("0.62", "OZB niet-woningen"),
        new("0.63", "Parkeerbelasting"),
        new("0.64", "Belastingen overig"),
        new("0.7", "Algemene uitkering en overige uitkeringen gemeentefonds"),
        new("0.8", "Overige baten en lasten"),
        new("0.9", "Vennootschapsbelasting (VpB)"),
        new("0.10", "Mutaties reserves"),
        new("0.11", "Resultaat van de rekening van baten en lasten"),
        new("1.1", "Crisisbeheersing en brandweer"),
        new("1.2", "Openbare orde en veiligheid"),
        new("2.1", "Verkeer en vervoer"),
        new("2.2", "Parkeren"),
        new("2.3", "Recreatieve havens"),
        new("2.4", "Economische havens en waterwegen"),
        new("2.5", "Openbaar vervoer"),
        new("3.1", "Economische ontwikkeling"),
        new("3.2", "Fysieke bedrijfsinfrastructuur"),
        new("3.3", "Bedrijvenloket en bedrijfsregelingen"),
        new("3.4", "Economische promotie"),
        new("4.1", "Openbaar basisonderwijs"),
        new("4.2", "Onderwijshuisvesting"),
        new("4.3", "Onderwijsbeleid en leerlingzaken"),
        new("5.1", "Sportbeleid en activering"),
        new("5.2", "Sportaccommodaties"),
        new("5.3", "Cultuurpresentatie, cultuurproductie en cultuurparticipatie"),
        new("5.4", "Musea"),
        new("5.5", "Cultureel erfgoed"),
        new("5.6", "Media"),
        new("5.7", "Openbaar groen en (openlucht) recreatie"),
        new("6.1", "Samenkracht en burgerparticipatie"),
        new("6.2", "Wijkteams"),
        new("6.3", "Inkomensregelingen"),
        new("6.4", "Begeleide participatie"),
        new("6.5", "Arbeidsparticipatie"),
        new("6.6", "Maatwerkvoorzieningen (WMO)"),
        new("6.71", "Maatwerkdienstverlening 18+"),
        new("6.72", "Maatwerkdienstverlening 18-"),
        new("6.81", "Geëscaleerde zorg 18+"),
        new("6.82", "Geëscaleerde zorg 18-"),
        new("7.1", "Volksgezondheid"),
        new("7.2", "Riolering"),
        new("7.3", "Afval"),
        new("7.4", "Milieubeheer"),
        new("7.5", "Begraafplaatsen en crematoria"),
        new("8.1", "Ruimtelijke ordening"),
        new("8.2", "Grondexploitatie (niet bedrijventerreinen)"),
        new("8.3", "Wonen en bouwen"),
    ];

    private static readonly Dictionary<string, Iv3TaskField> ByCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    /// <summary>The taakveld with this exact code ("6.72"; "6,72" and "06.72" are not IV3 codes); null when IV3 has none.</summary>
    public static Iv3TaskField? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code.Trim());

    /// <summary>The taakvelden of hoofdtaak 6 Sociaal domein.</summary>
    public static IEnumerable<Iv3TaskField> SocialDomain => All.Where(t => t.InSocialDomain);

    /// <summary>
    /// The dashboard's domain of a sociaal-domein taakveld (6.1–6.2 voorveld, 6.3–6.5 werk en inkomen, 6.6/6.71/6.81 Wmo,
    /// 6.72/6.82 Jeugd), as the demo data's task_fields.csv assigns them; null outside hoofdtaak 6.
    /// </summary>
    public static SocialDomainArea? AreaOf(string code) => code switch
    {
        "6.1" or "6.2" => SocialDomainArea.Voorveld,
        "6.3" or "6.4" or "6.5" => SocialDomainArea.WerkInkomen,
        "6.6" or "6.71" or "6.81" => SocialDomainArea.Wmo,
        "6.72" or "6.82" => SocialDomainArea.Jeugd,
        _ => null,
    };
}
