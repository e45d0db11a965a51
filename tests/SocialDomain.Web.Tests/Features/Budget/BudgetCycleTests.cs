using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Budget;
using static SocialDomain.Web.Tests.Features.Budget.BudgetSeedExamples;

namespace SocialDomain.Web.Tests.Features.Budget;

/// <summary>
/// The budget cycle per task field and the verdicts of the explanation thresholds (docs/calculations.md, "Begroting" and
/// "Toelichten: absolute and relative thresholds"), without database.
/// </summary>
public class BudgetCycleTests
{
    private static readonly BudgetReport Report = BudgetReport.Build(All);

    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static ThresholdVersion Version(int from, decimal? absolute, decimal? percent, ThresholdCombination combination, DateTimeOffset? at = null) =>
        new(from, new ExplanationThresholds(absolute, percent, combination), "test", at ?? At, "test");

    [Fact]
    public void TaskFields_Show2019Toegang_AsTaakveld62_WithBudgetAmendedRealisationAndItsVariances()
    {
        var year = Report.TaskFields.Single(y => y.Year == 2019);
        var toegang = year.Rows.Single(r => r.Code == "6.2");

        year.Rows.Select(r => r.Code).Should().Equal("6.2", "6.6", "6.71", "6.72", "6.81", "6.82");
        (toegang.Original, toegang.Amended, toegang.Realisation).Should().Be((1_897_000m, 1_900_000m, new CycleAmount(1_853_000m, null)));
        toegang.MadeOf.Should().Equal("Toegang (perceel)");
        toegang.AgainstOriginal!.Difference.Should().Be(-44_000m);
        toegang.AgainstAmended!.Difference.Should().Be(-47_000m);
        toegang.AgainstAmended.Direction.Should().Be("voordelig: lagere lasten dan begroot");
        toegang.AgainstAmended.Verdict.Should().Be(ExplanationVerdict.WithinThresholds);
        toegang.AgainstAmended.VerdictReason.Should().Be(
            "geen toelichting nodig: €\u00A047.000 is niet meer dan de grens van €\u00A0250.000 en 2,5% is niet meer dan de grens van 10%");
        toegang.Forecast.Should().BeNull();
        toegang.ForecastMissing.Should().Be(BudgetReport.NoForecastReason);
        toegang.ForecastAgainstBudget.Should().BeNull();
    }

    [Fact]
    public void TaskFields_WithoutAnAmendedBudget_CompareTheRealisationWithThePrimitiveOnly()
    {
        var gz = Report.TaskFields.Single(y => y.Year == 2019).Rows.Single(r => r.Code == "6.82");

        gz.Amended.Should().BeNull();
        gz.AmendedMissing.Should().Be(BudgetReport.UnassignedReason);
        gz.AgainstAmended.Should().BeNull();
        gz.AgainstOriginal!.Difference.Should().Be(-984_000m, "2.929.000 − 3.913.000");
        gz.AgainstOriginal.Verdict.Should().Be(ExplanationVerdict.Explain, "€ 984.000 is above € 250.000 (of: one threshold is enough)");
    }

    [Fact]
    public void TaskFields_TakeTheJaarrekening_OrElseTheLatestRealisationDuringTheYear_AndTheLatestPrognose()
    {
        BudgetLineData[] lines =
        [
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2024, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 1_000_000m),
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2024, BudgetStage.AmendedBudget, BudgetMeasure.Expenses, 1_200_000m),
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2024, BudgetStage.Actuals, BudgetMeasure.Expenses, 300_000m) with { PeriodEnd = new(2024, 4, 30) },
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2024, BudgetStage.Actuals, BudgetMeasure.Expenses, 700_000m) with { PeriodEnd = new(2024, 8, 31) },
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2024, BudgetStage.Forecast, BudgetMeasure.Expenses, 1_250_000m) with { PeriodEnd = new(2024, 4, 30) },
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2024, BudgetStage.Forecast, BudgetMeasure.Expenses, 1_500_000m) with { PeriodEnd = new(2024, 8, 31) },
        ];

        var row = BudgetReport.Build(new BudgetData(lines, [], [], [Version(2020, 250_000m, 10m, ThresholdCombination.Both)])).TaskFields.Single().Rows.Single();

        row.Realisation.Should().Be(new CycleAmount(700_000m, new DateOnly(2024, 8, 31)));
        BudgetReport.PeriodLabel(row.Realisation!, BudgetStage.Actuals).Should().Be("realisatie t/m 31-08-2024");
        row.Forecast.Should().Be(new CycleAmount(1_500_000m, new DateOnly(2024, 8, 31)));
        row.ForecastAgainstBudget!.Against.Should().Be(BudgetStage.AmendedBudget);
        row.ForecastAgainstBudget.Difference.Should().Be(300_000m);
        row.ForecastAgainstBudget.Verdict.Should().Be(ExplanationVerdict.Explain, "€ 300.000 > € 250.000 and 25% > 10%");
        row.ForecastAgainstBudget.Direction.Should().Be("nadelig: hogere lasten dan begroot");

        var withYearEnd = BudgetReport.Build(new BudgetData([.. lines, Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2024, BudgetStage.Actuals, BudgetMeasure.Expenses, 1_100_000m)], [], []));
        withYearEnd.TaskFields.Single().Rows.Single().Realisation.Should().Be(new CycleAmount(1_100_000m, null), "the jaarrekening wins over any period");
    }

    [Fact]
    public void TaskFields_OfBaten_JudgeLessIncomeAsUnfavourable()
    {
        BudgetLineData[] lines =
        [
            Line(BudgetScope.TaskField, "6.3", "Inkomensregelingen", 2024, BudgetStage.OriginalBudget, BudgetMeasure.Income, -2_000_000m),
            Line(BudgetScope.TaskField, "6.3", "Inkomensregelingen", 2024, BudgetStage.Actuals, BudgetMeasure.Income, -1_600_000m),
        ];

        var row = BudgetReport.Build(new BudgetData(lines, [], [], [Version(2016, 250_000m, 10m, ThresholdCombination.Both)])).TaskFields.Single().Rows.Single();

        row.AgainstOriginal!.Direction.Should().Be("nadelig: lagere baten dan begroot");
        row.AgainstOriginal.Verdict.Should().Be(ExplanationVerdict.Explain, "€ 400.000 and 20% are both above € 250.000 and 10%");
    }

    [Fact]
    public void TaskFields_UseTheTaskFieldsOwnLines_AndNeverAddTheLotsThatNameIt()
    {
        BudgetLineData[] lines =
        [
            Line(BudgetScope.TaskField, "6.2", "Wijkteams", 2024, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 5_000m),
            Line(BudgetScope.Lot, "A", "Perceel A", 2024, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 2_000m, taskField: "6.2"),
            Line(BudgetScope.Lot, "B", "Perceel B", 2024, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 3_000m, taskField: "6.7"),
            Line(BudgetScope.Lot, "C", "Perceel C", 2024, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 4_000m, taskField: "6.7"),
        ];

        var rows = BudgetReport.Build(new BudgetData(lines, [], [])).TaskFields.Single().Rows;

        rows.Single(r => r.Code == "6.2").Original.Should().Be(5_000m);
        rows.Single(r => r.Code == "6.2").MadeOf.Should().BeEmpty();
        rows.Single(r => r.Code == "6.7").Original.Should().Be(7_000m, "two lots of the same task field add up");
    }

    [Fact]
    public void StatedOverspendOfZorg2019_IsJudgedToelichten_ByTheAbsoluteThresholdAlone()
    {
        var zorg = Report.Years.Single(y => y.Year == 2019).Programmes.Single();

        zorg.StatedJudged!.Verdict.Should().Be(ExplanationVerdict.Explain);
        zorg.StatedJudged.Percent.Should().BeNull("budget and realisation are not in the sources");
        zorg.StatedJudged.VerdictReason.Should().Be(
            "toelichten: €\u00A01.163.470 is meer dan de grens van €\u00A0250.000 en het percentage is onbekend (grens 10%)");
        zorg.StatedJudged.Direction.Should().Be("nadelig: hoger saldo van lasten en baten dan begroot");
        zorg.StatedJudged.Thresholds.Should().Be("toelichten boven €\u00A0250.000 of 10%");
    }

    [Fact]
    public void StatedOverspend_WithEnThresholds_CannotBeJudged_WithoutAPercentage()
    {
        var report = BudgetReport.Build(new BudgetData(Zorg2019, [], [], [Version(2016, 250_000m, 10m, ThresholdCombination.Both)]));

        report.Years.Single().Programmes.Single().StatedJudged!.Verdict.Should().Be(ExplanationVerdict.NotJudgeable);
    }

    [Fact]
    public void Verdicts_WithoutAnyThresholds_AreNotJudgeable_WithTheReason()
    {
        var report = BudgetReport.Build(All with { Thresholds = [] });

        var zorg = report.Years.Single(y => y.Year == 2019).Programmes.Single();
        zorg.StatedJudged!.Verdict.Should().Be(ExplanationVerdict.NotJudgeable);
        zorg.StatedJudged.VerdictReason.Should().Be("niet te beoordelen: geen toelichtingsgrenzen ingesteld");
        report.TaskFields.SelectMany(y => y.Rows).Select(r => r.AgainstOriginal).OfType<JudgedVariance>()
            .Should().NotBeEmpty().And.AllSatisfy(v => v.VerdictToken.Should().Be("niet_te_beoordelen"));
    }

    [Fact]
    public void Verdicts_BeforeTheFirstVersion_SayNoThresholdsApplyToThatYear()
    {
        var report = BudgetReport.Build(All with { Thresholds = [Version(2020, 250_000m, 10m, ThresholdCombination.Either)] });

        report.Years.Single(y => y.Year == 2019).Programmes.Single().StatedJudged!.VerdictReason
            .Should().Be("niet te beoordelen: geen toelichtingsgrenzen die gelden voor 2019");
    }

    [Fact]
    public void InForce_IsTheNewestVersionValidFromThatYearOrEarlier_AndOfTwoFromTheSameYearTheLastRecorded()
    {
        var v2016 = Version(2016, 250_000m, 10m, ThresholdCombination.Either);
        var v2020 = Version(2020, 500_000m, null, ThresholdCombination.Either);
        var v2020Later = Version(2020, 400_000m, null, ThresholdCombination.Either, At.AddDays(1));
        IReadOnlyList<ThresholdVersion> versions = [v2020Later, v2016, v2020];

        ThresholdVersions.InForce(versions, 2015).Should().BeNull();
        ThresholdVersions.InForce(versions, 2016).Should().Be(v2016);
        ThresholdVersions.InForce(versions, 2019).Should().Be(v2016);
        ThresholdVersions.InForce(versions, 2020).Should().Be(v2020Later);
        ThresholdVersions.InForce(versions, 2030).Should().Be(v2020Later);
    }

    [Fact]
    public void Levels_JudgeTheRealisationAgainstTheAmendedAndThePrimitiveBudget()
    {
        BudgetLineData[] lines =
        [
            Line(BudgetScope.Programme, "2", "Programma 2 Zorg", 2024, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 10_000_000m),
            Line(BudgetScope.Programme, "2", "Programma 2 Zorg", 2024, BudgetStage.AmendedBudget, BudgetMeasure.Expenses, 11_000_000m),
            Line(BudgetScope.Programme, "2", "Programma 2 Zorg", 2024, BudgetStage.Actuals, BudgetMeasure.Expenses, 11_200_000m),
        ];

        var row = BudgetReport.Build(new BudgetData(lines, [], [], [Thresholds2016])).Years.Single().Programmes.Single();

        row.Judged!.Against.Should().Be(BudgetStage.AmendedBudget);
        row.Judged.Verdict.Should().Be(ExplanationVerdict.WithinThresholds, "€ 200.000 and 1,8% are below € 250.000 and 10%");
        row.JudgedAgainstOriginal!.Verdict.Should().Be(ExplanationVerdict.Explain, "€ 1.200.000 is above € 250.000");
    }
}
