using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;

namespace SocialDomain.Web.Tests.Features.Kpis;

/// <summary>Where a chart's value axis starts, and the sentence the chart's text alternative gets (issue 18 item 5).</summary>
public class ChartAxisTests
{
    [Theory]
    [InlineData(KpiUnit.Percent, new[] { 60.0, 72.0, 95.0 }, 0.0, "De verticale as begint bij 0.")]
    [InlineData(KpiUnit.Count, new[] { 2304.0, 2410.0 }, 0.0, "De verticale as begint bij 0.")]
    [InlineData(KpiUnit.Euro, new[] { 13932000.0 }, 0.0, "De verticale as begint bij 0.")]
    [InlineData(KpiUnit.Weeks, new[] { 7.5 }, 0.0, "De verticale as begint bij 0.")]
    [InlineData(KpiUnit.Score, new[] { 7.0, 6.8, 7.4 }, 5.0, "De verticale as begint bij 5, niet bij 0 (een rapportcijfer).")]
    [InlineData(KpiUnit.Score, new[] { 1.5 }, 0.0, "De verticale as begint bij 0.")]
    public void For_StartsAtZero_ExceptForAReportMark(KpiUnit unit, double[] plotted, double expectedMin, string expectedText)
    {
        var axis = ChartAxis.For(unit, plotted.Select(v => (decimal)v));

        axis.Min.Should().Be((decimal)expectedMin);
        axis.Text.Should().Be(expectedText);
    }

    [Fact]
    public void For_NegativeValues_LetsTheAxisStartBelowZero_AndSaysSo()
    {
        var axis = ChartAxis.For(KpiUnit.Euro, [-280.3m, 120m]);

        axis.Min.Should().BeNull();
        axis.Text.Should().Be("De verticale as begint onder nul, bij de laagste waarde.");
    }

    [Fact]
    public void UnitKey_NamesEveryUnit()
    {
        Enum.GetValues<KpiUnit>().Select(ChartAxis.UnitKey).Should().OnlyHaveUniqueItems().And.HaveCount(Enum.GetValues<KpiUnit>().Length);
    }
}
