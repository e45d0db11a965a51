using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

public class DutchFormatTests
{
    [Theory]
    [InlineData(6.7305, 1, "6,7%")]
    [InlineData(13.0608, 2, "13,06%")]
    [InlineData(-11.8935, 1, "-11,9%")]
    [InlineData(0.05, 1, "0,1%")] // half away from zero
    public void Percent_UsesADecimalComma(double value, int decimals, string expected) =>
        DutchFormat.Percent((decimal)value, decimals).Should().Be(expected);

    [Theory]
    [InlineData(1163470, 0, "€ 1.163.470")]
    [InlineData(184.3, 2, "€ 184,30")]
    public void Euro_UsesDutchSeparators(double value, int decimals, string expected) =>
        DutchFormat.Euro((decimal)value, decimals).Should().Be(expected);

    [Theory]
    [InlineData(72, KpiUnit.Percent, "72%")]
    [InlineData(71.6, KpiUnit.Percent, "71,6%")]
    [InlineData(7.5, KpiUnit.Weeks, "7,5 weken")]
    [InlineData(1, KpiUnit.Weeks, "1 week")]
    [InlineData(12, KpiUnit.Days, "12 dagen")]
    [InlineData(7, KpiUnit.Score, "7,0")]
    [InlineData(2625, KpiUnit.Count, "2.625")]
    [InlineData(690, KpiUnit.Per10000, "690 per 10.000 inwoners")]
    [InlineData(155.61, KpiUnit.EuroPerInhabitant, "€ 155,61 per inwoner")]
    [InlineData(14100000, KpiUnit.Euro, "€ 14.100.000")]
    public void Value_ShowsTheUnit(double value, KpiUnit unit, string expected) =>
        DutchFormat.Value((decimal)value, unit).Should().Be(expected);

    [Fact]
    public void Culture_IsDutch() => DutchFormat.Culture.Name.Should().Be("nl-NL");
}
