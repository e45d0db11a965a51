using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Tests.Features.Overview;

/// <summary>
/// The overview's pure report builder, without database or browser. Figures: the Wmo example of docs/calculations.md
/// ("A KPI at a quarter"): target 80 %, 2019-K3 = 70 %, 2020 = 60 %.
/// </summary>
public class OverviewReportTests
{
    private static readonly Period K3 = Period.OfQuarter(2020, 3);
    private static readonly Period K4 = Period.OfQuarter(2020, 4);

    private static OverviewKpi Wmo(params QuarterCommentary[] commentary) => new(
        new KpiDefinition
        {
            Id = 1, Code = "WMO", Name = "Wmo binnen de termijn", Definition = "…", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter,
            LegalNorm = 100m, Domain = SocialDomainArea.Wmo, ProgrammeCode = "2", ProgrammeName = "Zorg",
        },
        [
            new TargetVersion { KpiCode = "WMO", KpiName = "Wmo binnen de termijn", Version = 1, TargetValue = 95m, ValidFromYear = 2019 },
            new TargetVersion { KpiCode = "WMO", KpiName = "Wmo binnen de termijn", Version = 2, TargetValue = 80m, ValidFromYear = 2020, IsCurrent = true },
        ],
        commentary);

    private static OverviewKpi Jeugd() => new(
        new KpiDefinition
        {
            Id = 2, Code = "JEUGD", Name = "Jeugd", Definition = "…", Unit = KpiUnit.Count, Direction = KpiDirection.Informative,
            Domain = SocialDomainArea.Jeugd, ProgrammeCode = "2", ProgrammeName = "Zorg",
        },
        [],
        []);

    private static readonly Dictionary<int, List<MeasurementPoint>> Measurements = new()
    {
        [1] = [new(Period.OfQuarter(2019, 3), 70m, MeasurementStatus.Provisional, false), new(Period.OfYear(2020), 62m, MeasurementStatus.Final, false)],
    };

    private static readonly PublicationHeader K4Publication = new(7, K4, 1, new DateTimeOffset(2021, 1, 15, 9, 0, 0, TimeSpan.Zero), "adviseur", null);

    /// <summary>The overview data as the query reads it: with a publication of 2020-K4 that froze <paramref name="frozen"/> (value per KPI id).</summary>
    private static OverviewData Data(bool showsUnpublished, string? requested, IReadOnlyDictionary<int, decimal?>? frozen = null)
    {
        var choice = PublicationChoice.Resolve(frozen is null ? [] : [K4Publication], null, null);
        var selection = OverviewSelection.Choose(requested, choice.Quarters, OverviewQuery.QuartersWithData(Measurements), showsUnpublished);
        var shown = !showsUnpublished && selection.Quarter is { } q ? choice.Shown(q) : null;
        OverviewKpi[] kpis = [Wmo(new QuarterCommentary(2020, 4, "Eerste regel\nTweede regel", true)), Jeugd()];
        return new OverviewData(choice, Measurements, selection,
            kpis.Select(k => shown is null ? k : k with { Frozen = Frozen(k, frozen!.GetValueOrDefault(k.Kpi.Id)) }).ToList(), shown);
    }

    /// <summary>What publishing 2020-K4 froze of the KPI if its value was <paramref name="value"/> (an old publication: only value, target version and commentary).</summary>
    private static FrozenFigure Frozen(OverviewKpi k, decimal? value) => new()
    {
        KpiId = k.Kpi.Id,
        MeasurementYear = value is null ? null : 2020,
        Value = value,
        TargetVersion = k.TargetAt(K4)?.Version,
        Commentary = k.Kpi.Id == 1 ? "Toelichting bij publicatie" : null,
    };

    private static Dictionary<int, decimal?> PublishedK4(decimal? value) => new() { [1] = value, [2] = null };

    [Fact]
    public void Build_ShowsThePublishedQuarterAsPublished_AndMarksTheLaterCorrection()
    {
        var report = OverviewReport.Build(Data(showsUnpublished: false, null, PublishedK4(60m)), showsUnpublished: false);

        report.SelectedQuarter.Should().Be(K4);
        var wmo = report.Rows.Single(r => r.Code == "WMO");
        wmo.Evaluation.Current!.Value.Should().Be(60m, "the public sees the quarter as it was published");
        wmo.Evaluation.Status.Should().Be(KpiStatus.OffTrack);
        wmo.ChangesOf(ChangeKind.Value).Single().Text.Should().Be("Waarde gewijzigd na publicatie: nu 62% (2020), bij publicatie 60%; datum van de wijziging onbekend");
        wmo.Addendum!.Text.Should().Be("Eerste regel\nTweede regel", "commentary published later is an addendum, never a replacement");
        wmo.Addendum.Label.Should().Be("Aanvulling na publicatie (datum onbekend)");
        wmo.CommentaryFirstLine.Should().Be("Toelichting bij publicatie");
        wmo.CommentaryIsSynthetic.Should().BeTrue();
        report.PublishedAt.Should().NotBeNull();
    }

    [Theory]
    [InlineData(2019, 3, 1, 95, "uit koers")]
    [InlineData(2020, 4, 2, 80, "uit koers")]
    [InlineData(2018, 4, null, null, null)]
    public void Row_UsesTargetInForce_InEachQuarter(int year, int quarter, int? version, int? target, string? status)
    {
        var k = Wmo();
        var row = OverviewReport.Row(k, Measurements[1], Period.OfQuarter(year, quarter), null);

        row.Target?.Version.Should().Be(version);
        row.Target?.TargetValue.Should().Be(target);
        (row.Target is null).Should().Be(version is null);
        if (status is null)
        {
            row.Evaluation.Status.Should().BeNull();
        }
        else
        {
            Vocabulary.KpiStatuses.Label(row.Evaluation.Status!.Value).Should().Be(status);
        }
    }

    [Fact]
    public void Build_ShowsLiveFiguresAndNoCorrection_ToStaff()
    {
        var report = OverviewReport.Build(Data(showsUnpublished: true, null, PublishedK4(60m)), showsUnpublished: true);

        var wmo = report.Rows.Single(r => r.Code == "WMO");
        wmo.Evaluation.Current!.Value.Should().Be(62m);
        wmo.Correction.Should().BeNull();
        wmo.CommentaryFirstLine.Should().Be("Eerste regel");
    }

    [Fact]
    public void Build_MarksAMeasurementAddedAfterPublication_WhenThePublicationHadNone()
    {
        var report = OverviewReport.Build(Data(showsUnpublished: false, null, PublishedK4(null)), showsUnpublished: false);

        var wmo = report.Rows.Single(r => r.Code == "WMO");
        wmo.Evaluation.Current.Should().BeNull();
        wmo.Evaluation.StatusReason.Should().Be("nog geen meting");
        wmo.ChangesOf(ChangeKind.Value).Single().Text.Should().Be("Waarde gewijzigd na publicatie: nu 62% (2020), bij publicatie geen meting; datum van de wijziging onbekend");
    }

    [Fact]
    public void Build_GroupsByProgrammeAndDomain_AndCountsMeasuredKpis()
    {
        var report = OverviewReport.Build(Data(showsUnpublished: true, "2020-K4"), showsUnpublished: true);

        report.Programmes.Should().ContainSingle().Which.Domains.Select(d => d.Domain).Should().Equal(SocialDomainArea.Wmo, SocialDomainArea.Jeugd);
        report.KpiCount.Should().Be(2);
        report.MeasuredInQuarter.Should().Be(1, "the year 2020 counts in 2020-K4");
        report.LatestMeasurement.Should().Be(Period.OfYear(2020));
        report.PublishedAt.Should().BeNull("2020-K4 is a draft");
    }

    [Theory]
    [InlineData(false, "2020-K9", "'2020-K9' is geen kwartaal (gebruik bijvoorbeeld 2020-K3)")]
    [InlineData(false, "2020-K3", "Kwartaal 2020-K3 is niet beschikbaar (niet gepubliceerd)")]
    [InlineData(true, "2018-K1", "Kwartaal 2018-K1 is niet beschikbaar")]
    public void Selection_FallsBackToTheLatestQuarter_WithOneProblemForPageAndExport(bool showsUnpublished, string requested, string problem)
    {
        var selection = OverviewSelection.Choose(requested, [K4], OverviewQuery.QuartersWithData(Measurements), showsUnpublished);

        selection.Quarter.Should().Be(K4);
        selection.Problem.Should().Be(problem);
        selection.PageMessage.Should().Be(problem + "; het laatste kwartaal wordt getoond.");
        selection.ExportMessage.Should().Be(problem + ".");
    }

    [Fact]
    public void Selection_OffersStaffTheQuartersWithData_AndThePublicOnlyPublishedOnes()
    {
        OverviewSelection.Choose(null, [K4], OverviewQuery.QuartersWithData(Measurements), showsUnpublished: true).Quarters.Should().Equal(K4, K3.AddPeriods(-4));
        OverviewSelection.Choose(null, [K4], OverviewQuery.QuartersWithData(Measurements), showsUnpublished: false).Quarters.Should().Equal(K4);
        OverviewSelection.Choose(null, [], OverviewQuery.QuartersWithData(Measurements), showsUnpublished: false).Quarter.Should().BeNull();
    }

    [Fact]
    public void Sparkline_FollowsTheFiguresShown_AndNeedsTwoMeasurements()
    {
        var report = OverviewReport.Build(Data(showsUnpublished: false, null, PublishedK4(60m)), showsUnpublished: false);

        var sparkline = report.Rows.Single(r => r.Code == "WMO").Sparkline!;
        sparkline.Labels.Should().Equal("2019-K3", "2020");
        sparkline.Values.Should().Equal(70m, 60m);
        sparkline.Description.Should().Be("Verloop: 2019-K3 70%, 2020 60%");
        sparkline.Points.Should().Be("0,1 100,29", "the highest value is drawn at the top, the lowest at the bottom of the 100 × 30 box");
        new Sparkline(["a", "b", "c"], [5m, 5m, 5m], "vlak").Points.Should().Be("0,15 50,15 100,15", "a flat series runs through the middle");
        report.Rows.Single(r => r.Code == "JEUGD").Sparkline.Should().BeNull();
    }

    [Fact]
    public void FirstLine_CutsLongCommentaryAtTwoHundredCharacters()
    {
        OverviewReport.FirstLine("kort\nmeer").Should().Be("kort");
        OverviewReport.FirstLine(new string('a', 250)).Should().Be(new string('a', 200) + "…");
    }

    [Fact]
    public void Summary_CountsTheShownStatusesPerProgrammeAndDomain_WithoutAStatusAsNotAssessable()
    {
        var report = OverviewReport.Build(Data(showsUnpublished: false, null, PublishedK4(60m)), showsUnpublished: false);

        var zorg = report.Programmes.Single();
        zorg.Title.Should().Be("Programma 2 Zorg");
        zorg.Anchor.Should().Be("programma-2");
        zorg.Counts.Should().Be(new StatusCounts(OnTrack: 0, Attention: 0, OffTrack: 1, NotAssessable: 1));
        zorg.Counts.Total.Should().Be(2);
        zorg.Domains.Select(d => (zorg.AnchorOf(d), d.Counts.Of(KpiStatus.OffTrack), d.Counts.Of(null)))
            .Should().BeEquivalentTo([("programma-2-wmo", 1, 0), ("programma-2-jeugd", 0, 1)]);
    }
}
