using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "Begrotingscyclus invoeren" (today 3-12-2026).</summary>
public class BudgetCycleEntryTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static BudgetCycleInput Input(
        BudgetStage stage = BudgetStage.OriginalBudget, int year = 2019, string taskField = "6.72", BudgetMeasure category = BudgetMeasure.Expenses,
        DateOnly? periodEnd = null, string? number = null, DateOnly? date = null, string? reason = null, decimal amount = 12_158_000m, string programme = "2") =>
        new(year, programme, taskField, category, stage, periodEnd, number, date, reason, amount);

    private static IReadOnlyList<BudgetCycleProblem> Problems(BudgetCycleInput input) => BudgetCycleEntry.Problems(input, Today, p => p is "2" or "3");

    private static BudgetCycleAmount Line(BudgetStage stage, decimal iv3Amount, string? number = null, BudgetMeasure measure = BudgetMeasure.Expenses, string code = "6.72") =>
        new(BudgetScope.TaskField, code, "2", 2019, stage, measure, null, number, BudgetCycleEntry.StoredAmount(measure, iv3Amount));

    [Theory]
    [InlineData(BudgetMeasure.Income, 250_000, -250_000)]
    [InlineData(BudgetMeasure.Expenses, 12_158_000, 12_158_000)]
    [InlineData(BudgetMeasure.Income, -50_000, 50_000)]
    public void StoredAmount_TurnsIv3BatenNegative_AndBack(BudgetMeasure category, decimal iv3, decimal stored)
    {
        BudgetCycleEntry.StoredAmount(category, iv3).Should().Be(stored);
        BudgetCycleEntry.Iv3Amount(category, stored).Should().Be(iv3);
    }

    public static TheoryData<string, BudgetCycleInput, BudgetCycleField?, string?> Rows => new()
    {
        { "realisatie t/m september 2026", Input(BudgetStage.Actuals, 2026, periodEnd: new(2026, 9, 30)), null, null },
        { "realisatie t/m december 2026", Input(BudgetStage.Actuals, 2026, periodEnd: new(2026, 12, 31)), BudgetCycleField.PeriodEnd,
            "Peildatum: een realisatie tot en met 31-12-2026 ligt in de toekomst (vandaag is 3-12-2026)." },
        { "realisatie 2026 zonder peildatum", Input(BudgetStage.Actuals, 2026), BudgetCycleField.PeriodEnd, "Peildatum: leeg betekent de realisatie over heel 2026" },
        { "jaarrekening 2025", Input(BudgetStage.Actuals, 2025), null, null },
        { "realisatie 2027", Input(BudgetStage.Actuals, 2027), BudgetCycleField.Year, "Jaar: een realisatie over 2027 ligt in de toekomst (vandaag is 3-12-2026)." },
        { "prognose 2027", Input(BudgetStage.Forecast, 2027), BudgetCycleField.Year, "Jaar: een prognose over 2027 ligt in de toekomst" },
        { "prognose 2026 zonder peildatum", Input(BudgetStage.Forecast, 2026), null, null },
        { "peildatum in een ander jaar", Input(BudgetStage.Actuals, 2025, periodEnd: new(2024, 12, 31)), BudgetCycleField.PeriodEnd, "Peildatum: 31-12-2024 ligt niet in het jaar 2025." },
        { "peildatum bij een begroting", Input(periodEnd: new(2019, 4, 30)), BudgetCycleField.PeriodEnd, "Peildatum: alleen bij realisatie of prognose" },
        { "wijziging zonder nummer", Input(BudgetStage.Change, date: new(2019, 7, 4), reason: "Extra jeugdhulp"), BudgetCycleField.ChangeNumber,
            "Wijzigingsnummer: verplicht bij een begrotingswijziging (zoals 2019-07)." },
        { "wijziging zonder datum", Input(BudgetStage.Change, number: "2019-07", reason: "Extra jeugdhulp"), BudgetCycleField.ChangeDate, "Datum wijziging: verplicht" },
        { "wijziging zonder reden", Input(BudgetStage.Change, number: "2019-07", date: new(2019, 7, 4)), BudgetCycleField.ChangeReason, "Reden wijziging: verplicht" },
        { "wijziging in de toekomst", Input(BudgetStage.Change, number: "2027-01", date: new(2027, 1, 5), reason: "x"), BudgetCycleField.ChangeDate, "Datum wijziging: 5-1-2027 ligt na vandaag" },
        { "volledige wijziging", Input(BudgetStage.Change, number: "2019-07", date: new(2019, 7, 4), reason: "Extra jeugdhulp", amount: 300_000m), null, null },
        { "primitieve met wijzigingsnummer", Input(number: "2019-07"), BudgetCycleField.ChangeNumber, "Wijzigingsnummer: alleen bij een begrotingswijziging" },
        { "taakveld 6.9", Input(taskField: "6.9"), BudgetCycleField.TaskField, "Taakveld: '6.9' is geen taakveld van de IV3-indeling (BBV); gebruik een code zoals 6.72." },
        { "taakveld 6,72", Input(taskField: "6,72"), BudgetCycleField.TaskField, "Taakveld: '6,72' is geen taakveld van de IV3-indeling" },
        { "taakveld 0.1 is IV3", Input(taskField: "0.1"), null, null },
        { "onbekend programma", Input(programme: "9"), BudgetCycleField.Programme, "Programma: onbekende programmacode '9'; leg het programma eerst vast." },
        { "saldo", Input(category: BudgetMeasure.Net), BudgetCycleField.Category, "Categorie: kies lasten of baten" },
        { "meerjarenraming", Input(BudgetStage.MultiYearEstimate), BudgetCycleField.Stage, "Fase: kies primitieve_begroting" },
        { "te groot bedrag", Input(amount: 20_000_000_000m), BudgetCycleField.Amount, "Bedrag: € 20.000.000.000 is groter dan" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Problems_WorkedExamples(string because, BudgetCycleInput input, BudgetCycleField? field, string? message)
    {
        var problems = Problems(input);

        if (field is null)
        {
            problems.Should().BeEmpty(because);
            return;
        }

        problems.Should().ContainSingle(because).Which.Field.Should().Be(field);
        problems[0].Message.Replace("\u00A0", " ").Should().StartWith(message!, because);
    }

    [Fact]
    public void Problems_WijzigingWithoutAnything_NamesEachMissingField()
    {
        Problems(Input(BudgetStage.Change)).Select(p => p.Field).Should().Equal(BudgetCycleField.ChangeNumber, BudgetCycleField.ChangeDate, BudgetCycleField.ChangeReason);
    }

    [Fact]
    public void SumProblems_AcceptsAmendedBudget_EqualToOriginalPlusChanges()
    {
        IReadOnlyList<BudgetCycleAmount> file =
        [
            Line(BudgetStage.OriginalBudget, 12_158_000m), Line(BudgetStage.Change, 300_000m, "2019-07"), Line(BudgetStage.Change, 200_000m, "2019-11"),
            Line(BudgetStage.AmendedBudget, 12_658_000m),
        ];

        BudgetCycleEntry.SumProblems([], file).Should().BeEmpty();
    }

    [Fact]
    public void SumProblems_SaysByHowMuch_AndBlamesTheAmendedBudget()
    {
        IReadOnlyList<BudgetCycleAmount> file =
        [
            Line(BudgetStage.OriginalBudget, 12_158_000m), Line(BudgetStage.Change, 300_000m, "2019-07"), Line(BudgetStage.Change, 200_000m, "2019-11"),
            Line(BudgetStage.AmendedBudget, 12_758_000m),
        ];

        var problem = BudgetCycleEntry.SumProblems([], file).Should().ContainSingle().Subject;

        problem.Index.Should().Be(3);
        problem.Message.Should().Be(
            "Bedrag: de begrotingswijziging telt niet op. Voor taakveld 6.72, 2019, lasten is de gewijzigde begroting €\u00A012.758.000, maar de primitieve begroting "
            + "€\u00A012.158.000 plus de wijzigingen (2019-07, 2019-11) +€\u00A0500.000 is €\u00A012.658.000: een verschil van +€\u00A0100.000 (in dit bestand en de opgeslagen regels samen).");
    }

    [Fact]
    public void SumProblems_Baten_AreSummedInIv3Sign()
    {
        IReadOnlyList<BudgetCycleAmount> file =
        [
            Line(BudgetStage.OriginalBudget, 250_000m, measure: BudgetMeasure.Income, code: "6.6"),
            Line(BudgetStage.Change, -50_000m, "2019-07", BudgetMeasure.Income, "6.6"),
            Line(BudgetStage.AmendedBudget, 200_000m, measure: BudgetMeasure.Income, code: "6.6"),
        ];

        file.Select(l => l.StoredAmount).Should().Equal(-250_000m, 50_000m, -200_000m);
        BudgetCycleEntry.SumProblems([], file).Should().BeEmpty();
    }

    [Fact]
    public void SumProblems_CountsStoredLines_WithTheFile()
    {
        IReadOnlyList<BudgetCycleAmount> stored = [Line(BudgetStage.OriginalBudget, 12_158_000m), Line(BudgetStage.Change, 300_000m, "2019-07")];

        BudgetCycleEntry.SumProblems(stored, [Line(BudgetStage.Change, 200_000m, "2019-11"), Line(BudgetStage.AmendedBudget, 12_658_000m)]).Should().BeEmpty();
        BudgetCycleEntry.SumProblems(stored, [Line(BudgetStage.AmendedBudget, 12_658_000m)]).Should().ContainSingle()
            .Which.Message.Should().Contain("een verschil van +€\u00A0200.000");
    }

    [Fact]
    public void SumProblems_UsesTheCorrection_InsteadOfTheStoredLine()
    {
        IReadOnlyList<BudgetCycleAmount> stored =
            [Line(BudgetStage.OriginalBudget, 12_000_000m), Line(BudgetStage.Change, 300_000m, "2019-07"), Line(BudgetStage.AmendedBudget, 12_300_000m)];

        BudgetCycleEntry.SumProblems(stored, [Line(BudgetStage.OriginalBudget, 12_158_000m)]).Should().ContainSingle()
            .Which.Message.Should().Contain("een verschil van −€\u00A0158.000");
    }

    [Fact]
    public void SumProblems_IgnoresGroups_WithoutAChange_OrNotTouched()
    {
        // Toegang 2019 in the demo data: primitieve 1.897.000 and gewijzigd 1.900.000, no wijziging recorded.
        IReadOnlyList<BudgetCycleAmount> toegang = [Line(BudgetStage.OriginalBudget, 1_897_000m, code: "6.2"), Line(BudgetStage.AmendedBudget, 1_900_000m, code: "6.2")];
        BudgetCycleEntry.SumProblems([], toegang).Should().BeEmpty();

        IReadOnlyList<BudgetCycleAmount> wrongStored = [.. toegang, Line(BudgetStage.Change, 1m, "x", code: "6.2")];
        BudgetCycleEntry.SumProblems(wrongStored, [Line(BudgetStage.OriginalBudget, 100m)]).Should().BeEmpty();
    }

    [Fact]
    public void CorrectionReason_IsRequired()
    {
        BudgetCycleEntry.CorrectionReasonProblem("  ").Should().NotBeNull().And.Subject.As<BudgetCycleProblem>().Field.Should().Be(BudgetCycleField.CorrectionReason);
        BudgetCycleEntry.CorrectionReasonProblem("Jaarrekening vastgesteld").Should().BeNull();
    }

    [Fact]
    public void OutsideSocialDomain_OnlyForIv3FieldsOutsideMainTaskSix()
    {
        BudgetCycleEntry.OutsideSocialDomain("0.1").Should().Be(
            "Taakveld: 0.1 Bestuur valt buiten het sociaal domein (hoofdtaak 6); het dashboard bewaart alleen taakvelden 6.x.");
        BudgetCycleEntry.OutsideSocialDomain("6.72").Should().BeNull();
        BudgetCycleEntry.OutsideSocialDomain("9.9").Should().BeNull();
    }
}
