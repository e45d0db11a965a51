using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "Projection" (an illustrative quarterly KPI).</summary>
public class ProjectionTests
{
    // 64%, 66%, 68%, 70% in 2020-K1..K4: +2 points per quarter.
    private static readonly TrendPoint[] Share =
    [
        new(Period.OfQuarter(2020, 1), 64m),
        new(Period.OfQuarter(2020, 2), 66m),
        new(Period.OfQuarter(2020, 3), 68m),
        new(Period.OfQuarter(2020, 4), 70m),
    ];

    [Fact]
    public void Projection_ReachesTheTargetIn2021K2_AtTheCurrentTrend()
    {
        var projection = Projection.ToDeadline(Share, KpiTarget.HigherIsBetter(74m), Period.OfQuarter(2021, 4));

        projection.Verdict.Should().Be(ProjectionVerdict.MetBeforeDeadline);
        projection.MetIn.Should().Be(Period.OfQuarter(2021, 2));
        projection.ExpectedAtDeadline.Should().Be(78m);
        projection.Text.Should().Be("haalt de streefwaarde in 2021-K2 bij huidige trend");
    }

    [Fact]
    public void Projection_MissesTheTargetBeforeTheDeadline_AndSaysWhatIsExpected()
    {
        var projection = Projection.ToDeadline(Share, KpiTarget.HigherIsBetter(80m), Period.OfQuarter(2021, 1));

        projection.Verdict.Should().Be(ProjectionVerdict.NotMetBeforeDeadline);
        projection.MetIn.Should().BeNull();
        projection.ExpectedAtDeadline.Should().Be(72m);
        projection.Text.Should().Be("haalt de streefwaarde niet vóór de deadline; verwacht 72%");
    }

    [Fact]
    public void Projection_ReachesTheTargetExactlyAtTheDeadline()
    {
        var projection = Projection.ToDeadline(Share, KpiTarget.HigherIsBetter(78m), Period.OfQuarter(2021, 4));

        projection.Verdict.Should().Be(ProjectionVerdict.MetBeforeDeadline);
        projection.MetIn.Should().Be(Period.OfQuarter(2021, 4));
    }

    [Fact]
    public void Projection_SaysTheTargetIsAlreadyMet()
    {
        var projection = Projection.ToDeadline(Share, KpiTarget.HigherIsBetter(65m), Period.OfQuarter(2021, 4));

        projection.Verdict.Should().Be(ProjectionVerdict.AlreadyMet);
        projection.Text.Should().Be("haalt de streefwaarde al; bij huidige trend verwacht 78% in 2021-K4");
    }

    [Fact]
    public void Projection_ForLowerIsBetter_UsesTheUnitInTheText()
    {
        // Waiting time in weeks: 10; 9,5; 9; 8,5 — half a week less per quarter.
        TrendPoint[] weeks =
        [
            new(Period.OfQuarter(2020, 1), 10m),
            new(Period.OfQuarter(2020, 2), 9.5m),
            new(Period.OfQuarter(2020, 3), 9m),
            new(Period.OfQuarter(2020, 4), 8.5m),
        ];

        Projection.ToDeadline(weeks, KpiTarget.LowerIsBetter(7m), Period.OfQuarter(2021, 4), KpiUnit.Weeks).Text
            .Should().Be("haalt de streefwaarde in 2021-K3 bij huidige trend");
        Projection.ToDeadline(weeks, KpiTarget.LowerIsBetter(7m), Period.OfQuarter(2021, 2), KpiUnit.Weeks).Text
            .Should().Be("haalt de streefwaarde niet vóór de deadline; verwacht 7,5 weken");
    }

    [Fact]
    public void Projection_IsInsufficientData_BelowTwoPoints()
    {
        var projection = Projection.ToDeadline(Share[..1], KpiTarget.HigherIsBetter(74m), Period.OfQuarter(2021, 4));

        projection.Verdict.Should().Be(ProjectionVerdict.InsufficientData);
        projection.Trend.Should().BeNull();
        projection.ExpectedAtDeadline.Should().BeNull();
        projection.Text.Should().Be("onvoldoende gegevens voor een trend (minder dan twee metingen)");
    }

    [Theory]
    [InlineData("2020-K4")]
    [InlineData("2020-K2")]
    [InlineData("2021")]
    public void Projection_IsNotApplicable_WhenTheDeadlineIsNotAfterTheLastMeasurementOrOfAnotherGranularity(string deadline) =>
        Projection.ToDeadline(Share, KpiTarget.HigherIsBetter(74m), Period.Parse(deadline)).Verdict.Should().Be(ProjectionVerdict.NotApplicable);

    [Fact]
    public void Projection_OfAFallingTrend_DoesNotReachAHigherTarget()
    {
        var falling = Share.Reverse().Select((p, i) => new TrendPoint(Share[i].Period, p.Value)).ToArray();
        var projection = Projection.ToDeadline(falling, KpiTarget.HigherIsBetter(74m), Period.OfQuarter(2022, 4));

        projection.Verdict.Should().Be(ProjectionVerdict.NotMetBeforeDeadline);
        projection.Text.Should().Be("haalt de streefwaarde niet vóór de deadline; verwacht 48%");
    }
}
