using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Import;

/// <summary>
/// begrotingscyclus.csv (docs/data-sources.md, "Begrotingscyclus (IV3)"; rules in docs/calculations.md, "Begrotingscyclus
/// invoeren"): a good IV3 file is stored with baten negative; each bad input gives its Dutch message with column and line
/// and stores nothing. Today is 3-12-2026.
/// </summary>
public class BudgetCycleImportTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Header = "year;programme;task_field;category;stage;period_end;change_number;change_date;change_reason;amount;source_document;source_section;note;correction_reason";

    private static readonly string[] Cycle =
    [
        "2019;2;6.72;lasten;primitieve_begroting;;;;;12158000;Begr2019;p. 12;;",
        "2019;2;6.72;lasten;wijziging;;2019-07;2019-07-04;Extra jeugdhulp;300000;RB 2019-07;besluit;;",
        "2019;2;6.72;lasten;wijziging;;2019-11;14-11-2019;Tweede berap;200.000;RB 2019-11;besluit;;",
        "2019;2;6.72;lasten;gewijzigde_begroting;;;;;12.658.000;Jrk2019;p. 40;;",
        "2019;2;6.72;lasten;realisatie;;;;;12900000;Jrk2019;p. 41;;",
        "2019;2;6.6;baten;primitieve_begroting;;;;;250000;Begr2019;p. 13;eigen bijdragen;",
        "2026;2;6.72;lasten;prognose;2026-04-30;;;;13100000;Berap 2026-1;p. 5;;",
        "2019;1;0.1;lasten;primitieve_begroting;;;;;900000;Begr2019;p. 2;;",
    ];

    private static ImportFile File(params string[] lines) => new("begrotingscyclus.csv", Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]) + "\n"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Programmes.AddRange(new Programme { Code = "1", Name = "Bestuur" }, new Programme { Code = "2", Name = "Zorg" });
        db.TaskFields.Add(new TaskField { Code = "6.72", Name = "Maatwerkdienstverlening 18-", Domain = SocialDomainArea.Jeugd, ProgrammeCode = "2" });
        await db.SaveChangesAsync();
    }

    private async Task<ImportReport> ImportAsync(ImportFile file, bool preview = false)
    {
        var clock = new TestClock();
        clock.Advance(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero) - clock.GetUtcNow());
        await using var db = Database.CreateContext();
        return await new DatasetImporter(db, clock).ImportAsync([file], preview: preview);
    }

    private async Task<List<BudgetLine>> LinesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.BudgetLines.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
    }

    [Fact]
    public async Task GoodIv3File_IsStored_WithBatenNegative_AndTheTaskFieldItNeeds()
    {
        var report = await ImportAsync(File(Cycle));

        report.Problems.Should().BeEmpty();
        report.Notices.Should().ContainSingle().Which.Should().Be(
            "begrotingscyclus.csv regel 9: Taakveld: 0.1 Bestuur valt buiten het sociaal domein (hoofdtaak 6); het dashboard bewaart alleen taakvelden 6.x. De regel is overgeslagen.");
        var lines = await LinesAsync();
        lines.Select(l => (l.ScopeCode, l.Stage, l.Measure, l.Amount)).Should().Equal(
            ("6.72", BudgetStage.OriginalBudget, BudgetMeasure.Expenses, 12_158_000m),
            ("6.72", BudgetStage.Change, BudgetMeasure.Expenses, 300_000m),
            ("6.72", BudgetStage.Change, BudgetMeasure.Expenses, 200_000m),
            ("6.72", BudgetStage.AmendedBudget, BudgetMeasure.Expenses, 12_658_000m),
            ("6.72", BudgetStage.Actuals, BudgetMeasure.Expenses, 12_900_000m),
            ("6.6", BudgetStage.OriginalBudget, BudgetMeasure.Income, -250_000m),
            ("6.72", BudgetStage.Forecast, BudgetMeasure.Expenses, 13_100_000m));
        lines.Should().OnlyContain(l => l.Scope == BudgetScope.TaskField && l.TaskFieldCode == l.ScopeCode && l.ProgrammeCode == "2" && l.RecordedBy == "import");
        (lines[2].ChangeNumber, lines[2].ChangeDate, lines[2].ChangeReason).Should().Be(("2019-11", new DateOnly(2019, 11, 14), "Tweede berap"));
        lines[6].PeriodEnd.Should().Be(new DateOnly(2026, 4, 30));
        lines[0].Name.Should().Be("Maatwerkdienstverlening 18-");
        await using var db = Database.CreateContext();
        var added = await db.TaskFields.SingleAsync(t => t.Code == "6.6");
        (added.Name, added.Domain, added.ProgrammeCode).Should().Be(("Maatwerkvoorzieningen (WMO)", SocialDomainArea.Wmo, "2"));
        (await db.TaskFields.AnyAsync(t => t.Code == "0.1")).Should().BeFalse();
    }

    [Fact]
    public async Task SameFileTwice_ChangesNothing_AndThePreviewCountsTheCycle()
    {
        var preview = await ImportAsync(File(Cycle), preview: true);
        preview.Datasets["budget_cycle"].New.Should().Be(7);
        (await LinesAsync()).Should().BeEmpty();

        (await ImportAsync(File(Cycle))).Inserted.Should().Be(8);
        var again = await ImportAsync(File(Cycle));

        again.Problems.Should().BeEmpty();
        again.Inserted.Should().Be(0);
        (await LinesAsync()).Should().HaveCount(7);
    }

    public static TheoryData<string, string, string> BadLines => new()
    {
        { "2019;2;6.9;lasten;primitieve_begroting;;;;;100;B;p;;", "task_field", "Taakveld: '6.9' is geen taakveld van de IV3-indeling (BBV); gebruik een code zoals 6.72." },
        { "2019;9;6.72;lasten;primitieve_begroting;;;;;100;B;p;;", "programme", "Programma: onbekende programmacode '9'; leg het programma eerst vast." },
        { "2027;2;6.72;lasten;realisatie;;;;;100;B;p;;", "year", "Jaar: een realisatie over 2027 ligt in de toekomst (vandaag is 3-12-2026)." },
        { "2026;2;6.72;lasten;prognose;2026-12-31;;;;100;B;p;;", "period_end", "Peildatum: een prognose tot en met 31-12-2026 ligt in de toekomst (vandaag is 3-12-2026)." },
        { "2019;2;6.72;lasten;wijziging;;;2019-07-04;Extra;100;B;p;;", "change_number", "Wijzigingsnummer: verplicht bij een begrotingswijziging (zoals 2019-07)." },
        { "2019;2;6.72;lasten;wijziging;;2019-08;;Extra;100;B;p;;", "change_date", "Datum wijziging: verplicht bij een begrotingswijziging (de datum van het raadsbesluit)." },
        { "2019;2;6.72;lasten;wijziging;;2019-08;2019-08-04;;100;B;p;;", "change_reason", "Reden wijziging: verplicht bij een begrotingswijziging." },
        { "2019;2;6.71;lasten;primitieve_begroting;;;;;12x;B;p;;", "amount", "'12x' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)." },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task BadLine_IsRefused_WithItsDutchMessage_AndNothingIsStored(string line, string column, string message)
    {
        var report = await ImportAsync(File([.. Cycle[..6], line]));

        report.Problems.Should().ContainSingle().Which.Should().Be(new ImportProblem("begrotingscyclus.csv", 8, column, message));
        (await LinesAsync()).Should().BeEmpty();
        await using var db = Database.CreateContext();
        (await db.TaskFields.AnyAsync(t => t.Code == "6.6")).Should().BeFalse();
    }

    [Fact]
    public async Task AmendedBudgetThatDoesNotSum_IsRefused_SayingByHowMuch()
    {
        var report = await ImportAsync(File([.. Cycle[..3], "2019;2;6.72;lasten;gewijzigde_begroting;;;;;12758000;Jrk2019;p. 40;;"]));

        var problem = report.Problems.Should().ContainSingle().Subject;
        (problem.Line, problem.Column).Should().Be((5, "amount"));
        problem.Message.Should().Be("Bedrag: de begrotingswijziging telt niet op. Voor taakveld 6.72, 2019, lasten is de gewijzigde begroting €\u00A012.758.000, maar de "
            + "primitieve begroting €\u00A012.158.000 plus de wijzigingen (2019-07, 2019-11) +€\u00A0500.000 is €\u00A012.658.000: een verschil van +€\u00A0100.000 "
            + "(in dit bestand en de opgeslagen regels samen).");
        (await LinesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task TheSum_CountsStoredWijzigingen_WithTheFile()
    {
        (await ImportAsync(File(Cycle[..2]))).Problems.Should().BeEmpty();

        var wrong = await ImportAsync(File("2019;2;6.72;lasten;gewijzigde_begroting;;;;;12658000;Jrk2019;p. 40;;"));
        wrong.Problems.Should().ContainSingle().Which.Message.Should().Contain("een verschil van +€\u00A0200.000");
        var right = await ImportAsync(File(Cycle[2], "2019;2;6.72;lasten;gewijzigde_begroting;;;;;12658000;Jrk2019;p. 40;;"));

        right.Problems.Should().BeEmpty();
        (await LinesAsync()).Should().HaveCount(4);
    }

    [Fact]
    public async Task AChangedAmount_NeedsAReason_AndIsStoredAsACorrection_KeepingTheOldRow()
    {
        (await ImportAsync(File(Cycle[4]))).Problems.Should().BeEmpty();
        var changed = "2019;2;6.72;lasten;realisatie;;;;;12950000;Jrk2019;p. 41 (herzien);;";

        var refused = await ImportAsync(File(changed));
        refused.Problems.Should().ContainSingle().Which.Should().Be(new ImportProblem("begrotingscyclus.csv", 2, "amount",
            "Bedrag: voor deze regel is al €\u00A012.900.000 opgeslagen; vul Reden correctie (correction_reason) in om het te corrigeren, of laat de regel weg."));
        var corrected = await ImportAsync(File(changed + "Accountantscorrectie"));

        corrected.Problems.Should().BeEmpty();
        var lines = await LinesAsync();
        lines.Select(l => l.Amount).Should().Equal(12_900_000m, 12_950_000m);
        (lines[1].ReplacesId, lines[1].CorrectionReason).Should().Be((lines[0].Id, "Accountantscorrectie"));
        await using var db = Database.CreateContext();
        (await new BudgetQuery(db).LinesAsync(default)).Should().ContainSingle().Which.Amount.Should().Be(12_950_000m);
    }
}
