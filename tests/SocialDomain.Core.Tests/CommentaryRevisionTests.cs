using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/time-model.md, section "Toelichtingen en hun versies", the worked example (steps 1–7).</summary>
public class CommentaryRevisionTests
{
    /// <summary>The stored versions as "1P:A,2D:B" (number, P published / D draft, text); "" for none.</summary>
    private static List<CommentaryVersionState> Versions(string versions) =>
        versions.Length == 0
            ? []
            : versions.Split(',').Select(v => new CommentaryVersionState(
                int.Parse(v[..v.IndexOf(':', StringComparison.Ordinal)][..^1], System.Globalization.CultureInfo.InvariantCulture),
                v[v.IndexOf(':', StringComparison.Ordinal) - 1] == 'P' ? CommentaryStatus.Published : CommentaryStatus.Draft,
                v[(v.IndexOf(':', StringComparison.Ordinal) + 1)..])).ToList();

    [Theory]
    // step, versions before, action, text → what is stored, version, head takes the text, head status
    [InlineData(1, "", CommentaryAction.SaveDraft, "A", CommentaryRevisionKind.AppendDraft, 1, true, CommentaryStatus.Draft)]
    [InlineData(2, "1D:A", CommentaryAction.Publish, "A", CommentaryRevisionKind.PublishLatestDraft, 1, true, CommentaryStatus.Published)]
    [InlineData(3, "1P:A", CommentaryAction.SaveDraft, "B", CommentaryRevisionKind.AppendDraft, 2, false, CommentaryStatus.Published)]
    [InlineData(4, "1P:A,2D:B", CommentaryAction.SaveDraft, "B", CommentaryRevisionKind.Unchanged, 2, false, CommentaryStatus.Published)]
    [InlineData(5, "1P:A,2D:B", CommentaryAction.Publish, "B", CommentaryRevisionKind.PublishLatestDraft, 2, true, CommentaryStatus.Published)]
    [InlineData(6, "1P:A,2P:B", CommentaryAction.Publish, "C", CommentaryRevisionKind.AppendPublished, 3, true, CommentaryStatus.Published)]
    [InlineData(7, "1P:A,2P:B,3P:C", CommentaryAction.SaveDraft, "C", CommentaryRevisionKind.Unchanged, 3, false, CommentaryStatus.Published)]
    public void Plan_FollowsTheWorkedExample(int step, string before, CommentaryAction action, string text,
        CommentaryRevisionKind kind, int version, bool headTakesText, CommentaryStatus headStatus) =>
        CommentaryRevision.Plan(Versions(before), text, action).Should().Be(new CommentaryRevisionPlan(kind, version, headTakesText, headStatus), $"step {step}");

    [Theory]
    [InlineData("", CommentaryAction.Publish, "A", CommentaryRevisionKind.AppendPublished, 1, CommentaryStatus.Published)] // published at once
    [InlineData("1D:A", CommentaryAction.SaveDraft, "B", CommentaryRevisionKind.AppendDraft, 2, CommentaryStatus.Draft)] // never published: the head follows the draft
    [InlineData("1P:A,2D:B", CommentaryAction.Publish, "B2", CommentaryRevisionKind.AppendPublished, 3, CommentaryStatus.Published)] // edited draft: a new version
    [InlineData("1P:A,2D:B", CommentaryAction.SaveDraft, "A", CommentaryRevisionKind.AppendDraft, 3, CommentaryStatus.Published)] // back to A is a new draft
    [InlineData("2D:B,1P:A", CommentaryAction.Publish, "B", CommentaryRevisionKind.PublishLatestDraft, 2, CommentaryStatus.Published)] // order does not matter
    public void Plan_OtherCases(string before, CommentaryAction action, string text, CommentaryRevisionKind kind, int version, CommentaryStatus headStatus)
    {
        var plan = CommentaryRevision.Plan(Versions(before), text, action);

        (plan.Kind, plan.Version, plan.HeadStatus).Should().Be((kind, version, headStatus));
    }

    [Fact]
    public void Plan_IsCaseSensitive_AChangedLetterIsANewVersion() =>
        CommentaryRevision.Plan(Versions("1P:Wachttijd"), "wachttijd", CommentaryAction.SaveDraft).Kind.Should().Be(CommentaryRevisionKind.AppendDraft);

    [Theory]
    [InlineData(null, "Schrijf de toelichting: wat is het verhaal achter de cijfers?")]
    [InlineData("", "Schrijf de toelichting: wat is het verhaal achter de cijfers?")]
    [InlineData(" \r\n\t ", "Schrijf de toelichting: wat is het verhaal achter de cijfers?")]
    public void Normalize_RefusesAnEmptyText(string? text, string problem) =>
        CommentaryRevision.Normalize(text).Should().Be(new CommentaryTextCheck(null, problem));

    [Fact]
    public void Normalize_AcceptsTheMaximumLength_AndRefusesOneMore()
    {
        CommentaryRevision.Normalize(new string('x', 8000)).Text.Should().HaveLength(8000);
        CommentaryRevision.Normalize(new string('x', 8001)).Should().Be(new CommentaryTextCheck(null, "De toelichting is te lang (8001 tekens; maximaal 8000)."));
    }

    [Fact]
    public void Normalize_TrimsAndStoresLineEndsAsNewlines() =>
        CommentaryRevision.Normalize("  Eerste regel\r\nTweede regel\rDerde\n ").Text.Should().Be("Eerste regel\nTweede regel\nDerde");
}
