using SocialDomain.Core.Calculations;

namespace SocialDomain.Core.Tests;

/// <summary>docs/calculations.md, "SMART-streefwaarde": numbers typed with a decimal comma or point.</summary>
public class DutchNumberTests
{
    [Theory]
    [InlineData("7,5", 7.5)]
    [InlineData("7.5", 7.5)]
    [InlineData("7,0", 7.0)]
    [InlineData("7.0", 7.0)] // never 70
    [InlineData("-263,4", -263.4)]
    [InlineData("-263.4", -263.4)]
    [InlineData("1234", 1234)]
    [InlineData(" 12 ", 12)]
    [InlineData("+5", 5)]
    [InlineData("1,234", 1.234)] // one separator is a decimal separator, never thousands
    public void TryParse_ReadsADecimalCommaOrPoint(string text, double expected)
    {
        DutchNumber.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("1.234,5")] // thousands separator
    [InlineData("1,234.5")]
    [InlineData("1e3")] // exponent
    [InlineData("1 000")]
    [InlineData("zeven")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("€ 5")]
    public void TryParse_RefusesWhatItWouldHaveToGuess(string text) =>
        DutchNumber.TryParse(text, out _).Should().BeFalse();
}
