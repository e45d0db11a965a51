using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Core.Tests.SourceData;

namespace SocialDomain.Core.Tests;

/// <summary>
/// Expected values: docs/calculations.md, section "Growth". Source figures: seed 003, Bijlage 1 (Jeugd, line 381–382)
/// and Bijlage 2 (Wmo, line 724–725), the rows under "Gemiddelde van G40 gemeenten".
/// </summary>
public class GrowthTests
{
    private static readonly SourceRow JeugdAverageRow = SourceRow.Parse(Seed003.JeugdG40Average);
    private static readonly IReadOnlyList<SourceRow> Jeugd = SourceRow.ParseAll(Seed003.JeugdSaldo);
    private static readonly IReadOnlyList<SourceRow> Wmo = SourceRow.ParseAll(Seed003.WmoSaldo);

    // "Stijging gemiddeld lasten 2017 --> 2018-->2019  6,7%  7,3%" (Bijlage 1, line 381), from the printed
    // average row: −263,4 → −281,1 → −301,6.
    [Theory]
    [InlineData(SourceRow.Jaarrekening2017, SourceRow.Jaarrekening2018, 6.7)]
    [InlineData(SourceRow.Jaarrekening2018, SourceRow.Jaarrekening2019, 7.3)]
    public void JeugdLastenGrowth_FromThePrintedG40Average_ReproducesThePrintedFigure(int from, int to, double printed)
    {
        var growth = Growth.NetCostPercent(JeugdAverageRow.Total(from)!.Value, JeugdAverageRow.Total(to)!.Value);
        DutchFormat.Round(growth.Value, 1).Should().Be((decimal)printed);
    }

    // The same figures from the G40 average recomputed from the 40 members (6,73% and 7,30%).
    [Theory]
    [InlineData(SourceRow.Jaarrekening2017, SourceRow.Jaarrekening2018, 6.73)]
    [InlineData(SourceRow.Jaarrekening2018, SourceRow.Jaarrekening2019, 7.30)]
    public void JeugdLastenGrowth_FromTheRecomputedG40Average_ReproducesThePrintedFigure(int from, int to, double expected)
    {
        var growth = Growth.NetCostPercent(RecomputedMean(Jeugd, from), RecomputedMean(Jeugd, to));
        DutchFormat.Round(growth.Value, 2).Should().Be((decimal)expected);
    }

    // "Tekort begroot 2019/2020, t.o.v. lasten jaar ervoor  -11,9%  -7,1%" (Bijlage 1, line 382): the budget of
    // a year against the jaarrekening of the year before, from the printed average row (−281,1 → −247,6 and
    // −301,6 → −280,3). Note: the printed −280,3 counts Lelystad's missing value as 0; see DataQualityTests.
    [Theory]
    [InlineData(SourceRow.Jaarrekening2018, SourceRow.Begroting2019, -11.9)]
    [InlineData(SourceRow.Jaarrekening2019, SourceRow.Begroting2020, -7.1)]
    public void JeugdBudgetedDeficit_AgainstLastYearsLasten_ReproducesThePrintedFigure(int actuals, int budget, double printed)
    {
        var deficit = Growth.NetCostPercent(JeugdAverageRow.Total(actuals)!.Value, JeugdAverageRow.Total(budget)!.Value);
        DutchFormat.Round(deficit.Value, 1).Should().Be((decimal)printed);
    }

    [Fact]
    public void JeugdBudgetedDeficit2020_FromTheRecomputedAverage_IsMinus4Point7Percent()
    {
        // With Lelystad left out (n = 39) instead of counted as 0, the 2020 deficit is −4,7%, not the printed −7,1%.
        var deficit = Growth.NetCostPercent(RecomputedMean(Jeugd, SourceRow.Jaarrekening2019), RecomputedMean(Jeugd, SourceRow.Begroting2020));
        DutchFormat.Round(deficit.Value, 1).Should().Be(-4.7m);
    }

    // "Stijging gemiddeld lasten 2017 --> 2018-->2019  4,50%  13,06%" and "Extra/Tekort begroot 2019 en 2020,
    // t.o.v. lasten jaar ervoor  4,28%  -1,98%" (Bijlage 2, lines 724–725), from the G40 average recomputed
    // from the 40 members with unrounded means (n = 39 for 2020 begroting: Lelystad has no value).
    // 13,06%, 4,28% and −1,98% reproduce to two decimals. The members give 4,46% for 2017 → 2018: the printed
    // "4,50%" reproduces only at one decimal (4,5%), i.e. it is a one-decimal figure printed with a trailing zero,
    // like the G4's "-10,60%" (line 577). DataQualityTests shows the 0,04-point difference.
    [Theory]
    [InlineData(SourceRow.Jaarrekening2017, SourceRow.Jaarrekening2018, 1, 4.5)]
    [InlineData(SourceRow.Jaarrekening2017, SourceRow.Jaarrekening2018, 2, 4.46)]
    [InlineData(SourceRow.Jaarrekening2018, SourceRow.Jaarrekening2019, 2, 13.06)]
    [InlineData(SourceRow.Jaarrekening2018, SourceRow.Begroting2019, 2, 4.28)]
    [InlineData(SourceRow.Jaarrekening2019, SourceRow.Begroting2020, 2, -1.98)]
    public void WmoLastenGrowth_FromTheRecomputedG40Average_ReproducesThePrintedFigures(int from, int to, int decimals, double expected)
    {
        var growth = Growth.NetCostPercent(RecomputedMean(Wmo, from), RecomputedMean(Wmo, to));
        DutchFormat.Round(growth.Value, decimals).Should().Be((decimal)expected);
    }

    [Fact]
    public void WmoLastenGrowth2018To2019_FromThePrintedAverageRow_Is13Point08_NotThePrinted13Point06()
    {
        // The printed average row is rounded to one decimal (−210,3 → −237,8), which moves the growth by 0,02 points:
        // the printed 13,06% was computed from unrounded means.
        var row = SourceRow.Parse(Seed003.WmoG40Average);
        var growth = Growth.NetCostPercent(row.Total(SourceRow.Jaarrekening2018)!.Value, row.Total(SourceRow.Jaarrekening2019)!.Value);
        DutchFormat.Round(growth.Value, 2).Should().Be(13.08m);
    }

    [Theory]
    [InlineData(100, 110, 10)]
    [InlineData(110, 99, -10)]
    [InlineData(-100, -110, -10)] // a number that falls: −100 → −110 is −10% (use NetCostPercent for lasten)
    public void Percent_IsTheChangeAsPercentOfTheAbsoluteStartValue(int from, int to, int expected) =>
        Growth.Percent(from, to).Value.Should().Be(expected);

    [Fact]
    public void Percent_IsNotApplicable_WhenTheStartValueIsZero()
    {
        var growth = Growth.Percent(0m, 10m);
        growth.Outcome.Should().Be(Outcome.NotApplicable);
        growth.Reason.Should().Be("geen groeipercentage: de beginwaarde is 0");
    }

    [Fact]
    public void CompoundAnnual_OfG40JeugdNetCost2017To2019_Is7Point01Percent()
    {
        // 263,4 → 301,6 over two years (Bijlage 1, line 380): √(301,6 / 263,4) − 1 = 7,01%.
        DutchFormat.Round(Growth.CompoundAnnual(263.4m, 301.6m, 2m).Value, 2).Should().Be(7.01m);
    }

    [Theory]
    [InlineData(-263.4, -301.6, 2)]
    [InlineData(0, 301.6, 2)]
    [InlineData(263.4, 301.6, 0)]
    public void CompoundAnnual_IsNotApplicable_ForNonPositiveValuesOrYears(double from, double to, double years) =>
        Growth.CompoundAnnual((decimal)from, (decimal)to, (decimal)years).Outcome.Should().Be(Outcome.NotApplicable);

    [Fact]
    public void YearToDate_SumsK1UpToTheQuarter_AndComparesWithLastYear()
    {
        var series = Quarterly(2019, 10m, 20m, 30m, 40m).Concat(Quarterly(2020, 12m, 22m, 32m)).ToArray();

        Growth.YearToDateTotal(series, Period.OfQuarter(2020, 3)).Value.Should().Be(66m);
        Growth.YearToDateChange(series, Period.OfQuarter(2020, 3)).Value.Should().Be(10m); // 60 → 66
    }

    [Fact]
    public void YearToDate_IsNotApplicable_WhenAQuarterIsMissing()
    {
        var series = Quarterly(2020, 12m).Append(new TrendPoint(Period.OfQuarter(2020, 3), 32m)).ToArray();

        var total = Growth.YearToDateTotal(series, Period.OfQuarter(2020, 3));
        total.Outcome.Should().Be(Outcome.NotApplicable);
        total.Reason.Should().Be("ontbrekende kwartalen: 2020-K2");
    }

    private static decimal RecomputedMean(IReadOnlyList<SourceRow> rows, int group) =>
        Benchmark.Average(SourceRow.TotalColumn(rows, group)).Mean!.Value;

    private static IEnumerable<TrendPoint> Quarterly(int year, params decimal[] values) =>
        values.Select((v, i) => new TrendPoint(Period.OfQuarter(year, i + 1), v));
}
