using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>The worked examples of docs/calculations.md, "Te leveren".</summary>
public class DeliveryTests
{
    [Theory]
    [InlineData(KpiFrequency.Quarter, "2021-K1", "2021-K1", "2021-05-12")]
    [InlineData(KpiFrequency.Quarter, "2020-K4", "2020-K4", "2021-02-11")]
    [InlineData(KpiFrequency.Year, "2020-K4", "2020", "2021-02-11")]
    [InlineData(KpiFrequency.Year, "2021-K2", null, null)]
    [InlineData(KpiFrequency.Year, "2021-K1", null, null)]
    public void DueIn_FollowsTheFrequency_AndTheSixWeekTerm(KpiFrequency frequency, string quarter, string? period, string? dueDate)
    {
        var due = Delivery.DueIn(frequency, Period.Parse(quarter));

        due?.Period.ToString().Should().Be(period);
        due?.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).Should().Be(dueDate);
        (due is null).Should().Be(period is null);
    }

    [Theory]
    [InlineData(false, "2021-02-11", DeliveryState.Missing)]
    [InlineData(false, "2021-02-12", DeliveryState.Late)]
    [InlineData(true, "2022-01-01", DeliveryState.Delivered)]
    [InlineData(false, "2020-11-01", DeliveryState.Missing)]
    public void StateOf_IsLateOnlyAfterTheDueDate(bool delivered, string today, DeliveryState expected)
    {
        var due = Delivery.DueIn(KpiFrequency.Year, Period.OfQuarter(2020, 4))!;

        Delivery.StateOf(delivered, due, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);
    }

    [Fact]
    public void DueIn_WithATermOfZero_IsDueOnTheLastDayOfThePeriod()
    {
        Delivery.DueIn(KpiFrequency.Quarter, Period.OfQuarter(2021, 2), termDays: 0)!.DueDate.Should().Be(new DateOnly(2021, 6, 30));
    }

    [Theory]
    [InlineData("2026-12-03", "2026-K3")]
    [InlineData("2026-01-01", "2025-K4")]
    [InlineData("2026-03-31", "2025-K4")]
    public void LastEndedQuarter_IsTheQuarterBeforeToday(string today, string expected)
    {
        Delivery.LastEndedQuarter(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ToString().Should().Be(expected);
    }

    [Fact]
    public void DueIn_RefusesAYear()
    {
        var act = () => Delivery.DueIn(KpiFrequency.Year, Period.OfYear(2020));
        act.Should().Throw<ArgumentException>();
    }
}
