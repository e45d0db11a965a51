using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "A KPI at a quarter".</summary>
public class KpiEvaluationTests
{
    private static readonly KpiRule WmoWithinTerm = new(KpiUnit.Percent, KpiDirection.HigherIsBetter, null, null, 100m);

    private static readonly TargetTerms Eighty = new(80m, null, null, null);

    private static readonly MeasurementPoint[] WmoSeries =
    [
        new(Period.OfQuarter(2019, 3), 70m, MeasurementStatus.Final, false),
        new(Period.OfYear(2020), 60m, MeasurementStatus.Final, false),
    ];

    public static TheoryData<string, string, bool, string?, KpiStatus?, bool> WmoAtQuarter => new()
    {
        // quarter, current period, from earlier period, previous period, status, meets legal norm
        { "2020-K3", "2019-K3", true, null, KpiStatus.Attention, false },
        { "2020-K4", "2020", false, "2019-K3", KpiStatus.OffTrack, false },
        { "2021-K1", "2020", true, "2019-K3", KpiStatus.OffTrack, false },
    };

    [Theory]
    [MemberData(nameof(WmoAtQuarter))]
    public void Evaluate_UsesTheLatestFigureThatCountsByTheQuarter_AYearCountingFromItsFourthQuarter(
        string quarter, string current, bool fromEarlier, string? previous, KpiStatus? status, bool meetsNorm)
    {
        var result = KpiEvaluation.Evaluate(WmoWithinTerm, Eighty, WmoSeries, Period.Parse(quarter));

        result.Current!.Period.ToString().Should().Be(current);
        result.CurrentIsFromEarlierPeriod.Should().Be(fromEarlier);
        result.Previous?.Period.ToString().Should().Be(previous);
        (result.Previous is null).Should().Be(previous is null);
        result.Status.Should().Be(status);
        result.LegalNorm!.MeetsNorm.Should().Be(meetsNorm);
    }

    [Fact]
    public void Evaluate_At2020K4_ChangesTenPointsDown_FromTheQuarterBefore()
    {
        var result = KpiEvaluation.Evaluate(WmoWithinTerm, Eighty, WmoSeries, Period.OfQuarter(2020, 4));

        result.ChangeAbsolute.Should().Be(-10m);
        result.ChangePercent.Should().BeApproximately(-14.2857m, 0.0001m);
        result.Judgement!.Deviation.RelativePercent.Should().Be(-25m);
        result.LegalNorm!.AgainstNorm.Deviation.RelativePercent.Should().Be(-40m);
        result.SeriesUpTo.Should().HaveCount(2);
    }

    public static TheoryData<KpiDirection, decimal?, bool, bool, string> NoStatusCases => new()
    {
        // direction, band high, has target, has measurement, reason
        { KpiDirection.HigherIsBetter, null, true, false, "nog geen meting" },
        { KpiDirection.Informative, null, true, true, "beschrijvende indicator: geen streefwaarde" },
        { KpiDirection.HigherIsBetter, null, false, true, "geen streefwaarde vastgesteld" },
        { KpiDirection.WithinBand, null, true, true, "geen streefwaarde vastgesteld" },
    };

    [Theory]
    [MemberData(nameof(NoStatusCases))]
    public void Status_IsNull_WithADutchReason_WhenItCannotBeJudged(KpiDirection direction, decimal? bandHigh, bool hasTarget, bool hasMeasurement, string reason)
    {
        var rule = new KpiRule(KpiUnit.Score, direction, null, bandHigh, null);
        var series = hasMeasurement ? new[] { new MeasurementPoint(Period.OfQuarter(2020, 1), 7m, MeasurementStatus.Final, false) } : [];

        var result = KpiEvaluation.Evaluate(rule, hasTarget ? new TargetTerms(8m, null, null, null) : null, series, Period.OfQuarter(2020, 1));

        result.Status.Should().BeNull();
        result.StatusReason.Should().Be(reason);
    }

    [Theory]
    [InlineData(null, null, KpiStatus.Attention)] // defaults 5 / 15: 12% short is aandacht
    [InlineData(null, 10.0, KpiStatus.OffTrack)] // 5 / 10: 12% short is uit koers
    [InlineData(12.0, null, KpiStatus.OnTrack)] // 12 / 15: 12% short is op koers (inclusive)
    public void Status_UsesTheTargetVersionsTolerances_AnEmptyLimitTakingItsDefault(double? onTrack, double? attention, KpiStatus expected)
    {
        var rule = new KpiRule(KpiUnit.Score, KpiDirection.HigherIsBetter, null, null, null);
        var target = new TargetTerms(100m, null, (decimal?)onTrack, (decimal?)attention);

        var result = KpiEvaluation.Evaluate(rule, target, [new MeasurementPoint(Period.OfQuarter(2020, 1), 88m, MeasurementStatus.Final, false)], Period.OfQuarter(2020, 1));

        result.Status.Should().Be(expected);
    }

    [Fact]
    public void Tolerances_WithDefaults_FillsEmptyLimitsWithFiveAndFifteenPercent()
    {
        Tolerances.WithDefaults(null, null).Should().Be(Tolerances.Default);
        Tolerances.WithDefaults(null, null).OnTrack.Should().Be(5m);
        Tolerances.WithDefaults(null, null).Attention.Should().Be(15m);
        Tolerances.WithDefaults(1m, null).Should().Be(new Tolerances(1m, 15m));
    }

    [Theory]
    [InlineData(KpiUnit.Percent, true)]
    [InlineData(KpiUnit.Weeks, false)]
    [InlineData(KpiUnit.Count, false)]
    public void LegalNorm_AppliesOnlyToAPercentKpi(KpiUnit unit, bool applies)
    {
        var rule = new KpiRule(unit, KpiDirection.HigherIsBetter, null, null, 95m);

        var result = KpiEvaluation.Evaluate(rule, null, [new MeasurementPoint(Period.OfQuarter(2020, 1), 90m, MeasurementStatus.Final, false)], Period.OfQuarter(2020, 1));

        (result.LegalNorm is not null).Should().Be(applies);
        KpiEvaluation.LegalNormApplies(rule).Should().Be(applies ? 95m : null);
    }

    [Fact]
    public void PolicyTarget_OfABand_UsesTheBandBounds_AndTheTargetAsLowerBoundWhenTheBandHasNone()
    {
        KpiEvaluation.PolicyTarget(new KpiRule(KpiUnit.Score, KpiDirection.WithinBand, 40m, 60m, null), new TargetTerms(50m, null, null, null))
            .Should().Be(KpiTarget.Band(40m, 60m));
        KpiEvaluation.PolicyTarget(new KpiRule(KpiUnit.Score, KpiDirection.WithinBand, null, 60m, null), new TargetTerms(50m, null, null, null))
            .Should().Be(KpiTarget.Band(50m, 60m));
    }
}
