using SocialDomain.Core.Calculations;

namespace SocialDomain.Core.Tests;

/// <summary>docs/calculations.md, "Getallen lezen": the one number reader of forms and imports (issue 18 item 1).</summary>
public class DutchNumberTests
{
    [Theory]
    [InlineData("7,5", 7.5)]
    [InlineData("7.5", 7.5)]
    [InlineData("7,0", 7.0)]
    [InlineData("7.0", 7.0)] // never 70
    [InlineData("-263,4", -263.4)]
    [InlineData("-263.4", -263.4)]
    [InlineData("\u2212263,4", -263.4)] // the true minus of the dashboard's own formatting
    [InlineData("1234", 1234)]
    [InlineData(" 12 ", 12)]
    [InlineData("+5", 5)]
    [InlineData("1,234", 1.234)] // a comma is always the decimal sign
    [InlineData("0.125", 0.125)] // a group cannot start with 0: decimal point
    [InlineData("1234.5", 1234.5)]
    [InlineData("13.932.000", 13932000)] // points between groups of three: thousands
    [InlineData("1.000,50", 1000.50)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1000,50", 1000.50)]
    public void Read_ReadsDutchNotation_AndADecimalPointWhereItCannotGroupThousands(string text, double expected)
    {
        var reading = DutchNumber.Read(text);

        reading.Value.Should().Be((decimal)expected);
        reading.Note.Should().BeNull();
        DutchNumber.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("1.000", 1000, "'1.000' is gelezen als 1.000 (de punt scheidt duizendtallen); bedoelt u 1,000, typ dan een komma")]
    [InlineData("12.500", 12500, "'12.500' is gelezen als 12.500 (de punt scheidt duizendtallen); bedoelt u 12,500, typ dan een komma")]
    [InlineData("-1.000", -1000, "'-1.000' is gelezen als -1.000 (de punt scheidt duizendtallen); bedoelt u -1,000, typ dan een komma")]
    public void Read_TakesOnePointBeforeThreeDigits_AsThousands_AndSaysSo(string text, double expected, string note)
    {
        var reading = DutchNumber.Read(text);

        reading.Value.Should().Be((decimal)expected);
        reading.Note.Should().Be(note);
    }

    [Theory]
    [InlineData("1.000", 1.0)]
    [InlineData("12.345", 12.345)]
    [InlineData("7,5", 7.5)]
    public void Read_InACommaSeparatedFile_TakesAPointAsDecimal(string text, double expected) =>
        DutchNumber.Read(text, pointIsDecimal: true).Value.Should().Be((decimal)expected);

    [Theory]
    [InlineData("1,234.5", "'1,234.5' is geen getal in Nederlandse notatie: punten voor duizendtallen, een komma voor decimalen (bijvoorbeeld 1.234,5)")]
    [InlineData("1,000,000", "'1,000,000' is geen getal: de komma is het decimaalteken; groepeer duizendtallen met punten (1.000.000) of niet")]
    [InlineData("1.23.4", "'1.23.4' is geen getal: punten staan alleen tussen groepen van drie cijfers (bijvoorbeeld 13.932.000)")]
    [InlineData("1.2345,6", "'1.2345,6' is geen getal in Nederlandse notatie: punten voor duizendtallen, een komma voor decimalen (bijvoorbeeld 1.234,5)")]
    [InlineData("1e3", "'1e3' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)")]
    [InlineData("1 000", "'1 000' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)")]
    [InlineData("zeven", "'zeven' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)")]
    [InlineData("€ 5", "'€ 5' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)")]
    [InlineData("-", "'-' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)")]
    [InlineData("", "is leeg")]
    [InlineData(" ", "is leeg")]
    [InlineData("99999999999999999999999999999999", "is te groot om als getal te lezen")]
    public void Read_RefusesWhatItWouldHaveToGuess_AndSaysWhy(string text, string problem)
    {
        var reading = DutchNumber.Read(text);

        reading.Value.Should().BeNull();
        reading.Problem.Should().Be(problem);
        DutchNumber.TryParse(text, out _).Should().BeFalse();
    }
}
