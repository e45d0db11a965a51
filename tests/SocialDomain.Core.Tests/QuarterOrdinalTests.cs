using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "A KPI at a quarter" (when a figure counts).</summary>
public class QuarterOrdinalTests
{
    [Theory]
    [InlineData("2020-K3", "2020-K3", 8082)]
    [InlineData("2020-K4", "2020-K4", 8083)]
    [InlineData("2020", "2020-K4", 8083)] // a year counts from its fourth quarter
    [InlineData("2021-K1", "2021-K1", 8084)]
    public void EndQuarterAndOrdinal_CountAYearFromItsFourthQuarter(string period, string endQuarter, int ordinal)
    {
        var p = Period.Parse(period);

        QuarterOrdinal.EndQuarter(p).ToString().Should().Be(endQuarter);
        QuarterOrdinal.Of(p).Should().Be(ordinal);
        QuarterOrdinal.Of(p.Year, p.Quarter).Should().Be(ordinal);
    }

    [Theory]
    [InlineData("2020-K3", "2020-K3", true)]
    [InlineData("2020", "2020-K3", false)]
    [InlineData("2020", "2020-K4", true)]
    [InlineData("2020-K4", "2020-K3", false)]
    public void IsPublished_WhenTheFigureCountsInOrBeforeTheLatestPublishedQuarter(string period, string latest, bool published) =>
        QuarterOrdinal.IsPublished(Period.Parse(period), Period.Parse(latest)).Should().Be(published);

    [Fact]
    public void IsPublished_IsFalse_WhenNothingIsPublished() =>
        QuarterOrdinal.IsPublished(Period.OfYear(2019), null).Should().BeFalse();
}
