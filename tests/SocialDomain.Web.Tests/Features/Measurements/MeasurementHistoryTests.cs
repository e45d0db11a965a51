using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Measurements;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Tests.Features.Measurements;

/// <summary>Which changes of a KPI's values a reader sees on the KPI page (issue 15 item 1, issue 16 item 4).</summary>
public class MeasurementHistoryTests
{
    private static readonly DateTimeOffset Day1 = new(2021, 4, 10, 9, 0, 0, TimeSpan.Zero);

    private static ValueChange Change(string period, int version, MeasurementChange change, string by, DateTimeOffset at) =>
        new(Period.Parse(period), version, change, 80m + version, MeasurementStatus.Provisional, change == MeasurementChange.Corrected ? "telfout" : null, by, at, "dashboard", "");

    private static readonly IReadOnlyList<ValueChange> History =
    [
        Change("2021-K2", 1, MeasurementChange.Entered, "adviseur", Day1.AddDays(90)),
        Change("2021-K1", 3, MeasurementChange.Corrected, "adviseur", Day1.AddDays(30)),
        Change("2021-K1", 2, MeasurementChange.Confirmed, "controller1", Day1.AddDays(2)),
        Change("2021-K1", 1, MeasurementChange.Entered, "adviseur", Day1),
        Change("2020", 1, MeasurementChange.Imported, "import", Day1.AddDays(-200)),
    ];

    [Fact]
    public void Staff_SeeEveryChange_WithLoginNames()
    {
        var visible = MeasurementHistory.Visible(History, showsUnpublished: true, latestPublished: null, stand: null);

        visible.Should().Equal(History);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("2020-K4", "2020 v1 import")]
    [InlineData("2021-K1", "2021-K1 v3 medewerker|2021-K1 v2 controller|2021-K1 v1 medewerker|2020 v1 import")]
    public void Public_SeePublishedPeriodsOnly_WithRolesInsteadOfLoginNames(string? latestPublished, string expected)
    {
        var visible = MeasurementHistory.Visible(History, showsUnpublished: false, latestPublished is null ? null : Period.Parse(latestPublished), stand: null);

        string.Join("|", visible.Select(v => $"{v.Period} v{v.Version} {v.ChangedBy}")).Should().Be(expected);
    }

    [Fact]
    public void AtAStand_OnlyChangesMadeByTheEndOfThatDayCount()
    {
        var stand = new Stand(DateOnly.FromDateTime(Day1.AddDays(2).UtcDateTime));

        var visible = MeasurementHistory.Visible(History, showsUnpublished: false, Period.Parse("2021-K1"), stand);

        visible.Select(v => v.Version).Should().Equal(2, 1, 1);
    }

    [Fact]
    public void Revised_AreThePeriodsWithMoreThanOneVersion_AndLastChangedIsTheNewest()
    {
        MeasurementHistory.Revised(History).Select(p => p.ToString()).Should().Equal("2021-K1");
        MeasurementHistory.LastChanged(History)[Period.Parse("2021-K1")].Should().Be(Day1.AddDays(30));
    }
}
