using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Tests.Features.Kpis;

/// <summary>The KPI page's pure report builder, without database or browser (figures as in docs/calculations.md).</summary>
public class KpiDetailReportTests
{
    private static KpiDetailData Data() => new(
        new KpiDefinition
        {
            Id = 1, Code = "WMO", Name = "Wmo binnen de termijn", Definition = "…", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter,
            LegalNorm = 100m, Domain = SocialDomainArea.Wmo,
        },
        [
            new TargetVersion { KpiCode = "WMO", KpiName = "Wmo", Version = 1, TargetValue = 95m, ValidFromYear = 2019 },
            new TargetVersion { KpiCode = "WMO", KpiName = "Wmo", Version = 2, TargetValue = 80m, ValidFromYear = 2020, IsCurrent = true, ToleranceAttentionPercent = 10m },
        ],
        [],
        [
            new CommentaryRow(2021, 1, "Concept van een ongepubliceerd kwartaal", "adviseur", null, false),
            new CommentaryRow(2020, 4, "Gepubliceerd", "adviseur", null, false),
        ],
        [
            new StoredMeasurement(2019, 3, 70m, MeasurementStatus.Provisional, false, "000", "regel 218", null),
            new StoredMeasurement(2020, null, 62m, MeasurementStatus.Final, false, "003", "correctie", null),
            new StoredMeasurement(2021, 1, 75m, MeasurementStatus.Provisional, false, "004", "nieuw", null),
        ],
        [
            new PublishedFigureRow(Period.OfQuarter(2020, 4), 2020, null, 60m),
            new PublishedFigureRow(Period.OfQuarter(2020, 3), 2019, 3, 70m),
        ]);

    [Fact]
    public void Build_ShowsThePublicFiguresUpToTheLatestPublishedQuarter_AndCommentaryOfPublishedQuarters()
    {
        var report = KpiDetailReport.Build(Data(), showsUnpublished: false);

        report.LatestPublished.Should().Be(Period.OfQuarter(2020, 4));
        report.Measurements.Select(m => m.Period).Should().Equal("2019-K3", "2020");
        report.Measurements.Should().OnlyContain(m => m.IsPublished);
        report.Commentary.Select(c => c.Text).Should().Equal("Gepubliceerd");
        report.Evaluation!.Current!.Value.Should().Be(62m);
    }

    [Fact]
    public void Build_MarksAValueChangedAfterItsFirstPublication()
    {
        var report = KpiDetailReport.Build(Data(), showsUnpublished: false);

        report.Corrections.Should().Equal(new Dictionary<Period, decimal> { [Period.OfYear(2020)] = 60m });
        var corrected = report.Measurements.Single(m => m.Period == "2020");
        corrected.IsCorrected.Should().BeTrue();
        corrected.PublishedValue.Should().Be(60m);
        report.Measurements.Single(m => m.Period == "2019-K3").IsCorrected.Should().BeFalse();
    }

    [Fact]
    public void Build_ShowsStaffEverything_JudgedAgainstTheCurrentTargetVersion()
    {
        var report = KpiDetailReport.Build(Data(), showsUnpublished: true);

        report.Measurements.Should().HaveCount(3);
        report.Measurements.Single(m => m.Period == "2021-K1").IsPublished.Should().BeFalse();
        report.Commentary.Should().HaveCount(2);
        report.CurrentTarget!.Version.Should().Be(2);
        report.Evaluation!.Current!.Value.Should().Be(75m);
        report.Evaluation.Judgement!.Tolerances.Should().Be(new Tolerances(5m, 10m), "an empty limit takes its default");
    }

    [Fact]
    public void ChartPeriods_ListEveryMeasuredPeriodInTheOrderTheyCount()
    {
        var report = KpiDetailReport.Build(Data(), showsUnpublished: true);

        report.ChartPeriods().Select(p => p.ToString()).Should().Equal("2019-K3", "2020", "2021-K1");
    }
}
