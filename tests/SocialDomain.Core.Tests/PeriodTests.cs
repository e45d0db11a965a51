using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

public class PeriodTests
{
    [Theory]
    [InlineData("2020-K1", "2019-K4")]
    [InlineData("2020-K3", "2020-K2")]
    [InlineData("2020", "2019")]
    public void Previous_IsTheImmediatelyPrecedingPeriod(string period, string expected) =>
        Period.Parse(period).Previous().Should().Be(Period.Parse(expected));

    [Theory]
    [InlineData("2020-K4", "2021-K1")]
    [InlineData("2020-K1", "2020-K2")]
    [InlineData("2020", "2021")]
    public void Next_IsTheImmediatelyFollowingPeriod(string period, string expected) =>
        Period.Parse(period).Next().Should().Be(Period.Parse(expected));

    [Theory]
    [InlineData("2020-K3", "2019-K3")]
    [InlineData("2020-K1", "2019-K1")]
    [InlineData("2020", "2019")]
    public void SamePeriodLastYear_KeepsTheQuarter(string period, string expected) =>
        Period.Parse(period).SamePeriodLastYear().Should().Be(Period.Parse(expected));

    [Fact]
    public void YearToDate_OfAQuarter_IsK1UpToThatQuarter() =>
        Period.OfQuarter(2020, 3).YearToDate().Should().Equal(Period.OfQuarter(2020, 1), Period.OfQuarter(2020, 2), Period.OfQuarter(2020, 3));

    [Fact]
    public void YearToDate_OfAYear_IsTheYear() =>
        Period.OfYear(2020).YearToDate().Should().Equal(Period.OfYear(2020));

    [Fact]
    public void Ordering_IsChronological_WithTheYearBeforeItsQuarters()
    {
        var periods = new[] { Period.Parse("2020-K2"), Period.Parse("2019-K4"), Period.Parse("2020"), Period.Parse("2020-K1"), Period.Parse("2019") };
        periods.Order().Select(p => p.ToString()).Should().Equal("2019", "2019-K4", "2020", "2020-K1", "2020-K2");
    }

    [Theory]
    [InlineData("2019-K3", "2021-K2", 7)]
    [InlineData("2021-K2", "2019-K3", -7)]
    [InlineData("2017", "2019", 2)]
    public void PeriodsUntil_CountsPeriodsOfTheSameGranularity(string from, string to, int expected) =>
        Period.Parse(from).PeriodsUntil(Period.Parse(to)).Should().Be(expected);

    [Fact]
    public void PeriodsUntil_Throws_WhenMixingYearsAndQuarters()
    {
        var act = () => Period.OfYear(2020).PeriodsUntil(Period.OfQuarter(2020, 1));
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("2020-K3")]
    [InlineData("2021-K4")]
    [InlineData("2020")]
    public void FromOrdinal_IsTheInverseOfOrdinal(string text)
    {
        var period = Period.Parse(text);
        Period.FromOrdinal(period.Ordinal, period.Frequency).Should().Be(period);
    }

    [Theory]
    [InlineData("2020-K1", "2020-01-01", "2020-03-31")]
    [InlineData("2020-K3", "2020-07-01", "2020-09-30")]
    [InlineData("2020-K4", "2020-10-01", "2020-12-31")]
    [InlineData("2020", "2020-01-01", "2020-12-31")]
    public void StartAndEndDate_BoundThePeriod(string period, string start, string end)
    {
        var p = Period.Parse(period);
        p.StartDate.Should().Be(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        p.EndDate.Should().Be(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2020-08-15", KpiFrequency.Quarter, "2020-K3")]
    [InlineData("2020-12-31", KpiFrequency.Quarter, "2020-K4")]
    [InlineData("2020-08-15", KpiFrequency.Year, "2020")]
    public void Containing_UsesTheDatePassedIn(string date, KpiFrequency frequency, string expected) =>
        Period.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), frequency).ToString().Should().Be(expected);

    [Fact]
    public void ToString_IsDutch() => Period.OfQuarter(2020, 3).ToString().Should().Be("2020-K3");
}
