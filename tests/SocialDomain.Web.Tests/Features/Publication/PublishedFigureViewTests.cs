using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Tests.Features.Publication;

/// <summary>
/// The published view's pure builder. Worked example of docs/time-model.md ("Publicaties, correcties en stand"): Wmo
/// lead time, 2021-K1 published on 15-04-2021 at 75 % against target version 1 (80 %); on 10-05-2021 version 2 (70 %)
/// is recorded and the value corrected to 77 %.
/// </summary>
public class PublishedFigureViewTests
{
    private static readonly Period K1 = Period.OfQuarter(2021, 1);
    private static readonly DateTimeOffset PublishedAt = new(2021, 4, 15, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset ChangedAt = new(2021, 5, 10, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly PublicationHeader Publication = new(1, K1, 1, PublishedAt, "adviseur", null);

    private static readonly KpiDefinition Wmo = new()
    {
        Id = 1, Code = "WMO", Name = "Wmo binnen de termijn", Definition = "…", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter,
        Domain = SocialDomainArea.Wmo,
    };

    private static readonly TargetVersion Version1 = new() { KpiCode = "WMO", KpiName = "Wmo", Version = 1, TargetValue = 80m, ValidFromYear = 2020, ChangedAt = PublishedAt.AddYears(-1) };
    private static readonly TargetVersion Version2 = new() { KpiCode = "WMO", KpiName = "Wmo", Version = 2, TargetValue = 70m, ValidFromYear = 2021, ChangedAt = ChangedAt };

    private static List<MeasurementPoint> Series(decimal value) => [new(K1, value, MeasurementStatus.Provisional, false)];

    private static FrozenFigure Frozen(decimal value = 75m) => FrozenFigure.Freeze(Wmo, Version1,
        KpiEvaluation.Evaluate(Wmo.Rule, Version1.Terms, Series(value), K1), new PublishedCommentary("Oorspronkelijk", 1, PublishedAt));

    [Fact]
    public void Build_ShowsTheFrozenFigure_WithoutMarks_WhenNothingChanged()
    {
        var view = PublishedFigureView.Build(Wmo, [Version1], Series(75m), K1, Publication, Frozen(), new PublishedCommentary("Oorspronkelijk", 1, PublishedAt), null);

        view.Evaluation.Current!.Value.Should().Be(75m);
        view.Target!.Version.Should().Be(1);
        view.Status.Should().Be(KpiAssessment.Assess(75m, KpiTarget.Create(KpiDirection.HigherIsBetter, 80m), Tolerances.Default).Status);
        view.Changes.Should().BeEmpty();
        view.Addendum.Should().BeNull();
    }

    [Fact]
    public void Build_KeepsThePublishedFigures_AndMarksValueTargetDefinitionStatusAndCommentary()
    {
        var changed = Wmo with { Direction = KpiDirection.LowerIsBetter };
        var later = new PublishedCommentary("Aangevuld", 2, ChangedAt);

        var view = PublishedFigureView.Build(changed, [Version1, Version2], Series(90m), K1, Publication, Frozen(), later, null);
        var statusNow = KpiEvaluation.Evaluate(changed.Rule, Version2.Terms, Series(90m), K1).Status;

        view.Evaluation.Current!.Value.Should().Be(75m);
        view.Target!.TargetValue.Should().Be(80m);
        view.Status.Should().Be(Frozen().Status);
        view.ChangesOf(ChangeKind.Value).Single().Text.Should().Be("Waarde gewijzigd na publicatie: nu 90% (2021-K1), bij publicatie 75%; datum van de wijziging onbekend");
        view.ChangesOf(ChangeKind.Target).Single().Text.Should().Be("Streefwaarde gewijzigd na publicatie: nu 70% (versie 2), bij publicatie 80% (versie 1); vastgelegd op 10-05-2021");
        view.ChangesOf(ChangeKind.Definition).Single().Text.Should().Be("Richting gewijzigd na publicatie: nu lager is beter, bij publicatie hoger is beter; datum van de wijziging onbekend");
        statusNow.Should().NotBe(Frozen().Status, "90 % with lower is better against 70 % is judged otherwise than 75 % against 80 %");
        view.ChangesOf(ChangeKind.Status).Single(c => c.Subject == "Status").Text
            .Should().Be($"Status gewijzigd na publicatie: nu {statusNow.ToDutchLabel()}, bij publicatie {Frozen().Status.ToDutchLabel()}; gevolg van de wijzigingen hierboven");
        view.ChangesOf(ChangeKind.Commentary).Single().Text.Should().Be("Toelichting gewijzigd na publicatie: nu versie 2, bij publicatie versie 1; gepubliceerd op 10-05-2021");
        view.Commentary!.Text.Should().Be("Oorspronkelijk", "the frozen commentary stays");
        view.Addendum!.Label.Should().Be("Aanvulling na publicatie (10-05-2021)");
    }

    [Fact]
    public void Build_AtAStandBeforeTheChanges_ShowsNoMark_AndAfterwardsOnlyTheDatedOnes()
    {
        var changed = Wmo with { Direction = KpiDirection.LowerIsBetter };
        var commentary = new QuarterCommentaryFixture();

        var before = new Stand(new DateOnly(2021, 5, 9));
        PublishedFigureView.Build(changed, [Version1, Version2], Series(77m), K1, Publication, Frozen(), commentary.At(before), before).Changes.Should().BeEmpty();

        var after = new Stand(new DateOnly(2021, 5, 10));
        var view = PublishedFigureView.Build(changed, [Version1, Version2], Series(77m), K1, Publication, Frozen(), commentary.At(after), after);
        view.Changes.Select(c => c.Kind).Distinct().Should().Contain([ChangeKind.Target, ChangeKind.Commentary])
            .And.NotContain([ChangeKind.Value, ChangeKind.Definition], "a stand shows the changes the database can date: target versions and commentary");
        var statusAtStand = KpiEvaluation.Evaluate(Wmo.Rule, Version2.Terms, Series(75m), K1).Status;
        view.ChangesOf(ChangeKind.Status).Any(c => c.Subject == "Status").Should().Be(statusAtStand != Frozen().Status,
            "at the stand the published value and definition are judged against the target version recorded by then");
    }

    [Fact]
    public void Build_JudgesAnOldPublicationWithoutFrozenStatus_AgainstItsFrozenTargetVersion()
    {
        var legacy = new FrozenFigure { KpiId = 1, MeasurementYear = 2021, MeasurementQuarter = 1, Value = 75m, TargetVersion = 1, Commentary = "Oud" };

        var view = PublishedFigureView.Build(Wmo, [Version1, Version2], Series(75m), K1, Publication, legacy, null, null);

        legacy.IsLegacy.Should().BeTrue();
        view.Target!.TargetValue.Should().Be(80m, "version 1's terms never change");
        view.Status.Should().Be(KpiEvaluation.Evaluate(Wmo.Rule, Version1.Terms, Series(75m), K1).Status);
        view.ChangesOf(ChangeKind.Definition).Should().BeEmpty("an old publication froze no definition");
    }

    [Theory]
    [InlineData("2020-03-15", "2020-03-15T23:00:00Z")]
    [InlineData("15-03-2020", "2020-03-15T23:00:00Z")]
    [InlineData("2020-07-01", "2020-07-01T22:00:00Z")]
    public void Stand_EndsAtMidnightInAmsterdam(string text, string cutoff)
    {
        var stand = Stand.Parse(text, out var error);

        error.Should().BeNull();
        stand!.Cutoff.Should().Be(DateTimeOffset.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture));
        stand.Includes(stand.Cutoff.AddTicks(-1)).Should().BeTrue();
        stand.Includes(stand.Cutoff).Should().BeFalse();
    }

    [Fact]
    public void Stand_OfAnOldOrLastDate_HasACutoff_ThoughAmsterdamsOldOffsetsAreNotWholeMinutes()
    {
        var old = Stand.Parse("1901-01-01", out _)!.Cutoff;
        old.Should().BeAfter(new DateTimeOffset(1901, 1, 1, 22, 0, 0, TimeSpan.Zero)).And.BeBefore(new DateTimeOffset(1901, 1, 2, 1, 0, 0, TimeSpan.Zero));
        Stand.Parse("9999-12-31", out _)!.Cutoff.Should().Be(DateTimeOffset.MaxValue);
    }

    [Fact]
    public void Choice_ShowsPerQuarterTheNewestVersionPublishedByTheStand_AndExplainsWhatItCannotShow()
    {
        var v1 = new PublicationHeader(1, K1, 1, PublishedAt, "a", null);
        var v2 = new PublicationHeader(2, K1, 2, ChangedAt, "a", "correctie");

        PublicationChoice.Resolve([v1, v2], null, null).Shown(K1).Should().Be(v2);
        PublicationChoice.Resolve([v1, v2], "2021-05-01", null).Shown(K1).Should().Be(v1);
        PublicationChoice.Resolve([v1, v2], null, "1").Shown(K1).Should().Be(v1);
        PublicationChoice.Resolve([v1, v2], null, "3").VersionProblem(K1).Should().Be("Versie 3 van kwartaal 2021-K1 bestaat niet");
        PublicationChoice.Resolve([v1, v2], "2021-04-14", null).Problem.Should().Be("Op 14-04-2021 was nog geen kwartaal gepubliceerd; de eerste publicatie is van 15-04-2021");
        PublicationChoice.Resolve([v1, v2], "gisteren", null).Problem.Should().Be("'gisteren' is geen datum voor de stand; gebruik bijvoorbeeld ?stand=2020-03-15");
    }

    /// <summary>Commentary with version 1 published with the quarter and version 2 on the change date.</summary>
    private sealed class QuarterCommentaryFixture
    {
        private readonly IReadOnlyList<PublishedCommentaryText> _versions = [new(1, "Oorspronkelijk", PublishedAt), new(2, "Aangevuld", ChangedAt)];

        public PublishedCommentary? At(Stand stand) => PublishedFigureView.CommentaryAt("Aangevuld", ChangedAt, _versions, stand);
    }
}
