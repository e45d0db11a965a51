using System.Text.Json;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Tests.Features.Kpis;

/// <summary>The KPI chart's series (pure), on the worked example of docs/time-model.md, "Streefwaarden in de tijd".</summary>
public class KpiChartTests
{
    private static KpiDetailData Data(params TargetVersion[] targets) => new(
        new KpiDefinition
        {
            Id = 1, Code = "WMO", Name = "Wmo binnen de termijn", Definition = "…", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter,
            Domain = SocialDomainArea.Wmo,
        },
        targets,
        [],
        [],
        [
            new StoredMeasurement(2019, 2, 72m, MeasurementStatus.Final, false, "000", "x", null),
            new StoredMeasurement(2019, 3, 70m, MeasurementStatus.Final, false, "000", "regel 218", null),
            new StoredMeasurement(2020, 1, 65m, MeasurementStatus.Final, false, "003", "x", null),
            new StoredMeasurement(2020, 2, 60m, MeasurementStatus.Final, false, "003", "x", null),
        ],
        [new PublishedKpiFigure(new PublicationHeader(1, Period.OfQuarter(2019, 3), 1, new DateTimeOffset(2019, 11, 1, 9, 0, 0, TimeSpan.Zero), "adviseur", null),
            new FrozenFigure { KpiId = 1, MeasurementYear = 2019, MeasurementQuarter = 3, Value = 70m, TargetVersion = 1 })]);

    private static readonly TargetVersion First = new()
    {
        KpiCode = "WMO", KpiName = "Wmo", Version = 1, TargetValue = 95m, ValidFromYear = 2019, ValidFromQuarter = 3, SourceDocument = "000", ChangedBy = "import",
    };

    private static readonly TargetVersion Second = new()
    {
        KpiCode = "WMO", KpiName = "Wmo", Version = 2, TargetValue = 80m, ValidFromYear = 2020, ValidFromQuarter = 2, BaselineValue = 60m, BaselineYear = 2020,
        BaselineQuarter = 2, DecidedBy = DecisionBody.Council, DecisionDate = new DateOnly(2020, 5, 28), DecisionDocument = "Raadsvoorstel 2020-12",
        SourceDocument = "003", ChangedBy = "import",
    };

    private static JsonElement Dataset(KpiChartModel chart, string label)
    {
        using var json = JsonDocument.Parse(ChartJson.Serialize(chart.Config));
        return json.RootElement.GetProperty("data").GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("label").GetString() == label).Clone();
    }

    private static decimal?[] Numbers(JsonElement dataset, string property) =>
        dataset.GetProperty(property).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetDecimal()).ToArray();

    [Fact]
    public void Target_IsAStepLineOfTheVersionInForcePerPeriod_WithNothingBeforeTheFirstStart()
    {
        var chart = KpiChart.Build(KpiDetailReport.Build(Data(First, Second), showsUnpublished: true));

        chart.Labels.Should().Equal("2019-K2", "2019-K3", "2020-K1", "2020-K2");
        var target = Dataset(chart, KpiChart.TargetLabel);
        Numbers(target, "data").Should().Equal(null, 95m, 95m, 80m);
        Numbers(target, "targetVersions").Should().Equal(null, 1m, 1m, 2m);
        target.GetProperty("stepped").GetString().Should().Be("after");
        Numbers(Dataset(chart, "Nulmeting"), "data").Should().Equal(null, null, null, 60m);
        Numbers(Dataset(chart, KpiChart.PublishedLabel), "data").Should().Equal(null, 70m, null, null);
    }

    [Fact]
    public void TargetChanges_AnnotateEachVersion_WithItsStartAndDecision()
    {
        var chart = KpiChart.Build(KpiDetailReport.Build(Data(Second, First), showsUnpublished: true));

        chart.TargetChanges.Select(c => (c.ValidFrom.ToString(), c.Version, c.Value, c.Decision, c.InChart)).Should().Equal(
            ("2019-K3", 1, 95m, "besluitdatum onbekend", true),
            ("2020-K2", 2, 80m, "gemeenteraad, besloten op 28-05-2020, Raadsvoorstel 2020-12", true));
    }

    [Fact]
    public void ARetroactiveVersion_ReplacesTheOlderStepsFromItsStart_AndTheReplacedVersionIsNotInTheChart()
    {
        var third = First with { Version = 3, TargetValue = 90m, ValidFromYear = 2019, ValidFromQuarter = 3 };

        var chart = KpiChart.Build(KpiDetailReport.Build(Data(First, Second, third), showsUnpublished: true));

        Numbers(Dataset(chart, KpiChart.TargetLabel), "targetVersions").Should().Equal(null, 3m, 3m, 3m);
        chart.TargetChanges.Where(c => !c.InChart).Select(c => c.Version).Should().Equal(1, 2);
    }

    [Fact]
    public void CurrentVersion_IsTheOneInForceInTheClocksQuarter_NotTheLatest()
    {
        var later = Second with { Version = 3, TargetValue = 85m, ValidFromYear = 2027, ValidFromQuarter = null };

        var report = KpiDetailReport.Build(Data(First, Second, later), showsUnpublished: true, currentQuarter: Period.OfQuarter(2026, 4));

        report.TargetHistory.Select(t => (t.Version, t.IsCurrent)).Should().Equal((1, false), (2, true), (3, false));
        report.TargetHistory.Single(t => t.Version == 1).RecordedBy.Should().Be("ingelezen uit bron 000");
        report.TargetHistory.Single(t => t.Version == 1).RecordedAt.Should().BeNull("the import time is no date of the target");
    }

    [Fact]
    public void OneMeasurement_MarksTargetAndLegalNormAsReferenceLines_WithAPercentAxisFromZero()
    {
        var data = Data(First) with { Measurements = [new StoredMeasurement(2020, 2, 92m, MeasurementStatus.Provisional, false, "003", "x", null)], Published = [] };
        data = data with { Kpi = data.Kpi with { LegalNorm = 100m } };

        var chart = KpiChart.Build(KpiDetailReport.Build(data, showsUnpublished: true));

        chart.Labels.Should().Equal("2020-K2");
        var target = Dataset(chart, KpiChart.TargetLabel);
        target.GetProperty("referenceLine").GetBoolean().Should().BeTrue("charts.js draws it across the chart when there is one period");
        Numbers(target, "pointRadius").Should().Equal(10m);
        Dataset(chart, "Wettelijke norm").GetProperty("referenceLine").GetBoolean().Should().BeTrue();
        chart.Unit.Should().Be("percent");
        chart.Axis.Min.Should().Be(0m);
        chart.Axis.Text.Should().Be("De verticale as begint bij 0.");
    }
}
