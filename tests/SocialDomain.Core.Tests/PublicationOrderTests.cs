using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>The worked examples of docs/time-model.md, "Publiceren in volgorde" (today in 2021-K2; data for 2020-K1 up to 2021-K2).</summary>
public class PublicationOrderTests
{
    private static readonly Period Current = Period.Parse("2021-K2");

    private static readonly Period[] WithData = Periods("2020-K1,2020-K2,2020-K3,2020-K4,2021-K1,2021-K2");

    [Theory]
    [InlineData("2020-K3", "2020-K1,2020-K2", true, "", false)]
    [InlineData("2020-K4", "2020-K1,2020-K2", true, "2020-K3", false)]
    [InlineData("2021-K1", "2020-K1,2020-K2", true, "2020-K3,2020-K4", false)]
    [InlineData("2020-K2", "2020-K1,2020-K2", true, "", true)]
    [InlineData("2021-K2", "2020-K1,2020-K2", false, "", false)]
    [InlineData("2021-K3", "2020-K1,2020-K2", false, "", false)]
    [InlineData("2019-K4", "", false, "", false)]
    [InlineData("2020-K3", "", true, "", false)]
    [InlineData("2020-K1", "2020-K2", false, "", false)]
    public void Check_PublishesEndedQuartersWithData_InOrder_OrWithACatchUp(string quarter, string published, bool allowed, string skipped, bool correction)
    {
        var check = PublicationOrder.Check(Period.Parse(quarter), Current, WithData, Periods(published));

        check.Allowed.Should().Be(allowed, check.Refusal);
        check.Skipped.Should().Equal(Periods(skipped));
        check.IsCorrection.Should().Be(correction);
        check.NeedsCatchUp.Should().Be(skipped.Length > 0);
    }

    [Fact]
    public void Check_NamesTheFirstDayAFutureQuarterCanBePublished()
    {
        PublicationOrder.Check(Period.Parse("2021-K2"), Current, WithData, []).Refusal.Should()
            .Be("Kwartaal 2021-K2 is nog niet voorbij: een kwartaal kan worden gepubliceerd vanaf 01-07-2021.");
    }

    [Fact]
    public void CatchUpText_ListsTheSkippedQuarters()
    {
        PublicationOrder.CatchUpText(Period.Parse("2021-K1"), Periods("2020-K3,2020-K4")).Should().Contain("deze 2 kwartalen over: 2020-K3, 2020-K4");
    }

    private static Period[] Periods(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Period.Parse).ToArray();
}
