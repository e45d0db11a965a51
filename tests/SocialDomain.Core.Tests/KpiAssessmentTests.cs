using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "KPI against target".</summary>
public class KpiAssessmentTests
{
    [Fact]
    public void Deviation_OfStatushoudersAtWork_IsMinus3Point1Points_AndOffTrack()
    {
        // Seed 000 (reactie op vragen over WINST), Hoofddoel II: "6,9% van de statushouders fulltime werk
        // binnen drie jaar (doel is 10 %)".
        var judgement = KpiAssessment.Assess(6.9m, KpiTarget.HigherIsBetter(10m));

        judgement.Deviation.Absolute.Should().Be(-3.1m);
        judgement.Deviation.RelativePercent.Should().Be(-31m);
        judgement.Status.Should().Be(KpiStatus.OffTrack);
        judgement.StatusLabel.Should().Be("uit koers");
    }

    [Theory]
    [InlineData(120, KpiStatus.OnTrack)] // better than target
    [InlineData(100, KpiStatus.OnTrack)] // on target
    [InlineData(95, KpiStatus.OnTrack)] // 5% short: limit is inclusive
    [InlineData(94.9, KpiStatus.Attention)]
    [InlineData(85, KpiStatus.Attention)] // 15% short: limit is inclusive
    [InlineData(84.9, KpiStatus.OffTrack)]
    public void Status_FollowsTheDefaultTolerances_FiveAndFifteenPercent(double actual, KpiStatus expected) =>
        KpiAssessment.Assess((decimal)actual, KpiTarget.HigherIsBetter(100m)).Status.Should().Be(expected);

    [Theory]
    [InlineData(92, 95, "op koers (binnen de marge)")] // issue 18: 92 % against 95 % is within the 5 % margin, not simply on track
    [InlineData(95, 95, "op koers")]
    [InlineData(97, 95, "op koers")]
    [InlineData(90, 95, "aandacht")]
    public void StatusText_SaysWhenOnTrackOnlyThanksToTheMargin(double actual, double target, string expected) =>
        KpiAssessment.Assess((decimal)actual, KpiTarget.HigherIsBetter((decimal)target)).StatusText.Should().Be(expected);

    [Theory]
    [InlineData(80, KpiStatus.OnTrack)]
    [InlineData(105, KpiStatus.OnTrack)]
    [InlineData(105.1, KpiStatus.Attention)]
    [InlineData(115.1, KpiStatus.OffTrack)]
    public void Status_ForLowerIsBetter_PenalisesValuesAboveTarget(double actual, KpiStatus expected) =>
        KpiAssessment.Assess((decimal)actual, KpiTarget.LowerIsBetter(100m)).Status.Should().Be(expected);

    [Fact]
    public void Deviation_ForLowerIsBetter_IsTargetMinusActual()
    {
        // Seed 000, Hoofddoel III: share of residents experiencing a threshold fell from 50% to 46% (2018).
        // The target of 45% is illustrative (the source states no target).
        var deviation = KpiAssessment.Deviation(46m, KpiTarget.LowerIsBetter(45m));

        deviation.Absolute.Should().Be(-1m);
        deviation.RelativePercent.Should().BeApproximately(-2.2222m, 0.0001m);
        KpiAssessment.Assess(46m, KpiTarget.LowerIsBetter(45m)).Status.Should().Be(KpiStatus.OnTrack);
    }

    [Theory]
    [InlineData(50, 0, 0, KpiStatus.OnTrack)] // inside the band
    [InlineData(40, 0, 0, KpiStatus.OnTrack)] // on the lower bound
    [InlineData(66, -6, -10, KpiStatus.Attention)] // 6 above the upper bound 60
    [InlineData(30, -10, -25, KpiStatus.OffTrack)] // 10 below the lower bound 40
    public void Deviation_ForABand_IsTheDistanceToTheCrossedBound(double actual, double absolute, double relative, KpiStatus status)
    {
        var judgement = KpiAssessment.Assess((decimal)actual, KpiTarget.Band(40m, 60m));

        judgement.Deviation.Absolute.Should().Be((decimal)absolute);
        judgement.Deviation.RelativePercent.Should().Be((decimal)relative);
        judgement.Status.Should().Be(status);
    }

    [Fact]
    public void Deviation_IsNull_WhenTargetIsZero()
    {
        var deviation = KpiAssessment.Deviation(3m, KpiTarget.LowerIsBetter(0m));

        deviation.Absolute.Should().Be(-3m);
        deviation.RelativePercent.Should().BeNull();
        deviation.RelativeUnavailableReason.Should().Be("geen relatieve afwijking: de streefwaarde is 0");
    }

    [Fact]
    public void Status_IsNull_WhenTargetIsZeroAndTolerancesAreRelative()
    {
        var judgement = KpiAssessment.Assess(3m, KpiTarget.LowerIsBetter(0m));

        judgement.Status.Should().BeNull();
        judgement.StatusLabel.Should().Be("niet te beoordelen");
        judgement.StatusUnavailableReason.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Status_IsOnTrack_WhenTargetIsZeroAndActualMeetsIt() =>
        KpiAssessment.Assess(0m, KpiTarget.LowerIsBetter(0m)).Status.Should().Be(KpiStatus.OnTrack);

    [Theory]
    [InlineData(1, KpiStatus.OnTrack)]
    [InlineData(2, KpiStatus.Attention)]
    [InlineData(5, KpiStatus.OffTrack)]
    public void Status_UsesAbsoluteTolerances_WhenConfigured(int waitingList, KpiStatus expected)
    {
        var perKpi = new Tolerances(onTrack: 1m, attention: 3m, basis: ToleranceBasis.Absolute);
        KpiAssessment.Assess(waitingList, KpiTarget.LowerIsBetter(0m), perKpi).Status.Should().Be(expected);
    }

    [Fact]
    public void Tolerances_AreConfigurablePerKpi()
    {
        var strict = new Tolerances(onTrack: 1m, attention: 3m);

        KpiAssessment.Assess(97m, KpiTarget.HigherIsBetter(100m)).Status.Should().Be(KpiStatus.OnTrack);
        KpiAssessment.Assess(97m, KpiTarget.HigherIsBetter(100m), strict).Status.Should().Be(KpiStatus.Attention);
        KpiAssessment.Assess(97m, KpiTarget.HigherIsBetter(100m), strict).Tolerances.Should().Be(strict);
    }

    [Fact]
    public void Tolerances_Default_IsFiveAndFifteenPercent()
    {
        Tolerances.Default.OnTrack.Should().Be(5m);
        Tolerances.Default.Attention.Should().Be(15m);
        Tolerances.Default.Basis.Should().Be(ToleranceBasis.RelativePercent);
    }

    [Fact]
    public void LegalNorm_WmoAt70Percent_MissesTheNormOf95Percent_AndIsOffTrack()
    {
        // Seed 000, Hoofddoel I: "De doorlooptijden van de aanvraagtijden lagen in juli overal binnen de norm
        // van 95%, met uitzondering van Wmo (70%)."
        var judgement = KpiAssessment.AssessLegalNorm(70m, 95m);

        judgement.MeetsNorm.Should().BeFalse();
        judgement.AgainstNorm.Deviation.Absolute.Should().Be(-25m);
        judgement.AgainstNorm.Deviation.RelativePercent.Should().BeApproximately(-26.3158m, 0.0001m);
        judgement.AgainstNorm.Status.Should().Be(KpiStatus.OffTrack);
        judgement.AgainstPolicyTarget.Should().BeNull();
    }

    [Fact]
    public void LegalNorm_IsJudgedSeparatelyFromThePolicyTarget()
    {
        // Norm 95% (seed 000); the policy target of 90% is illustrative.
        var judgement = KpiAssessment.AssessLegalNorm(92m, 95m, KpiTarget.HigherIsBetter(90m));

        judgement.MeetsNorm.Should().BeFalse();
        judgement.AgainstNorm.Status.Should().Be(KpiStatus.Attention); // 3,2% short of a legal norm
        judgement.AgainstPolicyTarget!.Status.Should().Be(KpiStatus.OnTrack); // above the policy target
        judgement.AgainstPolicyTarget.Deviation.Absolute.Should().Be(2m);
    }

    [Theory]
    [InlineData(96, true, KpiStatus.OnTrack)]
    [InlineData(95, true, KpiStatus.OnTrack)]
    [InlineData(94, false, KpiStatus.Attention)]
    [InlineData(90, false, KpiStatus.OffTrack)]
    public void LegalNorm_AnyShortfallIsAtLeastAttention(int share, bool meets, KpiStatus expected)
    {
        var judgement = KpiAssessment.AssessLegalNorm(share, 95m);
        judgement.MeetsNorm.Should().Be(meets);
        judgement.AgainstNorm.Status.Should().Be(expected);
    }

    [Fact]
    public void ShareWithinTerm_IsPercentOfDecisions() =>
        KpiAssessment.ShareWithinTerm(133, 190).Value.Should().Be(70m);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 4)]
    [InlineData(-1, 4)]
    public void ShareWithinTerm_IsNotApplicable_WithoutConsistentCounts(int within, int total) =>
        KpiAssessment.ShareWithinTerm(within, total).Outcome.Should().Be(Outcome.NotApplicable);

    [Theory]
    [InlineData(KpiStatus.OnTrack, "op koers")]
    [InlineData(KpiStatus.Attention, "aandacht")]
    [InlineData(KpiStatus.OffTrack, "uit koers")]
    public void StatusLabel_IsDutch(KpiStatus status, string expected) => status.ToDutchLabel().Should().Be(expected);

    [Fact]
    public void Band_Throws_WhenBoundsAreReversed()
    {
        var act = () => KpiTarget.Band(60m, 40m);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(KpiDirection.HigherIsBetter, 90, true)]
    [InlineData(KpiDirection.LowerIsBetter, 90, false)]
    public void Create_BuildsTheTargetForADirection(KpiDirection direction, int actual, bool met) =>
        KpiTarget.Create(direction, 80m).IsMetBy(actual).Should().Be(met);
}
