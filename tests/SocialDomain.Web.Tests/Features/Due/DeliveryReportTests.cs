using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Due;

namespace SocialDomain.Web.Tests.Features.Due;

public class DeliveryReportTests
{
    private static DeliveryKpi Kpi(string code, string? owner, KpiFrequency frequency, params StoredValue[] values) =>
        new(code, "KPI " + code, SocialDomainArea.Wmo, owner, KpiUnit.Percent, frequency, values);

    private static readonly IReadOnlyList<DeliveryKpi> Kpis =
    [
        Kpi("Q_DONE", "Team Wmo", KpiFrequency.Quarter, new StoredValue(4, 70m, MeasurementStatus.Provisional), new StoredValue(1, 60m, MeasurementStatus.Final)),
        Kpi("Q_OPEN", "team wmo ", KpiFrequency.Quarter, new StoredValue(3, 50m, MeasurementStatus.Final)),
        Kpi("Y_DONE", null, KpiFrequency.Year, new StoredValue(null, 7m, MeasurementStatus.Final)),
        Kpi("Y_OPEN", "Beleid", KpiFrequency.Year),
    ];

    [Fact]
    public void Build_InTheFourthQuarter_ListsQuarterlyAndYearlyFigures_PerOwner_LateFirst()
    {
        var report = DeliveryReport.Build(Kpis, Period.OfQuarter(2020, 4), new DateOnly(2021, 3, 1));

        report.Owners.Select(o => o.Owner).Should().Equal("Beleid", "Team Wmo", DeliveryReport.NoOwner);
        var wmo = report.Owners.Single(o => o.Owner == "Team Wmo");
        wmo.Rows.Select(r => (r.Kpi.Code, r.State)).Should().Equal(("Q_OPEN", DeliveryState.Late), ("Q_DONE", DeliveryState.Delivered));
        wmo.Rows.Single(r => r.Kpi.Code == "Q_DONE").Value!.Value.Should().Be(70m, "the fourth quarter's value, not the first's");
        report.Owners.Single(o => o.Owner == DeliveryReport.NoOwner).Rows.Single().Due.Period.Should().Be(Period.OfYear(2020));
        report.Count(DeliveryState.Late).Should().Be(2);
        report.Count(DeliveryState.Delivered).Should().Be(2);
    }

    [Fact]
    public void Build_InAnotherQuarter_ListsOnlyQuarterlyFigures_MissingUntilTheirDueDate()
    {
        var report = DeliveryReport.Build(Kpis, Period.OfQuarter(2021, 1), new DateOnly(2021, 5, 12));

        report.Rows.Select(r => (r.Kpi.Code, r.State)).Should().BeEquivalentTo(new[] { ("Q_OPEN", DeliveryState.Missing), ("Q_DONE", DeliveryState.Delivered) });
    }

    [Theory]
    [InlineData(null, "2026-K3", null)]
    [InlineData("2021-K1", "2021-K1", null)]
    [InlineData("2021", "2026-K3", "'2021' is geen kwartaal (gebruik bijvoorbeeld 2020-K3); het laatst afgesloten kwartaal 2026-K3 wordt getoond.")]
    [InlineData("<script>", "2026-K3", "'<script>' is geen kwartaal (gebruik bijvoorbeeld 2020-K3); het laatst afgesloten kwartaal 2026-K3 wordt getoond.")]
    public void ChooseQuarter_FallsBackToTheLastEndedQuarter_WithAReason(string? asked, string expected, string? problem)
    {
        var (quarter, message) = DeliveryReport.ChooseQuarter(asked, new DateOnly(2026, 12, 3));

        quarter.ToString().Should().Be(expected);
        message.Should().Be(problem);
    }
}
