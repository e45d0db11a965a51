using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "Budget variance in the Hilversum sign convention".</summary>
public class HilversumBudgetTests
{
    [Theory]
    [InlineData(1_897_000, BudgetMeasure.Expenses, 1_897_000)] // lot Toegang 2019, lasten: unchanged
    [InlineData(1_163_470, BudgetMeasure.Net, -1_163_470)] // programme 2 Zorg 2019, overspend as a saldo: net cost becomes negative
    [InlineData(-1_081_293, BudgetMeasure.Net, 1_081_293)] // programme 2 Zorg, budget change 2017 saldo: net income becomes positive
    [InlineData(0, BudgetMeasure.Net, 0)]
    [InlineData(-2_730_000, BudgetMeasure.Income, 2_730_000)] // baten: booked negative, positive in Core
    public void ToCore_FlipsTheSaldoAndTheBaten(int hilversum, BudgetMeasure measure, int core)
    {
        HilversumBudget.ToCore(hilversum, measure).Should().Be(core);
        HilversumBudget.FromCore(core, measure).Should().Be(hilversum);
    }

    // Seed 003, line 1195: programme Zorg overspent its 2019 budget by € 1.163.470, "circa 1,4%". Stored as saldi: the
    // (derived) budget 83.105.000 and the overspend; the realisation is derived as 83.105.000 + 1.163.470 = 84.268.470.
    [Theory]
    [InlineData(84_268_470, 83_105_000, BudgetMeasure.Net, 1_163_470, "1.4", BudgetVarianceKind.Overrun, KpiStatus.OnTrack, "overschrijding van €\u00A01.163.470 (1,4% van de begroting)")]
    [InlineData(82_000_000, 83_105_000, BudgetMeasure.Net, -1_105_000, "-1.3", BudgetVarianceKind.Underrun, KpiStatus.OnTrack, "onderschrijding van €\u00A01.105.000 (1,3% van de begroting)")]
    [InlineData(1_100, 1_000, BudgetMeasure.Net, 100, "10", BudgetVarianceKind.Overrun, KpiStatus.Attention, "overschrijding van €\u00A0100 (10,0% van de begroting)")]
    [InlineData(1_200, 1_000, BudgetMeasure.Net, 200, "20", BudgetVarianceKind.Overrun, KpiStatus.OffTrack, "overschrijding van €\u00A0200 (20,0% van de begroting)")]
    [InlineData(-1_000_000, -1_081_293, BudgetMeasure.Net, 81_293, "7.5", BudgetVarianceKind.Overrun, KpiStatus.Attention, "overschrijding van €\u00A081.293 (7,5% van de begroting)")]
    [InlineData(1_000, 1_000, BudgetMeasure.Net, 0, "0", BudgetVarianceKind.OnBudget, KpiStatus.OnTrack, "conform begroting")]
    [InlineData(1_050, 1_000, BudgetMeasure.Expenses, 50, "5", BudgetVarianceKind.Overrun, KpiStatus.OnTrack, "overschrijding van €\u00A050 (5,0% van de begroting)")]
    [InlineData(800, 1_000, BudgetMeasure.Expenses, -200, "-20", BudgetVarianceKind.Underrun, KpiStatus.OnTrack, "onderschrijding van €\u00A0200 (20,0% van de begroting)")]
    [InlineData(-1_600_000, -2_000_000, BudgetMeasure.Income, 400_000, "20", BudgetVarianceKind.Overrun, KpiStatus.OffTrack, "overschrijding van €\u00A0400.000 (20,0% van de begroting)")]
    [InlineData(-2_100_000, -2_000_000, BudgetMeasure.Income, -100_000, "-5", BudgetVarianceKind.Underrun, KpiStatus.OnTrack, "onderschrijding van €\u00A0100.000 (5,0% van de begroting)")]
    public void Against_TakesAndReturnsHilversumAmounts_WithCoresJudgement(
        int realisation, int budget, BudgetMeasure measure, int difference, string percent, BudgetVarianceKind kind, KpiStatus status, string description)
    {
        var variance = HilversumBudget.Against(realisation, budget, measure);

        variance.Budget.Should().Be(budget);
        variance.Realisation.Should().Be(realisation);
        variance.Measure.Should().Be(measure);
        variance.Difference.Should().Be(difference);
        DutchFormat.Round(variance.DifferencePercent!.Value, 1).Should().Be(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));
        variance.Kind.Should().Be(kind);
        variance.Status.Should().Be(status);
        variance.Description.Should().Be(description);
    }

    [Theory]
    [InlineData(84_268_470, 83_105_000)]
    [InlineData(82_000_000, 83_105_000)]
    [InlineData(-1_000_000, -1_081_293)]
    [InlineData(500, 0)]
    public void Against_IsCoresVarianceOfTheFlippedSaldo_WithDifferenceAndPercentFlippedBack(int realisation, int budget)
    {
        var core = BudgetVariance.Against(-realisation, -budget, BudgetMeasure.Net);

        var variance = HilversumBudget.Against(realisation, budget, BudgetMeasure.Net);

        variance.Difference.Should().Be(-core.Difference).And.Be(realisation - budget);
        variance.DifferencePercent.Should().Be(-core.DifferencePercent);
        variance.Kind.Should().Be(core.Kind);
        variance.Status.Should().Be(core.Status);
        variance.Description.Should().Be(core.Description);
        variance.StatusUnavailableReason.Should().Be(core.StatusUnavailableReason);
    }

    [Fact]
    public void AgainstOriginalAndAmended_ReturnsBothComparisonsAndTheAmendment_AsHilversumBooksThem()
    {
        // Illustrative, as in "Budget variance": primitive 100 amended to 110, realisation 112, here as saldi (net cost).
        var comparison = HilversumBudget.AgainstOriginalAndAmended(112m, 100m, 110m, BudgetMeasure.Net);

        comparison.AgainstOriginal.Difference.Should().Be(12m);
        comparison.AgainstOriginal.DifferencePercent.Should().Be(12m);
        comparison.AgainstOriginal.Status.Should().Be(KpiStatus.Attention);
        comparison.AgainstAmended!.Difference.Should().Be(2m);
        comparison.AgainstAmended.Budget.Should().Be(110m);
        comparison.AgainstAmended.Status.Should().Be(KpiStatus.OnTrack);
        comparison.Amendment.Should().Be(10m);
        comparison.Headline.Should().BeSameAs(comparison.AgainstAmended);
    }

    [Fact]
    public void AgainstOriginalAndAmended_WithoutAmendedBudget_UsesThePrimitiveBudget()
    {
        var comparison = HilversumBudget.AgainstOriginalAndAmended(1_050m, 1_000m, null, BudgetMeasure.Expenses);

        comparison.AgainstAmended.Should().BeNull();
        comparison.Amendment.Should().BeNull();
        comparison.Headline.Should().BeSameAs(comparison.AgainstOriginal);
        comparison.Headline.Difference.Should().Be(50m);
    }
}
