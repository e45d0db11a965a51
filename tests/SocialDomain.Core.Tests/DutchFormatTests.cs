using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>
/// The Dutch formatter and pluraliser (issue 18 item 6). Expected strings are written with explicit escapes: U+2212 is
/// the true minus, U+00A0 the non-breaking space after €.
/// </summary>
public class DutchFormatTests
{
    private const string Nbsp = "\u00A0";
    private const string Minus = "\u2212";

    [Theory]
    [InlineData(6.7305, 1, "6,7%")]
    [InlineData(13.0608, 2, "13,06%")]
    [InlineData(-11.8935, 1, Minus + "11,9%")]
    [InlineData(0.05, 1, "0,1%")] // half away from zero
    [InlineData(-0.04, 1, "0,0%")] // rounds to zero: no sign
    public void Percent_UsesADecimalCommaAndTheTrueMinus(double value, int decimals, string expected) =>
        DutchFormat.Percent((decimal)value, decimals).Should().Be(expected);

    [Theory]
    [InlineData(1163470, 0, "€" + Nbsp + "1.163.470")] // issue 18: "€ 1.163.470"
    [InlineData(184.3, 2, "€" + Nbsp + "184,30")]
    [InlineData(-2730000, 0, "€" + Nbsp + Minus + "2.730.000")]
    [InlineData(-280.3, 2, "€" + Nbsp + Minus + "280,30")] // issue 18: "-280,30" next to "−10"
    public void Euro_UsesDutchSeparatorsANonBreakingSpaceAndTheTrueMinus(double value, int decimals, string expected) =>
        DutchFormat.Euro((decimal)value, decimals).Should().Be(expected);

    [Theory]
    [InlineData(-280.30, 2, Minus + "280,3")]
    [InlineData(7.2, 2, "7,2")]
    [InlineData(-234.4849, 2, Minus + "234,48")]
    [InlineData(1000, 2, "1.000")]
    public void Compact_ShowsOnlyTheDecimalsItNeeds(double value, int maxDecimals, string expected) =>
        DutchFormat.Compact((decimal)value, maxDecimals).Should().Be(expected);

    [Theory]
    [InlineData(5200, "€" + Nbsp + "5.200")] // issue 18: "€ 344,00" next to "€ 5.200"
    [InlineData(344, "€" + Nbsp + "344")]
    [InlineData(344.5, "€" + Nbsp + "344,50")]
    [InlineData(-12.005, "€" + Nbsp + Minus + "12,01")]
    public void Money_ShowsCentsOnlyWhenThereAreCents(double value, string expected) =>
        DutchFormat.Money((decimal)value).Should().Be(expected);

    [Theory]
    [InlineData(new[] { 344.0, 5200.0 }, 0)]
    [InlineData(new[] { 344.0, 5200.5 }, 2)]
    [InlineData(new double[0], 0)]
    public void EuroDecimals_AreTheSameForAWholeColumn(double[] amounts, int expected) =>
        DutchFormat.EuroDecimals(amounts.Select(a => (decimal?)a).Append(null)).Should().Be(expected);

    [Theory]
    [InlineData(155.61, "€" + Nbsp + "155,61 per inwoner")]
    [InlineData(-191.4, "€" + Nbsp + Minus + "191,40 per inwoner")]
    public void PerInhabitant_AlwaysHasCents(double value, string expected) =>
        DutchFormat.PerInhabitant((decimal)value).Should().Be(expected);

    [Theory]
    [InlineData(9.1, 1, "+9,1")]
    [InlineData(-10, 0, Minus + "10")]
    [InlineData(-1234.5, 1, Minus + "1.234,5")]
    [InlineData(0, 1, "±0,0")]
    [InlineData(-0.01, 1, "±0,0")]
    public void Signed_UsesPlusTrueMinusAndPlusMinusForZero(double value, int decimals, string expected) =>
        DutchFormat.Signed((decimal)value, decimals).Should().Be(expected);

    [Theory]
    [InlineData(9.1, "+9,1%")]
    [InlineData(-4.7, Minus + "4,7%")]
    public void SignedPercent_HasASign(double value, string expected) =>
        DutchFormat.SignedPercent((decimal)value).Should().Be(expected);

    [Theory]
    [InlineData(-280.3, 2, Minus + "€" + Nbsp + "280,30")]
    [InlineData(12, 0, "+€" + Nbsp + "12")]
    public void SignedEuro_PutsTheSignBeforeTheEuroSign(double value, int decimals, string expected) =>
        DutchFormat.SignedEuro((decimal)value, decimals).Should().Be(expected);

    [Theory]
    [InlineData(1.25, "+1,3 procentpunt")]
    [InlineData(-2, Minus + "2,0 procentpunt")]
    public void PercentagePoints_AreSignedPoints(double value, string expected) =>
        DutchFormat.PercentagePoints((decimal)value).Should().Be(expected);

    [Theory]
    [InlineData(72, KpiUnit.Percent, "72%")]
    [InlineData(71.6, KpiUnit.Percent, "71,6%")]
    [InlineData(-3.5, KpiUnit.Percent, Minus + "3,5%")]
    [InlineData(7.5, KpiUnit.Weeks, "7,5 weken")]
    [InlineData(1, KpiUnit.Weeks, "1 week")]
    [InlineData(12, KpiUnit.Days, "12 dagen")]
    [InlineData(7, KpiUnit.Score, "7,0")]
    [InlineData(2625, KpiUnit.Count, "2.625")]
    [InlineData(690, KpiUnit.Per10000, "690 per 10.000 inwoners")]
    [InlineData(155.61, KpiUnit.EuroPerInhabitant, "€" + Nbsp + "155,61 per inwoner")]
    [InlineData(14100000, KpiUnit.Euro, "€" + Nbsp + "14.100.000")]
    public void Value_ShowsTheUnit(double value, KpiUnit unit, string expected) =>
        DutchFormat.Value((decimal)value, unit).Should().Be(expected);

    [Theory]
    [InlineData(3, KpiUnit.Percent, "+3 procentpunt")]
    [InlineData(-1.5, KpiUnit.Days, Minus + "1,5 dagen")]
    [InlineData(-10, KpiUnit.Count, Minus + "10")]
    [InlineData(0, KpiUnit.Weeks, "±0 weken")]
    [InlineData(-280.3, KpiUnit.Euro, Minus + "€" + Nbsp + "280")]
    public void Change_IsSignedAndPercentagesAreInPoints(double value, KpiUnit unit, string expected) =>
        DutchFormat.Change((decimal)value, unit).Should().Be(expected);

    [Theory]
    [InlineData(1, "KPI heeft", "KPI's hebben", "1 KPI heeft")]
    [InlineData(2, "KPI heeft", "KPI's hebben", "2 KPI's hebben")]
    [InlineData(0, "KPI heeft", "KPI's hebben", "0 KPI's hebben")]
    [InlineData(1, "regel gelezen", "regels gelezen", "1 regel gelezen")]
    [InlineData(6, "probleem", "problemen", "6 problemen")]
    [InlineData(1, "probleem", "problemen", "1 probleem")]
    [InlineData(1000, "regel", "regels", "1.000 regels")]
    public void Plural_AgreesWithTheCount(long count, string singular, string plural, string expected) =>
        DutchPlural.Count(count, singular, plural).Should().Be(expected);

    [Theory]
    [InlineData(1, "heeft")]
    [InlineData(42, "hebben")]
    public void PluralForm_ChoosesTheVerb(long count, string expected) =>
        DutchPlural.Form(count, "heeft", "hebben").Should().Be(expected);

    [Fact]
    public void Culture_IsDutch() => DutchFormat.Culture.Name.Should().Be("nl-NL");
}
