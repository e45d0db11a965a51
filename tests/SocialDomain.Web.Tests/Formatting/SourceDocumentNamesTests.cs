using SocialDomain.Web.Formatting;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Tests.Formatting;

/// <summary>Source document names are data of the demo dataset, not code: another municipality's document 001 keeps its number.</summary>
public class SourceDocumentNamesTests
{
    [Theory]
    [InlineData("001", "investeringsvoorstel WINST 2017 (001)")]
    [InlineData("003", "KPMG-rapport en raadsbrief 2020 (003)")]
    [InlineData("B7", "B7")]
    [InlineData("", "onbekend")]
    public void WithTheDemoDataset_KnownNumbersGetTheirNameFromItsFile(string document, string expected) =>
        SourceDocumentNames.For(new DemoDataset(true)).Name(document).Should().Be(expected);

    [Theory]
    [InlineData("001", "001")]
    [InlineData("000", "000")]
    [InlineData("", "onbekend")]
    public void WithoutTheDemoDataset_ADocumentIsShownByItsOwnNumber(string document, string expected) =>
        SourceDocumentNames.For(new DemoDataset(false)).Name(document).Should().Be(expected);
}
