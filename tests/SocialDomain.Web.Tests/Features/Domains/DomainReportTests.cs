using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Domains;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Tests.Features.Domains;

/// <summary>
/// The domain page's pure report builder. Figures: the demo realisatie 2019 of Geëscaleerde zorg 18- (€ 2.929.000 against a
/// primitieve begroting of € 3.913.000, G40 −32, 90.612 inhabitants; docs/calculations.md "Own cost per inhabitant") and
/// made-up prognoses for 2020.
/// </summary>
public class DomainReportTests
{
    private static readonly DomainPage Jeugd = DomainCatalogue.Find("jeugd")!;
    private static readonly Period K4 = Period.OfQuarter(2020, 4);

    private static OverviewKpi Kpi(int id, string code, SocialDomainArea domain, decimal? target, string? taskField = null) => new(
        new KpiDefinition
        {
            Id = id, Code = code, Name = code, Definition = "…", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter,
            Domain = domain, ProgrammeCode = "2", ProgrammeName = "Zorg", TaskFieldCode = taskField,
        },
        target is { } value ? [new TargetVersion { KpiCode = code, KpiName = code, Version = 1, TargetValue = value, ValidFromYear = 2020, IsCurrent = true }] : [],
        []);

    /// <summary>Live (staff) overview of 2020-K4: A on track, B off track, C without target, D (sociaal domein, taakveld 6.72), W (Wmo).</summary>
    private static OverviewReport Overview(out Dictionary<string, string> taskFields)
    {
        OverviewKpi[] kpis =
        [
            Kpi(1, "A_ON_TRACK", SocialDomainArea.Jeugd, 80m),
            Kpi(2, "B_OFF_TRACK", SocialDomainArea.Jeugd, 95m),
            Kpi(3, "C_NO_TARGET", SocialDomainArea.Jeugd, null),
            Kpi(4, "D_BY_TASK_FIELD", SocialDomainArea.SociaalDomein, 50m, "6.72"),
            Kpi(5, "W_WMO", SocialDomainArea.Wmo, 10m),
        ];
        var measurements = kpis.ToDictionary(k => k.Kpi.Id, k => new List<MeasurementPoint> { new(K4, k.Kpi.Id == 2 ? 40m : 90m, MeasurementStatus.Final, false) });
        var choice = PublicationChoice.Resolve([], null, null);
        var data = new OverviewData(choice, measurements, OverviewSelection.Choose(null, [], OverviewQuery.QuartersWithData(measurements), true), kpis);
        taskFields = kpis.Where(k => k.Kpi.TaskFieldCode is not null).ToDictionary(k => k.Kpi.Code, k => k.Kpi.TaskFieldCode!);
        return OverviewReport.Build(data, showsUnpublished: true);
    }

    private static BudgetLineData Line(BudgetScope scope, string code, string? taskField, int year, BudgetStage stage, decimal amount, DateOnly? periodEnd = null,
        BudgetMeasure measure = BudgetMeasure.Expenses) =>
        new() { Scope = scope, ScopeCode = code, Name = code, TaskFieldCode = taskField, Year = year, Stage = stage, Measure = measure, Amount = amount, PeriodEnd = periodEnd };

    private static readonly BudgetLineData[] Lines =
    [
        // 2019: the demo lot without its own taakveld (GZ_18MIN → 6.82 by the demo mapping).
        Line(BudgetScope.Lot, "GZ_18MIN", "6.82", 2019, BudgetStage.OriginalBudget, 3913000m),
        Line(BudgetScope.Lot, "GZ_18MIN", "6.82", 2019, BudgetStage.Actuals, 2929000m),
        // 2020: a taakveld line with begroting, gewijzigd and two prognoses (the latest counts); a saldo line is left out.
        Line(BudgetScope.TaskField, "6.82", "6.82", 2020, BudgetStage.OriginalBudget, 1000000m),
        Line(BudgetScope.TaskField, "6.82", "6.82", 2020, BudgetStage.AmendedBudget, 1200000m),
        Line(BudgetScope.TaskField, "6.82", "6.82", 2020, BudgetStage.Forecast, 1500000m, new DateOnly(2020, 4, 30)),
        Line(BudgetScope.TaskField, "6.82", "6.82", 2020, BudgetStage.Forecast, 1450000m, new DateOnly(2020, 8, 31)),
        Line(BudgetScope.TaskField, "6.82", "6.82", 2020, BudgetStage.AmendedBudget, -50000m, measure: BudgetMeasure.Net),
        // 2020: two lots of 6.72 with their own taakveld, summed; only a realisatie to date.
        Line(BudgetScope.Lot, "L1", "6.72", 2020, BudgetStage.OriginalBudget, 8000000m),
        Line(BudgetScope.Lot, "L2", "6.72", 2020, BudgetStage.OriginalBudget, 4000000m),
        Line(BudgetScope.Lot, "L1", "6.72", 2020, BudgetStage.Actuals, 3000000m, new DateOnly(2020, 4, 30)),
        // Another domain's taakveld and a programme line: not on the Jeugd page.
        Line(BudgetScope.Lot, "MVZ_WMO", "6.6", 2019, BudgetStage.OriginalBudget, 2029000m),
        Line(BudgetScope.Programme, "2", null, 2019, BudgetStage.OriginalBudget, 80000000m),
    ];

    private static DomainData Data(BudgetLineData[]? lines = null, PopulationSnapshot[]? populations = null) => new(
        Jeugd,
        Overview(out var taskFields),
        taskFields,
        [new("6.72", "Maatwerkdienstverlening 18-"), new("6.82", "Geëscaleerde zorg 18-")],
        lines ?? Lines,
        null,
        [new("6.82", 2019, BenchmarkStage.AnnualAccounts, -32m), new("6.72", 2019, BenchmarkStage.AnnualAccounts, -168m), new("6.82", 2019, BenchmarkStage.Budget, -43.3m)],
        populations ?? [new(new DateOnly(2019, 12, 1), 90612), new(new DateOnly(2020, 9, 1), 90831)]);

    [Fact]
    public void Kpis_AreTheDomainsAndThoseOfItsTaskFields_WorstFirst_WithTheOverviewsStatusCounts()
    {
        var report = DomainReport.Build(Data(), (ExplanationThresholds?)null);

        report.Kpis.Quarter.Should().Be(K4);
        report.Kpis.Rows.Select(r => r.Code).Should().Equal("B_OFF_TRACK", "A_ON_TRACK", "D_BY_TASK_FIELD", "C_NO_TARGET");
        report.Kpis.Counts.Should().Be(new StatusCounts(OnTrack: 2, Attention: 0, OffTrack: 1, NotAssessable: 1));
    }

    [Fact]
    public void Budget_PerTaskFieldAndYear_ComparesTheRealisationOrTheLatestPrognose()
    {
        var rows = DomainReport.Build(Data(), (ExplanationThresholds?)null).Budget.Rows;

        rows.Select(r => (r.TaskField.Code, r.Year)).Should().Equal(("6.72", 2020), ("6.82", 2020), ("6.82", 2019));

        var prognose = rows.Single(r => r.TaskField.Code == "6.82" && r.Year == 2020);
        (prognose.Original, prognose.Amended, prognose.Compared, prognose.ComparedLabel).Should().Be((1000000m, 1200000m, 1450000m, "prognose (stand 31-08-2020)"));
        prognose.Headline!.Description.Should().Be("overschrijding van €\u00A0250.000 (20,8% van de begroting)");
        prognose.AgainstOriginal!.Amount.Should().Be(450000m);
        prognose.Direction.Should().Be("nadelig: hogere lasten dan begroot");

        var realisation = rows.Single(r => r.Year == 2019);
        (realisation.Original, realisation.Amended, realisation.Compared, realisation.ComparedLabel).Should().Be((3913000m, (decimal?)null, 2929000m, "realisatie"));
        realisation.Headline!.Description.Should().Be("onderschrijding van €\u00A0984.000 (25,1% van de begroting)");
        realisation.Direction.Should().Be("voordelig: lagere lasten dan begroot");

        var toDate = rows.Single(r => r.TaskField.Code == "6.72");
        (toDate.Original, toDate.Compared, toDate.Headline).Should().Be((12000000m, 3000000m, (BudgetVarianceResult?)null));
        toDate.Missing.Should().Be("realisatie t/m 30-04-2020: een realisatie tot een datum in het jaar is niet met de jaarbegroting te vergelijken");
    }

    [Fact]
    public void Budget_WithoutThresholds_SaysNoneAreSet_AndJudgesNothing()
    {
        var budget = DomainReport.Build(Data(), (ExplanationThresholds?)null).Budget;

        budget.ThresholdsText.Should().Be("geen toelichtingsgrenzen ingesteld");
        budget.Rows.Should().OnlyContain(r => r.Judgement == null);
    }

    // The 2020 prognose of 6.82 is € 250.000 (20,8%) above the gewijzigde begroting.
    [Theory]
    [InlineData(250000, 10, ThresholdCombination.Both, ExplanationVerdict.WithinThresholds)]
    [InlineData(200000, 10, ThresholdCombination.Both, ExplanationVerdict.Explain)]
    [InlineData(250000, 10, ThresholdCombination.Either, ExplanationVerdict.Explain)]
    [InlineData(500000, 25, ThresholdCombination.Either, ExplanationVerdict.WithinThresholds)]
    public void Budget_WithThresholds_JudgesTheHeadlineVariance(int absolute, int percent, ThresholdCombination combination, ExplanationVerdict verdict)
    {
        var thresholds = new ExplanationThresholds(absolute, percent, combination);

        var report = DomainReport.Build(Data(), thresholds);

        report.Budget.ThresholdsText.Should().Be(thresholds.Description);
        report.Budget.Rows.Single(r => r.TaskField.Code == "6.82" && r.Year == 2020).Judgement!.Verdict.Should().Be(verdict);
    }

    [Fact]
    public void Budget_WithoutBudget_SaysSo()
    {
        var rows = DomainReport.Build(Data([Line(BudgetScope.TaskField, "6.82", "6.82", 2019, BudgetStage.Actuals, 2929000m)]), (ExplanationThresholds?)null).Budget.Rows;

        rows.Single().Missing.Should().Be("geen begroting");
    }

    [Fact]
    public void OwnCost_PerTaskField_ForTheYearsWithARealisation_AgainstTheHomeG40Figure()
    {
        var part = DomainReport.Build(Data(), (ExplanationThresholds?)null).Benchmark;

        part.Report.Should().BeNull();
        part.Missing.Should().Be("geen G40-cijfers voor dit domein geladen");
        part.OwnCosts.Select(r => (r.TaskField.Code, r.Year)).Should().Equal(("6.72", 2019), ("6.82", 2019));
        part.OwnCosts[0].Result.Reason.Should().Be("niet te berekenen: geen realisatie (jaarrekening) van taakveld 6.72 in 2019");
        var own = part.OwnCosts[1].Result.Value;
        (DutchFormat.Round(own.PerInhabitant, 2), own.BenchmarkSaldo, own.Agrees).Should().Be((32.32m, -32m, true));
    }

    [Fact]
    public void OwnCost_WithoutThePopulationOfTheYear_IsNotEnoughData()
    {
        var part = DomainReport.Build(Data(populations: [new(new DateOnly(2020, 9, 1), 90831)]), (ExplanationThresholds?)null).Benchmark;

        part.OwnCosts[1].Result.Reason.Should().Be("niet te berekenen: geen inwonertal van 2019 (inwonertal alleen van 09-2020)");
    }

    [Fact]
    public void Participatie_HasNoBenchmark_AndSaysWhy()
    {
        var report = DomainReport.Build(Data() with { Page = DomainCatalogue.Find("PARTICIPATIE")!, TaskFields = [], HomeFigures = [] }, (ExplanationThresholds?)null);

        report.Benchmark.Missing.Should().Contain("geen G40-cijfers");
        report.Benchmark.OwnCosts.Should().BeEmpty();
        report.Budget.Rows.Should().BeEmpty();
    }
}
