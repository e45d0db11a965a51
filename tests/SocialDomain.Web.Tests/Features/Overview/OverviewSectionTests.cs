using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Overview;

namespace SocialDomain.Web.Tests.Features.Overview;

/// <summary>
/// Which KPI rows the Kwartaaloverzicht shows (<see cref="OverviewSection"/>; docs/adr/0019): the worked examples of
/// the ADR, with an overview of programme 2 (Wmo, Jeugd), programme 3 (Werk en inkomen) and KPIs without a programme
/// (Wmo).
/// </summary>
public class OverviewSectionTests
{
    private static readonly (string? Programme, SocialDomainArea Domain)[] Groups =
        [("2", SocialDomainArea.Wmo), ("2", SocialDomainArea.Jeugd), ("3", SocialDomainArea.WerkInkomen), (null, SocialDomainArea.Wmo)];

    private const int Small = OverviewReport.OpenUpTo;
    private const int Large = OverviewReport.OpenUpTo + 1;

    public static TheoryData<string?, string?, int, string, string?> Examples => new()
    {
        // programma, domein, KPIs → rows shown ("alle", "samenvatting", or programme/domain), problem (start of it)
        { null, null, Small, "alle", null },
        { null, null, Large, "samenvatting", null },
        { "", "  ", Large, "samenvatting", null },
        { "2", null, Large, "2/-", null },
        { " 2 ", null, Small, "2/-", null },
        { "2", "jeugd", Large, "2/Jeugd", null },
        { "2", "JEUGD", Large, "2/Jeugd", null },
        { "GEEN", null, Large, "geen/-", null },
        { null, "wmo", Large, "-/Wmo", null },
        { "alle", null, Large, "alle", null },
        { "Alle", "wmo", Large, "-/Wmo", null },
        { "9", null, Large, "samenvatting", "Programma '9' heeft geen KPI's in dit overzicht; de samenvatting" },
        { "9", null, Small, "alle", "Programma '9' heeft geen KPI's in dit overzicht; alle KPI's worden getoond." },
        { "3", "wmo", Large, "samenvatting", "Programma '3' heeft in het domein Wmo geen KPI's" },
        { "2", "zorg", Large, "samenvatting", "'zorg' is geen domein (kies uit wmo, jeugd, werk_inkomen" },
        { null, "voorveld", Large, "samenvatting", "Het domein Voorveld heeft geen KPI's" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Choose_ShowsTheRequestedSection_OrSaysWhyNot(string? programme, string? domain, int kpis, string expected, string? problem)
    {
        var section = OverviewSection.Choose(programme, domain, kpis, Groups);

        Describe(section).Should().Be(expected);
        if (problem is null)
        {
            section.Problem.Should().BeNull();
        }
        else
        {
            section.Problem.Should().StartWith(problem);
        }
    }

    [Fact]
    public void Shows_OnlyTheChosenProgrammeAndDomain()
    {
        var section = OverviewSection.Choose("2", "wmo", Large, Groups);

        Groups.Select(g => section.Shows(g.Programme, g.Domain)).Should().Equal(true, false, false, false);
        OverviewSection.Choose("geen", null, Large, Groups).Shows(null, SocialDomainArea.Wmo).Should().BeTrue();
        OverviewSection.Choose(null, null, Large, Groups).Shows("2", SocialDomainArea.Wmo).Should().BeFalse("the summary shows no rows");
        OverviewSection.Everything.Shows("3", SocialDomainArea.Voorveld).Should().BeTrue();
    }

    private static string Describe(OverviewSection s) =>
        s.All ? "alle" : s.IsSummaryOnly ? "samenvatting" : $"{s.Programme ?? "-"}/{(s.Domain is { } d ? d.ToString() : "-")}";
}
