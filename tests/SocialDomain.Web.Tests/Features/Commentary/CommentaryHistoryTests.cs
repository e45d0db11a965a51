using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Commentary;

namespace SocialDomain.Web.Tests.Features.Commentary;

/// <summary>The KPI page's "Eerdere versies" (docs/time-model.md, "Toelichtingen en hun versies", step 5 and later).</summary>
public class CommentaryHistoryTests
{
    private static readonly DateTimeOffset At = new(2021, 1, 20, 9, 0, 0, TimeSpan.Zero);

    private static CommentaryVersionRow Row(int quarter, int version, CommentaryStatus status, string text) =>
        new(2020, quarter, version, status, text, "adviseur", At.AddDays(version), status == CommentaryStatus.Published ? At.AddDays(version) : null,
            status == CommentaryStatus.Published ? "adviseur" : null);

    // 2020-K4: A and B published, then draft C. 2020-K3: one published version, nothing earlier.
    private static readonly CommentaryVersionRow[] Versions =
    [
        Row(4, 1, CommentaryStatus.Published, "A"), Row(4, 3, CommentaryStatus.Draft, "C"), Row(4, 2, CommentaryStatus.Published, "B"),
        Row(3, 1, CommentaryStatus.Published, "enige"),
    ];

    [Fact]
    public void Earlier_ForReaders_IsThePublishedVersionsBeforeTheOneShown_NewestFirst()
    {
        var earlier = CommentaryHistory.Earlier(Versions, includeDrafts: false);

        earlier[Period.OfQuarter(2020, 4)].Select(v => v.Text).Should().Equal("A");
        earlier[Period.OfQuarter(2020, 3)].Should().BeEmpty();
    }

    [Fact]
    public void Earlier_ForStaff_AlsoHasTheDrafts_ButNotTheVersionShown()
    {
        var earlier = CommentaryHistory.Earlier(Versions, includeDrafts: true);

        earlier[Period.OfQuarter(2020, 4)].Select(v => (v.Version, v.Text)).Should().Equal((3, "C"), (1, "A"));
    }
}
