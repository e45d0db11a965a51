using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>docs/calculations.md, "SMART-streefwaarde": value ranges per unit, for targets and for measurements.</summary>
public class UnitRangesTests
{
    [Theory]
    [InlineData(KpiUnit.Percent, 0, null)]
    [InlineData(KpiUnit.Percent, 100, null)]
    [InlineData(KpiUnit.Percent, 100.1, "een percentage ligt tussen 0 en 100.")]
    [InlineData(KpiUnit.Percent, -0.1, "een percentage ligt tussen 0 en 100.")]
    [InlineData(KpiUnit.Score, 1, null)]
    [InlineData(KpiUnit.Score, 10, null)]
    [InlineData(KpiUnit.Score, 11, "een rapportcijfer ligt tussen 1 en 10.")]
    [InlineData(KpiUnit.Score, 0.9, "een rapportcijfer ligt tussen 1 en 10.")]
    [InlineData(KpiUnit.Count, -1, "de waarde kan niet negatief zijn.")]
    [InlineData(KpiUnit.Weeks, -0.5, "de waarde kan niet negatief zijn.")]
    [InlineData(KpiUnit.Days, 0, null)]
    [InlineData(KpiUnit.Per10000, -1, "de waarde kan niet negatief zijn.")]
    [InlineData(KpiUnit.Euro, -1_000_000, null)]
    [InlineData(KpiUnit.EuroPerInhabitant, -184.3, null)]
    public void TargetProblem_PerUnit(KpiUnit unit, double value, string? expected) =>
        UnitRanges.TargetProblem(unit, (decimal)value).Should().Be(expected);

    [Theory]
    [InlineData(KpiUnit.Percent, -100, 100)]
    [InlineData(KpiUnit.Score, 1, 10)]
    public void ForMeasurement_BoundsPerUnit(KpiUnit unit, int min, int max) =>
        UnitRanges.ForMeasurement(unit).Should().Be(new ValueRange(min, max));

    [Fact]
    public void Percent_AllowsAFallOfAChangeAsMeasurement_ButOnlyALevelAsTarget()
    {
        // WI_OUTFLOW_INCREASE and SD_SPENDING_GROWTH measure a change in percent, which can be negative.
        UnitRanges.ForMeasurement(KpiUnit.Percent)!.Value.Contains(-12.5m).Should().BeTrue();
        UnitRanges.ForTarget(KpiUnit.Percent)!.Value.Contains(-12.5m).Should().BeFalse();
        UnitRanges.ForTarget(KpiUnit.Percent).Should().Be(new ValueRange(0m, 100m));
    }

    [Theory]
    [InlineData(KpiUnit.Count)]
    [InlineData(KpiUnit.Weeks)]
    [InlineData(KpiUnit.Days)]
    [InlineData(KpiUnit.Per10000)]
    public void CountsAndDurations_AreNonNegative_AsTargetAndAsMeasurement(KpiUnit unit)
    {
        UnitRanges.ForTarget(unit).Should().Be(ValueRange.NonNegative);
        UnitRanges.ForMeasurement(unit).Should().Be(ValueRange.NonNegative);
    }

    [Theory]
    [InlineData(KpiUnit.Euro)]
    [InlineData(KpiUnit.EuroPerInhabitant)]
    public void Amounts_HaveNoRange(KpiUnit unit)
    {
        UnitRanges.ForTarget(unit).Should().BeNull();
        UnitRanges.ForMeasurement(unit).Should().BeNull();
    }

    [Fact]
    public void EveryUnit_HasExactlyOneRow() =>
        UnitRanges.All.Select(r => r.Unit).Should().BeEquivalentTo(Enum.GetValues<KpiUnit>()).And.OnlyHaveUniqueItems();

    [Fact]
    public void EveryBoundedTargetRange_HasAReason() =>
        UnitRanges.All.Where(r => r.Target is not null).Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r.TargetRule));

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(-0.1, false)]
    [InlineData(100.1, false)]
    public void TolerancePercent_IsZeroToHundred(double value, bool allowed) =>
        UnitRanges.TolerancePercent.Contains((decimal)value).Should().Be(allowed);
}
