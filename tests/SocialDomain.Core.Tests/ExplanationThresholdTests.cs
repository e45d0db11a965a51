using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "Toelichten: absolute and relative thresholds".</summary>
public class ExplanationThresholdTests
{
    private static ExplanationThresholds Thresholds(decimal? absolute, decimal? relative, ThresholdCombination combination, bool favourable = true) =>
        ExplanationThresholds.Create(absolute, relative, combination, favourable).Value;

    public static TheoryData<decimal, decimal, BudgetMeasure, ThresholdCombination, ExplanationVerdict> Worked => new()
    {
        // Toegang 2019: realisatie 1.853.000 against the amended 1.900.000 (lasten): 47.000, 2,5 %, favourable.
        { 1_853_000m, 1_900_000m, BudgetMeasure.Expenses, ThresholdCombination.Both, ExplanationVerdict.WithinThresholds },
        { 1_853_000m, 1_900_000m, BudgetMeasure.Expenses, ThresholdCombination.Either, ExplanationVerdict.WithinThresholds },
        // Geëscaleerde zorg 18- 2019: realisatie 2.929.000 against the primitive 3.913.000: 984.000, 25,1 %.
        { 2_929_000m, 3_913_000m, BudgetMeasure.Expenses, ThresholdCombination.Both, ExplanationVerdict.Explain },
        // Lasten 10.300.000 against 10.000.000: 300.000 is above € 250.000, 3 % is not above 10 %.
        { 10_300_000m, 10_000_000m, BudgetMeasure.Expenses, ThresholdCombination.Both, ExplanationVerdict.WithinThresholds },
        { 10_300_000m, 10_000_000m, BudgetMeasure.Expenses, ThresholdCombination.Either, ExplanationVerdict.Explain },
        // Baten 1.700.000 against 2.000.000: 300.000 less income (nadelig), 15 %.
        { 1_700_000m, 2_000_000m, BudgetMeasure.Income, ThresholdCombination.Both, ExplanationVerdict.Explain },
        // Prognose 1.050.000 against begroting 900.000 (lasten): 150.000, 16,7 %.
        { 1_050_000m, 900_000m, BudgetMeasure.Expenses, ThresholdCombination.Both, ExplanationVerdict.WithinThresholds },
        { 1_050_000m, 900_000m, BudgetMeasure.Expenses, ThresholdCombination.Either, ExplanationVerdict.Explain },
        // Exactly on both thresholds is not above them: 2.500.000 against 2.250.000 is 250.000 but 11,1 %; 2.750.000 against 2.500.000 is 250.000 and 10 %.
        { 2_750_000m, 2_500_000m, BudgetMeasure.Expenses, ThresholdCombination.Either, ExplanationVerdict.WithinThresholds },
        { 2_500_000m, 2_250_000m, BudgetMeasure.Expenses, ThresholdCombination.Either, ExplanationVerdict.Explain },
    };

    [Theory]
    [MemberData(nameof(Worked))]
    public void Judge_WorkedExamples_UnderTwoHundredFiftyThousandAndTenPercent(
        decimal realisation, decimal budget, BudgetMeasure measure, ThresholdCombination combination, ExplanationVerdict expected)
    {
        var variance = BudgetVariance.Against(realisation, budget, measure);

        ExplanationThreshold.Judge(variance, Thresholds(250_000m, 10m, combination)).Verdict.Should().Be(expected);
    }

    [Fact]
    public void StatedOverspend_IsExplained_ByTheAbsoluteThresholdAlone_WhenEitherSuffices()
    {
        // Programme Zorg 2019: the source states only the overspend of € 1.163.470 (no budget, so no percentage).
        var judgement = ExplanationThreshold.Judge(1_163_470m, null, BudgetVarianceKind.Overrun, Thresholds(250_000m, 10m, ThresholdCombination.Either));

        judgement.Verdict.Should().Be(ExplanationVerdict.Explain);
        judgement.Label.Should().Be("toelichten");
        judgement.AbsoluteExceeded.Should().BeTrue();
        judgement.RelativeExceeded.Should().BeNull();
        judgement.Reason.Should().Be("toelichten: €\u00A01.163.470 is meer dan de grens van €\u00A0250.000 en het percentage is onbekend (grens 10%)");
    }

    [Fact]
    public void StatedOverspend_IsNotJudgeable_WhenBothThresholdsMustBeExceeded()
    {
        var judgement = ExplanationThreshold.Judge(1_163_470m, null, BudgetVarianceKind.Overrun, Thresholds(250_000m, 10m, ThresholdCombination.Both));

        judgement.Verdict.Should().Be(ExplanationVerdict.NotJudgeable);
        judgement.Reason.Should().EndWith("; zonder begroting is er geen percentage");
    }

    [Fact]
    public void StatedOverspend_IsExplained_WhenOnlyAnAbsoluteThresholdIsSet() =>
        ExplanationThreshold.Judge(1_163_470m, null, BudgetVarianceKind.Overrun, Thresholds(250_000m, null, ThresholdCombination.Both))
            .Verdict.Should().Be(ExplanationVerdict.Explain);

    [Fact]
    public void SmallVariance_WithoutPercentage_IsWithin_WhenBothMustBeExceeded() =>
        ExplanationThreshold.Judge(100_000m, null, BudgetVarianceKind.Overrun, Thresholds(250_000m, 10m, ThresholdCombination.Both))
            .Verdict.Should().Be(ExplanationVerdict.WithinThresholds);

    [Fact]
    public void SmallVariance_WithoutPercentage_IsNotJudgeable_WhenEitherSuffices() =>
        ExplanationThreshold.Judge(100_000m, null, BudgetVarianceKind.Overrun, Thresholds(250_000m, 10m, ThresholdCombination.Either))
            .Verdict.Should().Be(ExplanationVerdict.NotJudgeable);

    [Fact]
    public void FavourableVariance_IsWithin_WhenOnlyUnfavourableOnesAreExplained()
    {
        var variance = BudgetVariance.Against(2_929_000m, 3_913_000m);

        var judgement = ExplanationThreshold.Judge(variance, Thresholds(250_000m, 10m, ThresholdCombination.Both, favourable: false));

        judgement.Verdict.Should().Be(ExplanationVerdict.WithinThresholds);
        judgement.Kind.Should().Be(BudgetVarianceKind.Underrun);
    }

    [Fact]
    public void Reason_NamesBothThresholds()
    {
        var variance = BudgetVariance.Against(2_929_000m, 3_913_000m);

        ExplanationThreshold.Judge(variance, Thresholds(250_000m, 10m, ThresholdCombination.Both)).Reason.Should()
            .Be("toelichten: €\u00A0984.000 is meer dan de grens van €\u00A0250.000 en 25,1% is meer dan de grens van 10%");
    }

    [Theory]
    [InlineData(BudgetVarianceKind.Overrun, BudgetMeasure.Expenses, "nadelig: hogere lasten dan begroot")]
    [InlineData(BudgetVarianceKind.Underrun, BudgetMeasure.Expenses, "voordelig: lagere lasten dan begroot")]
    [InlineData(BudgetVarianceKind.Overrun, BudgetMeasure.Income, "nadelig: lagere baten dan begroot")]
    [InlineData(BudgetVarianceKind.Underrun, BudgetMeasure.Income, "voordelig: hogere baten dan begroot")]
    [InlineData(BudgetVarianceKind.OnBudget, BudgetMeasure.Income, "conform begroting")]
    public void DirectionLabel_FollowsTheMeasure(BudgetVarianceKind kind, BudgetMeasure measure, string expected) =>
        ExplanationThreshold.DirectionLabel(kind, measure).Should().Be(expected);

    [Fact]
    public void LessIncome_IsTheUnfavourableDirection()
    {
        var variance = BudgetVariance.Against(1_700_000m, 2_000_000m, BudgetMeasure.Income);

        var judgement = ExplanationThreshold.Judge(variance, Thresholds(250_000m, 10m, ThresholdCombination.Both, favourable: false));

        judgement.Kind.Should().Be(BudgetVarianceKind.Overrun);
        judgement.Verdict.Should().Be(ExplanationVerdict.Explain);
    }

    [Theory]
    [InlineData(-1d, 10d, "absolute", "De absolute grens mag niet negatief zijn.")]
    [InlineData(250000d, -0.5d, "relative", "De relatieve grens mag niet negatief zijn.")]
    [InlineData(null, null, "absolute", "Vul een absolute grens (bedrag) of een relatieve grens (percentage) in, of allebei.")]
    public void Problems_NameTheField(double? absolute, double? relative, string field, string message)
    {
        var problems = ExplanationThresholds.Problems((decimal?)absolute, (decimal?)relative);

        problems.Should().ContainSingle().Which.Should().Be(new ThresholdProblem(field, message));
        ExplanationThresholds.Create((decimal?)absolute, (decimal?)relative, ThresholdCombination.Both).IsOk.Should().BeFalse();
    }

    [Theory]
    [InlineData(250000d, 10d, ThresholdCombination.Both, true, "toelichten boven €\u00A0250.000 én 10%")]
    [InlineData(250000d, 2.5d, ThresholdCombination.Either, true, "toelichten boven €\u00A0250.000 of 2,5%")]
    [InlineData(null, 10d, ThresholdCombination.Either, false, "toelichten boven 10% (alleen nadelige afwijkingen)")]
    public void Description_ReadsLikeTheVerordening(double? absolute, double? relative, ThresholdCombination combination, bool favourable, string expected) =>
        Thresholds((decimal?)absolute, (decimal?)relative, combination, favourable).Description.Should().Be(expected);
}
