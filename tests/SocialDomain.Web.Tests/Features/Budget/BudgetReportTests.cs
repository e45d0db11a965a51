using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Budget;
using static SocialDomain.Web.Tests.Features.Budget.BudgetSeedExamples;

namespace SocialDomain.Web.Tests.Features.Budget;

/// <summary>The budget report without database or browser. Expected values: docs/calculations.md, section "Begroting".</summary>
public class BudgetReportTests
{
    private static readonly BudgetReport Report = BudgetReport.Build(All);

    private static LevelRow Row(int year, string code) => Report.Years.Single(y => y.Year == year).All.Single(r => r.Code == code);

    [Fact]
    public void Levels_ShowZorg2019sStatedOverspend_AsAVariance_WithoutDerivingABudgetOrARealisation()
    {
        var zorg = Row(2019, "2");

        zorg.Label.Should().Be("Programma 2 Zorg");
        zorg.Measure.Should().Be(BudgetMeasure.Net);
        zorg.Original.Should().BeNull();
        zorg.OriginalMissing.Should().Be(BudgetReport.NotInSourcesReason, "why the sources lack it is a note of the demo data, not code");
        zorg.Amended.Should().BeNull("003 prints no budget for programme Zorg 2019, only the overspend against it");
        zorg.Realisation.Should().BeNull("a stated variance is never turned into a realisation");
        zorg.StatedVariance.Should().Be(1_163_470m);
        zorg.Variance.Should().BeNull();
        zorg.VarianceComparedWith.Should().BeNull();
        zorg.VarianceMissing.Should().Be("de bron noemt alleen de afwijking: overschrijding van €\u00A01.163.470 t.o.v. de begroting; begroting en realisatie staan niet in de bronnen");
        zorg.Notes.Should().ContainSingle().Which.Should().StartWith("vermelde afwijking t.o.v. de begroting: Vermelde afwijking");
    }

    [Fact]
    public void Levels_ShowTheCertainLotFigures2019_AndKeepTheUnassignedOnesOutOfTheRows()
    {
        var toegang = Row(2019, "TOEGANG");
        var gz = Row(2019, "GZ_18MIN");

        toegang.Amended.Should().Be(1_900_000m);
        toegang.Realisation.Should().Be(1_853_000m);
        toegang.Variance!.Description.Should().Be("onderschrijding van €\u00A047.000 (2,5% van de begroting)");
        gz.Amended.Should().BeNull();
        gz.AmendedMissing.Should().Be(BudgetReport.UnassignedReason);
        gz.Variance!.Budget.Should().Be(3_913_000m, "without an amended budget the realisation is compared with the primitive one");
        Report.Years.Single(y => y.Year == 2019).Lots.Should().HaveCount(6);
        Report.Unassigned.Should().ContainSingle().Which.Amount.Should().Be(23_324_000m);
    }

    [Fact]
    public void Levels_ShowTheLots2019WithoutRealisation_WithTheUnassignedAmountsAsReason_AndTheirTotal()
    {
        var year = Report.Years.Single(y => y.Year == 2019);
        var lot = Row(2019, "MDV_18MIN");

        year.Lots.Should().HaveCount(6);
        year.Programmes.Should().ContainSingle();
        year.LotsOriginalTotal.Should().Be(55_691_000m);
        lot.Original.Should().Be(12_158_000m);
        lot.AmendedMissing.Should().Be(BudgetReport.UnassignedReason);
        lot.Realisation.Should().BeNull("a missing realisation is never 0");
        lot.RealisationNote.Should().Be(BudgetReport.UnassignedReason);
        lot.Variance.Should().BeNull();
        lot.VarianceComparedWith.Should().BeNull();
        lot.VarianceMissing.Should().Be("realisatie niet beschikbaar");
        lot.ChangePercent.Should().BeNull();
    }

    [Fact]
    public void Levels_CompareTheEstimate2022WithThePrimitiveBudget2019_AndCallTheMissingAmountsAnEstimate()
    {
        var lot = Row(2022, "MDV_18PLUS");

        lot.Original.Should().Be(14_439_000m);
        lot.OriginalIsEstimate.Should().BeTrue("the 2022 figure is a meerjarenraming of the 2019 cycle");
        Row(2019, "MDV_18PLUS").OriginalIsEstimate.Should().BeFalse();
        lot.ChangeFromYear.Should().Be(2019);
        DutchFormat.Round(lot.ChangePercent!.Value, 1).Should().Be(9.1m);
        lot.AmendedMissing.Should().Be(BudgetReport.ForecastReason);
        lot.RealisationNote.Should().Be(BudgetReport.ForecastReason);
        Report.Years.Select(y => y.Year).Should().Equal(2019, 2022);
    }

    [Fact]
    public void Levels_WithPrimitiveAndAmendedBudget_ShowTheAmendedAsHeadline_AndThePrimitiveToo()
    {
        // Illustrative, as in "Budget variance": primitive 100 amended to 110, realisation 112 (lasten).
        BudgetLineData[] lines =
        [
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2019, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 100m),
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2019, BudgetStage.AmendedBudget, BudgetMeasure.Expenses, 110m),
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2019, BudgetStage.Actuals, BudgetMeasure.Expenses, 112m),
        ];

        var row = BudgetReport.Build(new BudgetData(lines, [], [])).Years.Single().Lots.Single();

        row.Realisation.Should().Be(112m);
        row.RealisationNote.Should().BeNull();
        row.VarianceComparedWith.Should().Be(BudgetStage.AmendedBudget);
        row.Variance!.Budget.Should().Be(110m);
        row.Variance.Status.Should().Be(KpiStatus.OnTrack);
        row.VarianceAgainstOriginal!.Description.Should().Be("overschrijding van €\u00A012 (12,0% van de begroting)");
        row.VarianceAgainstOriginal.Status.Should().Be(KpiStatus.Attention);
    }

    [Fact]
    public void Levels_WithOnlyAPrimitiveBudgetAndARealisation_CompareWithThePrimitiveBudget()
    {
        BudgetLineData[] lines =
        [
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2019, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 1_000m),
            Line(BudgetScope.TaskField, "6.1", "Samenkracht", 2019, BudgetStage.Actuals, BudgetMeasure.Expenses, 800m),
        ];

        var row = BudgetReport.Build(new BudgetData(lines, [], [])).Years.Single().Lots.Single();

        row.VarianceComparedWith.Should().Be(BudgetStage.OriginalBudget);
        row.VarianceAgainstOriginal.Should().BeNull();
        row.AmendedMissing.Should().Be(BudgetReport.NotInSourcesReason);
        row.Variance!.Description.Should().Be("onderschrijding van €\u00A0200 (20,0% van de begroting)");
        row.Variance.Status.Should().Be(KpiStatus.OnTrack);
    }

    [Fact]
    public void Levels_ListProgrammesThatOnlyHaveABudgetChange()
    {
        Report.ProgrammesWithoutLevels.Should().Equal("Programma 3 Werken", "Programma 4 Bestuur");
    }

    [Fact]
    public void Changes_ArePerProgrammeAndYear_WithLastenAndBatenOnlyIn2017_AndTheTotalChecked()
    {
        Report.ChangeYears.Should().Equal(2017, 2018, 2019, 2020);
        Report.Changes.Select(c => c.Label).Should().Equal("Programma 2 Zorg", "Programma 3 Werken", "Programma 4 Bestuur");
        Report.Changes[0].Cells[2017].Should().Be(new ChangeCell(1_648_707m, -2_730_000m, -1_081_293m));
        Report.Changes[0].Cells[2018].Should().Be(new ChangeCell(null, null, -576_293m));
        Report.Changes[0].Cells[2017].For(BudgetMeasure.Income).Should().Be(-2_730_000m);
        Report.ChangeTotal!.Label.Should().Be("Totaal begrotingswijziging WINST");
        Report.ChangeChecks.Keys.Should().Equal(2017, 2018, 2019, 2020);
        Report.ChangeChecks.Values.Should().AllSatisfy(c => c.IsConsistent.Should().BeTrue());
        Report.ChangeChecks[2017].Message.Should().StartWith("klopt: vermeld 0, herberekend 0");
    }

    [Fact]
    public void Plan_ShowsParentsAsSubtotalsOfTheirParts_AndTotalsPerYearCheckedAgainstTheCoverage()
    {
        Report.PlanYears.Should().Equal(2017, 2018, 2019, 2020);
        var ict = Report.Plan.Single(p => p.Code == "W7_ICT");
        ict.IsSubtotal.Should().BeTrue();
        ict.Note.Should().Be(BudgetReport.SubtotalNote);
        ict.Amounts[2017].Should().Be(570_000m);
        ict.Total.Should().Be(1_080_000m);
        var ictIndex = Report.Plan.ToList().IndexOf(ict);
        Report.Plan.Skip(ictIndex + 1).Take(5).Should().AllSatisfy(p => p.Level.Should().Be(1)).And.AllSatisfy(p => p.Code.Should().StartWith("W7"));
        Report.Plan.Single(p => p.Code == "W8B_FORMATIE_EXTRA_MEDEWERKERS").Total.Should().Be(6_400_000m);
        Report.Plan.Should().HaveCount(15, "13 projects with amounts and 2 parents; the plan as a whole carries the coverage");

        Report.PlanTotals.Should().Equal(new Dictionary<int, decimal?> { [2017] = 2_730_000m, [2018] = 2_225_000m, [2019] = 1_725_000m, [2020] = 1_125_000m });
        Report.PlanGrandTotal.Should().Be(7_805_000m);
        Report.Coverage.Select(c => c.Name).Should().Equal("Dekking: Reserve sociaal domein", "Dekking: Substitutie zorgbudgetten");
        Report.Coverage[0].Amounts[2017].Should().Be(-2_730_000m);
        Report.PlanChecks.Values.Should().AllSatisfy(c => c.IsConsistent.Should().BeTrue());
        Report.PlanChecks[2017].Message.Should().StartWith("klopt: vermeld 2.730.000, herberekend 2.730.000");
        Report.PlanFunding[2017].Should().Be("Reserve sociaal domein");
    }

    [Fact]
    public void Plan_ParentWithoutParts_SaysItHasNoAmounts_AndAYearMissingInOneProjectMakesTheTotalIncomplete()
    {
        PlanProjectData[] projects =
        [
            new("W1_A", "A", null, [new(2017, 10m, null), new(2018, 20m, null)]),
            new("W2_B", "B", null, [new(2017, 5m, null)]),
            new("W9_LEEG", "Leeg", null, []),
        ];

        var report = BudgetReport.Build(new BudgetData([], projects, []));

        report.Plan.Single(p => p.Code == "W9_LEEG").Note.Should().Be(BudgetReport.NoAmountsNote);
        report.Plan.Single(p => p.Code == "W2_B").Total.Should().BeNull("a missing year is never counted as 0");
        report.PlanTotals[2017].Should().Be(15m);
        report.PlanTotals[2018].Should().BeNull();
        report.PlanGrandTotal.Should().BeNull();
        report.Coverage.Should().BeEmpty();
        report.PlanChecks.Should().BeEmpty();
    }

    [Fact]
    public void Reserve_FindsOpeningAndClosingBalanceByTheirKind_AndChecksBeginPlusMovementsIsEnd()
    {
        Report.Reserves.Should().ContainSingle().Which.Name.Should().Be("Bestemmingsreserve Sociaal Domein");
        Report.Reserves[0].Years.Select(r => r.Year).Should().Equal(2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020);

        var y2016 = Report.Reserves[0].Years.Single(r => r.Year == 2016);
        y2016.Opening.Should().Be(6_684_000m);
        y2016.Deposits.Should().Be(1_626_000m);
        y2016.Closing.Should().Be(8_310_000m);
        y2016.Check!.IsConsistent.Should().BeTrue();
        y2016.IsEstimate.Should().BeFalse();

        var y2013 = Report.Reserves[0].Years.Single(r => r.Year == 2013);
        y2013.Opening.Should().BeNull();
        y2013.OpeningMissing.Should().Be(BudgetReport.NoOpeningBalanceReason);
        y2013.Check!.IsConsistent.Should().BeNull("a missing opening balance is not counted as 0");

        var y2017 = Report.Reserves[0].Years.Single(r => r.Year == 2017);
        y2017.IsEstimate.Should().BeTrue();
        y2017.Withdrawals.Should().Be(-2_730_000m);
        y2017.Movements.Should().ContainSingle("the balances are not movements");
        Report.Reserves[0].Years.Where(r => r.Year >= 2014).Should().AllSatisfy(r => r.Check!.IsConsistent.Should().BeTrue());
    }

    [Fact]
    public void CrossChecks_CompareBudgetChange2017WithThePlan_AndTheReserveWithdrawalsWithThePlansCoverage()
    {
        Report.CrossChecks.Select(c => c.What).Should().Equal(
            "2017: lasten van de begrotingswijziging WINST (€\u00A02.730.000) tegen het investeringsplan 2017 (€\u00A02.730.000)",
            "2017: onttrekking uit de reserve voor WINST (€\u00A0\u22122.730.000) tegen de dekking uit de reserve in het investeringsplan (€\u00A0\u22122.730.000)",
            "2018: onttrekking uit de reserve voor WINST (€\u00A0\u22121.100.000) tegen de dekking uit de reserve in het investeringsplan (€\u00A0\u22121.100.000)",
            "2019: onttrekking uit de reserve voor WINST (€\u00A0\u2212600.000) tegen de dekking uit de reserve in het investeringsplan (€\u00A0\u2212600.000)",
            "2020: het investeringsplan dekt niets uit de reserve en de reserve vermeldt geen onttrekking voor WINST");
        Report.CrossChecks.Take(4).Should().AllSatisfy(c => c.Check!.IsConsistent.Should().BeTrue());
        Report.CrossChecks[^1].Check.Should().BeNull();
        Report.CrossChecks[^1].NeedsCheck.Should().BeFalse();
    }

    [Fact]
    public void Reserves_AreReportedPerName_InNameOrder_EachWithItsOwnYearsAndMaximum()
    {
        ReserveMovementData[] movements =
        [
            new("Reserve Wegen", 2024, "beginstand", 100m, null), new("Reserve Wegen", 2024, "onttrekking", -40m, null),
            new("Reserve Wegen", 2024, "eindstand", 60m, null), new("Reserve Wegen", 2024, "maximum", 500m, "plafond"),
            new("Egalisatiereserve", 2023, "beginstand", 10m, null), new("Egalisatiereserve", 2023, "eindstand", 12m, null),
        ];

        var report = BudgetReport.Build(new BudgetData([], [], movements));

        report.Reserves.Select(r => r.Name).Should().Equal("Egalisatiereserve", "Reserve Wegen");
        report.Reserves[0].Years.Single().Check!.IsConsistent.Should().BeFalse("10 + nothing is not 12");
        report.Reserves[0].Ceilings.Should().BeEmpty();
        report.Reserves[1].Years.Single().Check!.IsConsistent.Should().BeTrue();
        report.Reserves[1].Ceilings.Single().Amount.Should().Be(500m);
        report.Reserves[1].Summary.Should().Be("De stand per 31 december loopt van €\u00A060 in 2024 naar €\u00A060 op het hoogste punt en €\u00A060 in 2024.");
    }

    [Fact]
    public void BudgetChange_IsAttributedToTheOnlyPlan_AndToNoneWithTwoPlansOrNoBudgetChange()
    {
        BudgetReport.Build(All).ChangeProjectCode.Should().Be("WINST");
        PlanProjectData secondPlan = new("ZEESTAD", "Huisvestingsplan", null, [], BudgetReport.PlanRole);
        BudgetReport.Build(All with { Projects = [.. Plan, secondPlan] }).ChangeProjectCode.Should().BeNull("with two plans the budget lines do not say whose change it is");
        BudgetReport.Build(All with { Lines = [.. Lots] }).ChangeProjectCode.Should().BeNull("there is no budget change");
    }

    [Fact]
    public void CrossChecks_WithoutAReserveWithdrawal_SayThePlanCoversFromTheReserveAnyway_AndWithoutBudgetChangeSkipThe2017Check()
    {
        var report = BudgetReport.Build(new BudgetData([], Plan, []));

        report.CrossChecks.Should().HaveCount(4);
        report.CrossChecks[0].What.Should().Be("2017: het investeringsplan dekt €\u00A0\u22122.730.000 uit de reserve; de reserve noemt geen onttrekking voor WINST in dat jaar");
        report.CrossChecks[0].Check.Should().BeNull();
        report.CrossChecks[0].NeedsCheck.Should().BeTrue();
    }

    [Fact]
    public void Build_WithoutData_HasNoData()
    {
        var report = BudgetReport.Build(new BudgetData([], [], []));

        report.HasData.Should().BeFalse();
        report.Years.Should().BeEmpty();
        report.ChangeTotal.Should().BeNull();
        report.CrossChecks.Should().BeEmpty();
        Report.HasData.Should().BeTrue();
    }

    [Theory]
    [InlineData(BudgetScope.Lot, 2019, BudgetReport.UnassignedReason)]
    [InlineData(BudgetScope.Lot, 2018, BudgetReport.NotInSourcesReason)]
    [InlineData(BudgetScope.Lot, 2020, BudgetReport.ForecastReason)]
    [InlineData(BudgetScope.Programme, 2019, BudgetReport.NotInSourcesReason)]
    [InlineData(BudgetScope.Total, 2021, BudgetReport.ForecastReason)]
    public void MissingReason_ComesFromTheData_UnassignedAmountsOfTheScopeAndYear_AndTheLastYearWithARealisation(BudgetScope scope, int year, string expected)
    {
        var gaps = DataGaps.Of(All.Lines);

        gaps.LastRealisedYear.Should().Be(2019, "the last realisatie in the seed lines is of 2019");
        gaps.MissingReason(scope, year).Should().Be(expected);
    }

    [Fact]
    public void MissingReason_WithoutAnyRealisation_IsNeverAnEstimate()
    {
        var gaps = DataGaps.Of([Line(BudgetScope.Lot, "A", "A", 2030, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 1m)]);

        gaps.LastRealisedYear.Should().BeNull();
        gaps.MissingReason(BudgetScope.Lot, 2030).Should().Be(BudgetReport.NotInSourcesReason);
    }

    [Theory]
    [InlineData(BudgetStage.OriginalBudget, "primitieve begroting")]
    [InlineData(BudgetStage.AmendedBudget, "gewijzigde begroting")]
    [InlineData(BudgetStage.Actuals, "realisatie")]
    [InlineData(BudgetStage.StatedVariance, "vermelde afwijking t.o.v. de begroting")]
    [InlineData(BudgetStage.MultiYearEstimate, "meerjarenraming")]
    [InlineData(BudgetStage.Change, "begrotingswijziging")]
    public void StageLabel_IsTheStagesDutchName(BudgetStage stage, string expected) =>
        BudgetReport.StageLabel(Line(BudgetScope.Programme, "2", "Programma 2 Zorg", 2019, stage, BudgetMeasure.Net, 1m)).Should().Be(expected);

    [Theory]
    [InlineData("W7A_ICT_INVOEREN", "W7_ICT")]
    [InlineData("W7E_ICT_GWS", "W7_ICT")]
    [InlineData("W8B_FORMATIE_EXTRA_MEDEWERKERS", "W8_FORMATIE")]
    [InlineData("W5_MARKETING", null)]
    [InlineData("W7_ICT", null)]
    [InlineData("WINST", null)]
    public void ParentOf_IsTheProjectTheDataNameAsParent(string code, string? parent) =>
        (BudgetReport.ParentOf(Plan.Single(p => p.Code == code), Plan)?.Code).Should().Be(parent);

    [Fact]
    public void ParentOf_ReadsTheParentCode_NotTheCodesNumbering()
    {
        PlanProjectData[] projects =
        [
            new("GEBOUW", "Huisvesting", null, []),
            new("X-99", "Verbouwing", null, [new(2021, 10m, null)], ParentCode: "GEBOUW"),
            new("GEBOUWA", "Looks like a part by its code", null, [new(2021, 5m, null)]),
        ];

        BudgetReport.ParentOf(projects[1], projects).Should().BeSameAs(projects[0]);
        BudgetReport.ParentOf(projects[2], projects).Should().BeNull("its code extends GEBOUW by one letter, but the data name no parent");
        var report = BudgetReport.Build(new BudgetData([], projects, []));
        report.Plan.Single(p => p.Code == "GEBOUW").Amounts[2021].Should().Be(10m, "the subtotal is the sum of the parts the data name");
    }

    [Theory]
    [InlineData("beginstand", "Stand per 31 december", true, false)]
    [InlineData("eindstand", "Stand per 1 januari", false, true)]
    [InlineData("storting", "Storting per 1 januari", false, false)]
    [InlineData("maximum", "Maximum", false, false)]
    public void ReserveBalances_AreRecognisedByTheirKind_NotByTheirDescription(string kind, string description, bool opening, bool closing)
    {
        var movement = new ReserveMovementData("Reserve", 2017, kind, 1m, description);

        BudgetReport.IsOpeningBalance(movement).Should().Be(opening);
        BudgetReport.IsClosingBalance(movement).Should().Be(closing);
        BudgetReport.IsFlow(movement).Should().Be(kind is "storting");
    }

    [Theory]
    [InlineData("onttrekking", "PLAN", true)]
    [InlineData("onttrekking", null, false)]
    [InlineData("onttrekking", "ANDER", false)]
    [InlineData("storting", "PLAN", false)]
    public void IsPlanWithdrawal_IsAWithdrawalWhoseProjectIsThePlan(string kind, string? project, bool expected) =>
        BudgetReport.IsPlanWithdrawal(new ReserveMovementData("Reserve", 2017, kind, -1m, "Onttrekking ten behoeve van WINST", project), "PLAN").Should().Be(expected);

    [Fact]
    public void Dataset_PutsThePagesVarianceOnRealisationLinesOnly_InTheHilversumConvention()
    {
        var matching = Zorg2019.Concat(Lots).Select(l => new BudgetRecord { Line = l, SourceDocument = "003", SourceSection = "KPMG" }).ToList();

        var records = BudgetDataset.WithVariances(All.Lines, matching, All.Thresholds);

        var toegang = records.Single(r => r.Line.Stage == BudgetStage.Actuals && r.Line.ScopeCode == "TOEGANG").Variance!;
        toegang.ComparedWith.Should().Be("gewijzigde begroting");
        toegang.Budget.Should().Be(1_900_000m);
        toegang.Realisation.Should().Be(1_853_000m);
        toegang.Difference.Should().Be(-47_000m);
        toegang.DifferencePercent.Should().Be(-2.4737m, "47.000 / 1.900.000, rounded to four decimals");
        toegang.Kind.Should().Be(BudgetVarianceKind.Underrun);
        toegang.Judged!.VerdictToken.Should().Be("binnen_grenzen", "€ 47.000 and 2,5% are below € 250.000 and 10%");
        var stated = records.Single(r => r.Line.Stage == BudgetStage.StatedVariance).Variance!;
        (stated.Budget, stated.Realisation, stated.DifferencePercent, stated.Status).Should().Be(((decimal?)null, (decimal?)null, (decimal?)null, (KpiStatus?)null),
            "a stated variance has no levels to compare");
        stated.Difference.Should().Be(1_163_470m);
        stated.Judged!.VerdictToken.Should().Be("toelichten");
        records.Where(r => r.Line.Stage is not (BudgetStage.Actuals or BudgetStage.StatedVariance)).Should().AllSatisfy(r => r.Variance.Should().BeNull());
        records.Should().HaveCount(matching.Count);
    }
}
