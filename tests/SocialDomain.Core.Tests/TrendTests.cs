using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "Trend".</summary>
public class TrendTests
{
    // G40 average net cost for Jeugd per inhabitant, jaarrekening 2017–2019 (seed 003, Bijlage 1, line 380).
    private static readonly TrendPoint[] G40JeugdNetCost =
    [
        new(Period.OfYear(2017), 263.4m),
        new(Period.OfYear(2018), 281.1m),
        new(Period.OfYear(2019), 301.6m),
    ];

    // Seed 000, Hoofddoel I: share of residents finding staff customer-friendly, 56% (2016) → 77% (2018); no 2017 figure.
    private static readonly TrendPoint[] CustomerFriendly =
    [
        new(Period.OfYear(2016), 56m),
        new(Period.OfYear(2018), 77m),
    ];

    [Fact]
    public void Fit_OfG40JeugdNetCost_HasSlope19Point1PerYear_AndRSquared0Point998()
    {
        var trend = Trend.Fit(G40JeugdNetCost).Value;

        trend.SlopePerPeriod.Should().Be(19.1m);
        trend.SlopePerYear.Should().Be(19.1m);
        trend.Intercept.Should().BeApproximately(262.9333m, 0.0001m);
        trend.RSquared!.Value.Should().BeApproximately(0.998212m, 0.000001m);
        trend.Points.Should().Be(3);
        trend.ValueAt(Period.OfYear(2020)).Should().BeApproximately(320.2333m, 0.0001m);
    }

    [Fact]
    public void ChangeAgainstPreviousPeriod_OfG40JeugdNetCost_Is7Point29Percent() =>
        DutchFormat.Round(Trend.ChangeAgainstPreviousPeriod(G40JeugdNetCost).Value, 2).Should().Be(7.29m);

    [Fact]
    public void CompoundAnnualGrowth_OfG40JeugdNetCost_Is7Point01Percent() =>
        DutchFormat.Round(Trend.CompoundAnnualGrowth(G40JeugdNetCost).Value, 2).Should().Be(7.01m);

    [Fact]
    public void Fit_RespectsGapsBetweenPeriods()
    {
        var trend = Trend.Fit(CustomerFriendly).Value;

        trend.SlopePerPeriod.Should().Be(10.5m); // 21 points over two years
        trend.RSquared.Should().Be(1m);
        DutchFormat.Round(Trend.CompoundAnnualGrowth(CustomerFriendly).Value, 2).Should().Be(17.26m);
    }

    [Fact]
    public void ChangeAgainstPreviousPeriod_IsNotApplicable_WhenThePreviousPeriodIsMissing()
    {
        var change = Trend.ChangeAgainstPreviousPeriod(CustomerFriendly);

        change.Outcome.Should().Be(Outcome.NotApplicable);
        change.Reason.Should().Be("vergelijkingsperiode 2017 ontbreekt");
    }

    [Fact]
    public void ChangeAgainstSamePeriodLastYear_ComparesTheSameQuarter()
    {
        TrendPoint[] series =
        [
            new(Period.OfQuarter(2019, 3), 80m),
            new(Period.OfQuarter(2019, 4), 90m),
            new(Period.OfQuarter(2020, 3), 100m),
        ];

        Trend.ChangeAgainstSamePeriodLastYear(series).Value.Should().Be(25m);
        Trend.ChangeAgainstPreviousPeriod(series, Period.OfQuarter(2019, 4)).Value.Should().Be(12.5m);
    }

    public static TheoryData<TrendPoint[]> TooShort => new()
    {
        Array.Empty<TrendPoint>(),
        new[] { new TrendPoint(Period.OfYear(2019), 1m) },
    };

    [Theory]
    [MemberData(nameof(TooShort))]
    public void Trend_IsInsufficientData_BelowTwoPoints(TrendPoint[] series)
    {
        Trend.Fit(series).Outcome.Should().Be(Outcome.InsufficientData);
        Trend.Fit(series).Reason.Should().Be("onvoldoende gegevens: minder dan twee metingen");
        Trend.CompoundAnnualGrowth(series).Outcome.Should().Be(Outcome.InsufficientData);
        Trend.ChangeAgainstPreviousPeriod(series).Outcome.Should().Be(Outcome.InsufficientData);
    }

    [Fact]
    public void Fit_IsNotApplicable_ForAMixOfYearsAndQuarters()
    {
        TrendPoint[] series = [new(Period.OfYear(2019), 1m), new(Period.OfQuarter(2020, 1), 2m)];
        Trend.Fit(series).Outcome.Should().Be(Outcome.NotApplicable);
    }

    [Fact]
    public void Fit_IsNotApplicable_WhenAPeriodOccursTwice()
    {
        TrendPoint[] series = [new(Period.OfYear(2019), 1m), new(Period.OfYear(2020), 2m), new(Period.OfYear(2019), 3m)];
        var fit = Trend.Fit(series);
        fit.Outcome.Should().Be(Outcome.NotApplicable);
        fit.Reason.Should().Be("periode 2019 komt twee keer voor");
    }

    [Fact]
    public void Fit_OrdersAnUnorderedSeries() =>
        Trend.Fit(G40JeugdNetCost.Reverse().ToArray()).Value.SlopePerPeriod.Should().Be(19.1m);

    [Fact]
    public void Fit_OfAConstantSeries_HasNoRSquared()
    {
        TrendPoint[] series = [new(Period.OfYear(2019), 5m), new(Period.OfYear(2020), 5m)];
        var trend = Trend.Fit(series).Value;

        trend.SlopePerPeriod.Should().Be(0m);
        trend.RSquared.Should().BeNull();
    }

    [Fact]
    public void Fit_OfAQuarterlySeries_ReportsTheSlopePerQuarterAndPerYear()
    {
        TrendPoint[] series = [new(Period.OfQuarter(2020, 1), 64m), new(Period.OfQuarter(2020, 2), 66m), new(Period.OfQuarter(2020, 3), 68m)];
        var trend = Trend.Fit(series).Value;

        trend.SlopePerPeriod.Should().Be(2m);
        trend.SlopePerYear.Should().Be(8m);
    }
}
