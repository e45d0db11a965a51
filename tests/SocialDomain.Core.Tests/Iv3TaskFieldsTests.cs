using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>The IV3 list (docs/data-sources.md, "Begrotingscyclus (IV3)"), from memory of the published BBV list from 2017 on.</summary>
public class Iv3TaskFieldsTests
{
    [Theory]
    [InlineData("0.1", "Bestuur")]
    [InlineData("0.10", "Mutaties reserves")]
    [InlineData("6.1", "Samenkracht en burgerparticipatie")]
    [InlineData("6.2", "Wijkteams")]
    [InlineData("6.3", "Inkomensregelingen")]
    [InlineData("6.4", "Begeleide participatie")]
    [InlineData("6.5", "Arbeidsparticipatie")]
    [InlineData("6.6", "Maatwerkvoorzieningen (WMO)")]
    [InlineData("6.71", "Maatwerkdienstverlening 18+")]
    [InlineData("6.72", "Maatwerkdienstverlening 18-")]
    [InlineData("6.81", "Geëscaleerde zorg 18+")]
    [InlineData("6.82", "Geëscaleerde zorg 18-")]
    [InlineData("8.3", "Wonen en bouwen")]
    public void Find_KnowsTheTaakveld(string code, string name) => Iv3TaskFields.Find(code)!.Name.Should().Be(name);

    [Theory]
    [InlineData("6.7")]
    [InlineData("6.8")]
    [InlineData("6,72")]
    [InlineData("06.72")]
    [InlineData("9.1")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_RefusesWhatIsNoIv3Code(string? code) => Iv3TaskFields.Find(code).Should().BeNull();

    [Fact]
    public void All_HasUniqueCodes_InMainTasksZeroToEight()
    {
        Iv3TaskFields.All.Select(t => t.Code).Should().OnlyHaveUniqueItems();
        Iv3TaskFields.All.Select(t => t.MainTask).Distinct().Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8);
        Iv3TaskFields.All.Should().HaveCount(53);
    }

    [Fact]
    public void SocialDomain_IsMainTaskSix_EachWithADomain()
    {
        Iv3TaskFields.SocialDomain.Select(t => t.Code).Should().Equal("6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.71", "6.72", "6.81", "6.82");
        Iv3TaskFields.SocialDomain.Should().OnlyContain(t => Iv3TaskFields.AreaOf(t.Code) != null);
        Iv3TaskFields.AreaOf("6.72").Should().Be(SocialDomainArea.Jeugd);
        Iv3TaskFields.AreaOf("6.71").Should().Be(SocialDomainArea.Wmo);
        Iv3TaskFields.AreaOf("6.3").Should().Be(SocialDomainArea.WerkInkomen);
        Iv3TaskFields.AreaOf("6.2").Should().Be(SocialDomainArea.Voorveld);
        Iv3TaskFields.AreaOf("7.1").Should().BeNull();
    }
}
