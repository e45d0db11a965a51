using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Tests.Features.Publication;

/// <summary>The one home of publication visibility, without database or browser.</summary>
public class VisibilityTests
{
    [Fact]
    public void FirstPublishedValues_TakesTheEarliestPublicationThatShowedThePeriod()
    {
        var values = Visibility.FirstPublishedValues(
        [
            new PublishedFigureRow(Period.OfQuarter(2021, 1), 2020, null, 62m),
            new PublishedFigureRow(Period.OfQuarter(2020, 4), 2020, null, 60m),
            new PublishedFigureRow(Period.OfQuarter(2020, 3), null, null, null),
        ]);

        values.Should().Equal(new Dictionary<Period, decimal> { [Period.OfYear(2020)] = 60m });
    }

    [Theory]
    [InlineData(62.0, 60.0, true)]
    [InlineData(60.0, 60.0, false)]
    [InlineData(60.0, null, false)]
    public void IsChangedAfterPublication_WhenThePublishedValueDiffers(double value, double? published, bool changed) =>
        Visibility.IsChangedAfterPublication((decimal)value, (decimal?)published).Should().Be(changed);

    [Theory]
    [InlineData("2020", 62.0, "2020", 60.0, true)] // corrected value
    [InlineData("2020-K4", 60.0, "2020", 60.0, true)] // a later period now shown
    [InlineData("2020", 60.0, "2020", 60.0, false)]
    [InlineData("2020", 60.0, null, null, true)] // the publication had no measurement
    public void IsChangedSincePublication_ComparesPeriodAndValue(string live, double liveValue, string? period, double? value, bool changed)
    {
        var point = new MeasurementPoint(Period.Parse(live), (decimal)liveValue, MeasurementStatus.Final, false);

        Visibility.IsChangedSincePublication(point, period is null ? null : Period.Parse(period), (decimal?)value).Should().Be(changed);
    }

    [Fact]
    public void IsChangedSincePublication_IsFalse_WithoutALiveMeasurement() =>
        Visibility.IsChangedSincePublication(null, null, null).Should().BeFalse();

    [Fact]
    public void Sql_BuildsTheSameOrdinalAsCore()
    {
        Visibility.Sql.Ordinal("m.year", "m.quarter").Should().Be("(m.year * 4 + coalesce(m.quarter, 4) - 1)");
        Visibility.Sql.IsPublished("m").Should().Be("(m.year * 4 + coalesce(m.quarter, 4) - 1) <= latest.ordinal");
        QuarterOrdinal.Of(2020, null).Should().Be((2020 * 4) + 4 - 1);
    }

    [Fact]
    public void LatestPublished_IsTheNewestQuarter_OrNullWhenNoneIsPublished()
    {
        Visibility.LatestPublished([Period.OfQuarter(2020, 3), Period.OfQuarter(2020, 4)]).Should().Be(Period.OfQuarter(2020, 4));
        Visibility.LatestPublished([]).Should().BeNull();
        Visibility.IsPublished(Period.OfYear(2020), Period.OfQuarter(2020, 3)).Should().BeFalse();
    }
}
