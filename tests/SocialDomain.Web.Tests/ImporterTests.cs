using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests;

public class ImporterTests(TestDatabase database) : DatabaseTest(database)
{
    private const string ProgrammesHeader = "code;name;source_document;source_section";
    private const string KpiHeader = "code;name;definition;unit;direction;frequency;domain;programme;owner;source;legal_norm;legal_norm_description;source_document;source_section";
    private const string MeasurementHeader = "kpi_code;period;value;status;source_document;source_section;note";

    private static ImportFile File(string name, params string[] lines) =>
        new(name, Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    private static ImportFile Programmes => File("programmes.csv", ProgrammesHeader, "2;Zorg;001;r886", "3;Werken;001;r887");

    private static ImportFile Kpis => File("kpis.csv", KpiHeader,
        "SP_SCORE;Rapportcijfer;Gemiddeld cijfer.;score;higher_is_better;year;sociaal_plein;2;Sociaal Plein;KTO;;;000;r200",
        "WMO_TERM;Binnen termijn;Aandeel binnen 8 weken.;percent;higher_is_better;quarter;wmo;2;;;100;besluit binnen 8 weken (Wmo 2015);000;r214");

    private async Task<ImportReport> ImportAsync(params ImportFile[] files)
    {
        await using var db = Database.CreateContext();
        return await new DatasetImporter(db).ImportAsync(files);
    }

    [Fact]
    public async Task SeedData_LoadsEveryDataset_WithTheDocumentedRowCounts()
    {
        await using var db = Database.CreateContext();

        var report = await SeedData.LoadAsync(db);

        report.Problems.Should().BeEmpty();
        report.RowsRead.Should().Contain(new Dictionary<string, int>
        {
            ["programmes"] = 3,
            ["task_fields"] = 10,
            ["entities"] = 55,
            ["characteristics"] = 92,
            ["benchmark_observations"] = 2475,
            ["stated_summaries"] = 16,
            ["kpis"] = 42,
            ["measurements"] = 49,
            ["targets"] = 11,
            ["reference_values"] = 15,
            ["budget_lines"] = 49,
            ["projects"] = 16,
            ["project_budgets"] = 59,
            ["reserve_movements"] = 26,
            ["source_checks"] = 66,
            ["explanation_thresholds"] = 1,
        });
        (await db.BenchmarkObservations.CountAsync()).Should().Be(2475);
        (await db.Municipalities.CountAsync(m => m.IsG40)).Should().Be(40);
        (await db.Municipalities.CountAsync(m => m.IsG4)).Should().Be(4);
        (await db.BenchmarkObservations.CountAsync(o => o.ValuePerInhabitant == null)).Should().Be(9, "Lelystad prints '-' for 2020 in three domains × three fields");
        (await db.KpiMeasurements.CountAsync()).Should().Be(49);
        (await db.KpiMeasurements.CountAsync(m => m.IsSynthetic)).Should().Be(0, "the source dataset holds no synthetic figures");
    }

    [Theory]
    [InlineData("GM0402", SocialDomainArea.Jeugd, null, 2018, BenchmarkStage.AnnualAccounts, "-191.4")] // Bijlage 1, regel 363
    [InlineData("GM0402", SocialDomainArea.Jeugd, "6.72", 2017, BenchmarkStage.AnnualAccounts, "-137.4")] // Bijlage 1, regel 363
    [InlineData("G40", SocialDomainArea.Jeugd, null, 2020, BenchmarkStage.Budget, "-280.3")] // Bijlage 1, regel 380
    [InlineData("GM0402", SocialDomainArea.Wmo, null, 2017, BenchmarkStage.AnnualAccounts, "-196.6")] // Bijlage 2, regel 706
    [InlineData("NL", SocialDomainArea.Wmo, "6.6", 2017, BenchmarkStage.AnnualAccounts, "-33.7")] // Bijlage 2, regel 854
    [InlineData("GM0402", SocialDomainArea.Voorveld, null, 2017, BenchmarkStage.AnnualAccounts, "-102.7")] // Bijlage 3, regel 998
    [InlineData("GM0518", SocialDomainArea.Voorveld, "6.1", 2017, BenchmarkStage.AnnualAccounts, "-178.2")] // Bijlage 3, regel 1024 ('s-Gravenhage)
    [InlineData("NL", SocialDomainArea.Voorveld, null, 2020, BenchmarkStage.Budget, "-168")] // Bijlage 3, regel 1056
    public async Task SeedData_ReproducesBenchmarkCells_FromEveryAppendix(string entity, SocialDomainArea domain, string? field, int year, BenchmarkStage stage, string expected)
    {
        await using var db = Database.CreateContext();
        await SeedData.LoadAsync(db);

        var value = await db.BenchmarkObservations
            .Where(o => o.MunicipalityCode == entity && o.Domain == domain && o.TaskFieldCode == field && o.Year == year && o.Stage == stage)
            .Select(o => o.ValuePerInhabitant).SingleAsync();

        value.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SeedData_ReproducesCellsOfTheOtherTables()
    {
        await using var db = Database.CreateContext();
        await SeedData.LoadAsync(db);

        var hilversum = await db.MunicipalityCharacteristics.SingleAsync(c => c.MunicipalityCode == "GM0402" && c.Snapshot == new DateOnly(2019, 12, 1));
        hilversum.Population.Should().Be(90612); // 003 Bijlage 1, regel 449
        hilversum.PctYouthWithYouthCare.Should().Be(8.3m);
        hilversum.PctAged75Plus.Should().Be(8.8m); // 003 Bijlage 2, regel 783
        (await db.Municipalities.SingleAsync(m => m.Code == "GM0402")).SizeClassCode.Should().Be("GK5");

        var score = await db.KpiMeasurements.Where(m => m.Kpi!.Code == "SP_SCORE").OrderBy(m => m.Year).Select(m => m.Value).ToListAsync();
        score.Should().StartWith(6.4m); // 000, rapportcijfer 2016
        var zorg2017 = await db.BudgetLines.SingleAsync(b => b.ScopeCode == "2" && b.Year == 2017 && b.Stage == BudgetStage.Change && b.Measure == BudgetMeasure.Expenses);
        zorg2017.Amount.Should().Be(1_648_707m); // 001, regel 886
        (await db.ProjectBudgets.CountAsync()).Should().Be(59);
        (await db.ReserveMovements.AnyAsync(r => r.Year == 2013 && r.Kind == "storting" && r.Amount == 3_023_000m)).Should().BeTrue(); // 001, regel 779
        var wmoTargets = await db.KpiTargets.Where(t => t.Kpi!.Code == "WMO_LEADTIME_WITHIN_TERM").OrderBy(t => t.Version).ToListAsync();
        wmoTargets.Select(t => t.TargetValue).Should().Equal(95m, 80m);
        wmoTargets[1].ChangeReason.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task SeedData_RecomputesTheG40Averages_AndRecordsTheDifferences()
    {
        await using var db = Database.CreateContext();
        await SeedData.LoadAsync(db);

        var jeugd2020 = await db.DataQualityFindings.SingleAsync(f => f.Subject == "average/G40/jeugd/totaal/2020/Budget");
        jeugd2020.StatedValue.Should().Be(-280.3m);
        jeugd2020.RecomputedValue.Should().BeApproximately(-287.50m, 0.01m); // 39 municipalities, Lelystad missing
        jeugd2020.Count.Should().Be(39);
        jeugd2020.Missing.Should().Equal("GM0995");
        jeugd2020.Message.Should().Contain("Lelystad");

        var wmoG4 = await db.DataQualityFindings.SingleAsync(f => f.Subject == "summary/G4/wmo/Growth/2017-AnnualAccounts/2018-AnnualAccounts");
        wmoG4.StatedValue.Should().Be(11.8m);
        wmoG4.RecomputedValue.Should().BeApproximately(-4.95m, 0.01m);

        (await db.DataQualityFindings.AnyAsync(f => f.Subject.StartsWith("summary/G40/jeugd/Growth"))).Should().BeFalse("6,7% and 7,3% reproduce from the stated averages");

        // −7,1% reproduces from the printed averages, but the printed 2020 average counted Lelystad's "-" as 0.
        var deficit2020 = await db.DataQualityFindings.SingleAsync(f => f.Subject == "summary/G40/jeugd/BudgetDeficit/2019-AnnualAccounts/2020-Budget");
        deficit2020.StatedValue.Should().Be(-7.1m);
        deficit2020.RecomputedValue.Should().BeApproximately(-4.68m, 0.01m);
    }

    [Fact]
    public async Task Reimport_ChangesNothing()
    {
        await using (var db = Database.CreateContext())
        {
            await SeedData.LoadAsync(db);
        }

        var before = await TableChecksums.ReadAsync(Database.ConnectionString);
        ImportReport second;
        await using (var db = Database.CreateContext())
        {
            second = await SeedData.LoadAsync(db);
        }

        second.Inserted.Should().Be(0);
        second.Updated.Should().Be(0);
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task FailedImport_LeavesEveryTableUnchanged()
    {
        (await ImportAsync(Programmes, Kpis)).Succeeded.Should().BeTrue();
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var report = await ImportAsync(
            File("programmes.csv", ProgrammesHeader, "2;Zorg en welzijn;001;r886", "4;Bestuur;001;r888"),
            File("measurements.csv", MeasurementHeader, "SP_SCORE;2018;7.0;final;000;r200;", "SP_SCORE;2019;11;final;000;r200;"));

        report.Succeeded.Should().BeFalse();
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Import_AcceptsDutchDecimalCommas_AndCommaSeparatedFiles()
    {
        var report = await ImportAsync(Programmes, Kpis,
            File("measurements.csv", "kpi_code,period,value,status,source_document,source_section,note", "SP_SCORE,2016,6.4,final,000,r200,", "SP_SCORE,2018,\"7,0\",final,000,r200,"));

        report.Problems.Should().BeEmpty();
        await using var db = Database.CreateContext();
        (await db.KpiMeasurements.OrderBy(m => m.Year).Select(m => m.Value).ToListAsync()).Should().Equal(6.4m, 7.0m);
    }

    public static TheoryData<string, string[], string> BadFiles => new()
    {
        { "missing column", ["kpi_code;period;value;status;source_document", "SP_SCORE;2018;7;final;000"], "measurements.csv, regel 1, kolom 'source_section': Kolom 'source_section' ontbreekt." },
        { "wrong separator", ["kpi_code|period|value|status|source_document|source_section", "SP_SCORE|2018|7|final|000|x"], "measurements.csv, regel 1, kolom 'kpi_code': Kolom 'kpi_code' ontbreekt. Het scheidingsteken moet ';' zijn." },
        { "unknown column", [MeasurementHeader + ";extra", "SP_SCORE;2018;7;final;000;x;;y"], "measurements.csv, regel 1, kolom 'extra': Onbekende kolom 'extra'." },
        { "not a number", [MeasurementHeader, "SP_SCORE;2018;zeven;final;000;x;"], "measurements.csv, regel 2, kolom 'value': 'zeven' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)." },
        { "English notation", [MeasurementHeader, "SP_SCORE;2018;1,234.5;final;000;x;"], "measurements.csv, regel 2, kolom 'value': '1,234.5' is geen getal in Nederlandse notatie: punten voor duizendtallen, een komma voor decimalen (bijvoorbeeld 1.234,5)." },
        { "bad period", [MeasurementHeader, "SP_SCORE;2020-K5;7;final;000;x;"], "measurements.csv, regel 2, kolom 'period': '2020-K5' is geen geldige periode (verwacht bijvoorbeeld 2020 of 2020-K3)." },
        { "empty required", [MeasurementHeader, "SP_SCORE;2018;7;;000;x;"], "measurements.csv, regel 2, kolom 'status': Veld is leeg; kies uit: definitief, voorlopig (ook: final, provisional)." },
        { "bad token", [MeasurementHeader, "SP_SCORE;2018;7;klaar;000;x;"], "measurements.csv, regel 2, kolom 'status': 'klaar' is geen geldige waarde; kies uit: definitief, voorlopig (ook: final, provisional)." },
        { "unknown code", [MeasurementHeader, "NOPE;2018;7;final;000;x;"], "measurements.csv, regel 2, kolom 'kpi_code': Onbekende KPI-code 'NOPE'." },
        { "out of range for unit", [MeasurementHeader, "SP_SCORE;2018;11;final;000;x;"], "measurements.csv, regel 2, kolom 'value': 11 past niet bij de eenheid van KPI SP_SCORE (toegestaan 1 tot en met 10)." },
        { "duplicate key", [MeasurementHeader, "SP_SCORE;2018;7;final;000;x;", "SP_SCORE;2018;7,1;final;000;x;"], "measurements.csv, regel 3: Dubbele regel: dezelfde sleutel staat ook op regel 2." },
        { "field count", [MeasurementHeader, "SP_SCORE;2018;7;final"], "measurements.csv, regel 2: Regel heeft 4 velden, de kopregel 7." },
        { "huge field", [MeasurementHeader, "SP_SCORE;2018;7;final;000;x;" + new string('a', 5000)], "measurements.csv, regel 2, kolom 'note': Veld is te lang (5000 tekens; maximaal 4000)." },
        { "empty file", [""], "measurements.csv, regel 1: Het bestand is leeg." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadMeasurementFile_IsRejectedWithTheExactMessage_AndWritesNothing(string why, string[] lines, string expected)
    {
        (await ImportAsync(Programmes, Kpis)).Succeeded.Should().BeTrue();
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var report = await ImportAsync(File("measurements.csv", lines));

        report.Problems.Select(p => p.ToString()).Should().Contain(expected, why);
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    private const string ProjectsHeader = "code;name;description;source_document;source_section;role;parent_code";

    [Fact]
    public async Task ProjectParent_IsStoredFromTheParentCodeColumn_InAnyOrderOfTheRows()
    {
        var report = await ImportAsync(File("projects.csv", ProjectsHeader,
            "HV-1;Verbouwing raadhuis;;B1;regel 4;project;HUISVESTING", "HUISVESTING;Huisvesting;;B1;regel 3;project;", "PLAN;Plan;;B1;regel 2;plan;"));

        report.Problems.Should().BeEmpty();
        await using var db = Database.CreateContext();
        (await db.Projects.OrderBy(p => p.Code).Select(p => p.Code + ">" + p.ParentCode).ToListAsync())
            .Should().Equal("HUISVESTING>", "HV-1>HUISVESTING", "PLAN>");
    }

    public static TheoryData<string, string[], string> BadProjectParents => new()
    {
        { "unknown parent", ["HV-1;Verbouwing;;B1;r;project;ONBEKEND"], "projects.csv, regel 2, kolom 'parent_code': Onbekende projectcode (onderdeel van) 'ONBEKEND'." },
        { "own parent", ["HV-1;Verbouwing;;B1;r;project;HV-1"], "projects.csv, regel 2, kolom 'parent_code': Project HV-1 kan geen onderdeel van zichzelf zijn." },
        { "cycle", ["A;A;;B1;r;project;B", "B;B;;B1;r;project;A"], "projects.csv, regel 2, kolom 'parent_code': Project A is via B een onderdeel van zichzelf." },
    };

    [Theory]
    [MemberData(nameof(BadProjectParents))]
    public async Task BadProjectParent_IsRejectedNamingFieldAndLine_AndWritesNothing(string why, string[] rows, string expected)
    {
        (await ImportAsync(File("projects.csv", ProjectsHeader, "BESTAAND;Bestaand;;B1;r;project;"))).Succeeded.Should().BeTrue();
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var report = await ImportAsync(File("projects.csv", [ProjectsHeader, .. rows]));

        report.Succeeded.Should().BeFalse(why);
        report.Problems.Select(p => p.ToString()).Should().Contain(expected, why);
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task InvalidUtf8_IsRejected()
    {
        var latin1 = new ImportFile("programmes.csv", [.. Encoding.UTF8.GetBytes(ProgrammesHeader + "\n2;Zorg"), 0xEB, .. Encoding.UTF8.GetBytes(";001;x\n")]);

        var report = await ImportAsync(latin1);

        report.Problems.Select(p => p.ToString()).Should().Equal("programmes.csv, regel 1: Het bestand is geen geldige UTF-8-tekst. Sla het op als 'CSV UTF-8'.");
    }

    [Fact]
    public async Task Utf8Bom_IsAccepted()
    {
        var withBom = new ImportFile("programmes.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ProgrammesHeader + "\n2;Zorg;001;x\n")]);

        (await ImportAsync(withBom)).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task BenchmarkTotal_ThatIsNotTheSumOfItsParts_IsRejected()
    {
        await using (var db = Database.CreateContext())
        {
            await SeedData.LoadAsync(db);
        }

        const string header = "entity_code;domain;task_field;year;stage;value;source_document;source_section;source_name";
        var report = await ImportAsync(File("benchmark_observations.csv", header,
            "GM0402;jeugd;6.72;2030;jaarrekening;-100;003;x;", "GM0402;jeugd;6.82;2030;jaarrekening;-50;003;x;", "GM0402;jeugd;totaal;2030;jaarrekening;-150.2;003;x;"));

        report.Problems.Select(p => p.ToString()).Should().Equal(
            "benchmark_observations.csv, regel 4, kolom 'value': Totaal -150,2 wijkt meer dan 0,1 af van de som van de taakvelden (-150).");
    }

    [Fact]
    public async Task TaskFieldOfAnotherDomain_IsRejected()
    {
        await using (var db = Database.CreateContext())
        {
            await SeedData.LoadAsync(db);
        }

        const string header = "entity_code;domain;task_field;year;stage;value;source_document;source_section;source_name";
        var report = await ImportAsync(File("benchmark_observations.csv", header, "GM0402;wmo;6.72;2030;jaarrekening;-100;003;x;"));

        report.Problems.Select(p => p.ToString()).Should().Equal("benchmark_observations.csv, regel 2, kolom 'task_field': Taakveld 6.72 hoort niet bij domein wmo.");
    }

    [Fact]
    public async Task MunicipalityCode_MustBeACbsCode()
    {
        var report = await ImportAsync(File("entities.csv", "code;name;kind;is_g40;is_g4;size_class;aliases", "0402;Hilversum;municipality;true;false;;"));

        report.Problems.Select(p => p.ToString()).Should().Equal(
            "entities.csv, regel 2, kolom 'code': '0402' is geen CBS-gemeentecode (verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0402).");
    }

    [Fact]
    public async Task TargetChange_WithoutReason_IsRejected()
    {
        const string header = "kpi_code;baseline_value;baseline_period;target_value;deadline_period;rationale;source_document;source_section;change_reason;valid_from";
        var report = await ImportAsync(Programmes, Kpis, File("targets.csv", header, "SP_SCORE;6.4;2016;7;2019;WINST;001;x;;2017", "SP_SCORE;6.4;2016;6.8;2019;WINST;001;x;;2018"));

        report.Problems.Select(p => p.ToString()).Should().Equal(
            "targets.csv, regel 3, kolom 'change_reason': Dit is wijziging 1 van de streefwaarde van SP_SCORE; een reden (change_reason) is verplicht.");
    }

    [Fact]
    public async Task TargetStartAndDecision_AreRead_WithEveryBadFieldReportedByLineAndColumn_AndNothingWritten()
    {
        const string header = "kpi_code;target_value;deadline_period;source_document;source_section;valid_from;decision_date;decided_by;decision_document;decision_url";
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var report = await ImportAsync(Programmes, Kpis, File("targets.csv", header,
            "SP_SCORE;7;2019;001;x;;;;;",
            "SP_SCORE;7;2019;001;x;2020;;;;",
            "SP_SCORE;7;2019;001;x;2017-K5;31-02-2019;raad;;raad.hilversum.nl/besluit",
            $"SP_SCORE;7;2019;001;x;2017;{future};council;;"));

        report.Problems.Select(p => p.ToString()).Should().Equal(
            "targets.csv, regel 2, kolom 'valid_from': Veld is leeg; een periode (2020 of 2020-K3) is verplicht.",
            "targets.csv, regel 3, kolom 'valid_from': Geldig vanaf (2020) ligt na de deadline (2019); een versie moet gelden vóór of in het kwartaal van haar deadline.",
            "targets.csv, regel 4, kolom 'valid_from': '2017-K5' is geen geldige periode (verwacht bijvoorbeeld 2020 of 2020-K3).",
            "targets.csv, regel 4, kolom 'decision_date': '31-02-2019' is geen datum; gebruik bijvoorbeeld 2019-06-26 of 26-06-2019.",
            "targets.csv, regel 4, kolom 'decided_by': 'raad' is geen geldige waarde; kies uit: gemeenteraad, college van B&W, ambtelijk (ook: council, executive, administration).",
            "targets.csv, regel 4, kolom 'decision_url': 'raad.hilversum.nl/besluit' is geen volledig webadres; begin met https:// (bijvoorbeeld https://hilversum.raadsinformatie.nl/...).",
            $"targets.csv, regel 5, kolom 'decision_date': De besluitdatum ({DateOnly.ParseExact(future, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture):dd-MM-yyyy}) ligt in de toekomst; vul de datum in waarop het besluit genomen is.",
            "targets.csv, regel 3, kolom 'change_reason': Dit is wijziging 1 van de streefwaarde van SP_SCORE; een reden (change_reason) is verplicht.",
            "targets.csv, regel 4, kolom 'change_reason': Dit is wijziging 2 van de streefwaarde van SP_SCORE; een reden (change_reason) is verplicht.",
            "targets.csv, regel 5, kolom 'change_reason': Dit is wijziging 3 van de streefwaarde van SP_SCORE; een reden (change_reason) is verplicht.");
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task TargetStartAndDecision_AreStored_AsTheSourceGivesThem()
    {
        const string header = "kpi_code;target_value;deadline_period;rationale;source_document;source_section;valid_from;decision_date;decided_by;decision_document;decision_url";

        var report = await ImportAsync(Programmes, Kpis, File("targets.csv", header,
            "SP_SCORE;7;2019;WINST;001;x;2017-K2;26-06-2017;council;Investeringsplan WINST (001);https://hilversum.raadsinformatie.nl/document/1"));

        report.Succeeded.Should().BeTrue();
        await using var db = Database.CreateContext();
        var stored = await db.KpiTargets.SingleAsync();
        (stored.ValidFromYear, stored.ValidFromQuarter, stored.DecisionDate, stored.DecidedBy, stored.DecisionDocument, stored.DecisionUrl, stored.ChangedBy).Should().Be(
            (2017, (int?)2, (DateOnly?)new DateOnly(2017, 6, 26), (DecisionBody?)DecisionBody.Council, "Investeringsplan WINST (001)", "https://hilversum.raadsinformatie.nl/document/1", "import"));
    }

    [Fact]
    public async Task ImportedTargetVersion_PassesTheEditorsSmartRules_ReportedByLineAndColumn_AndNothingWritten()
    {
        const string header = "kpi_code;baseline_value;baseline_period;target_value;deadline_period;rationale;source_document;source_section;valid_from;tolerance_on_track;tolerance_attention;change_reason";
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var report = await ImportAsync(Programmes, Kpis, File("targets.csv", header,
            "SP_SCORE;6.4;2016;12;2019;WINST;001;x;2017;;;bijgesteld",
            "SP_SCORE;6.4;2019;7;2018;WINST;001;x;2017;;;bijgesteld",
            "SP_SCORE;6.4;;7;2019;WINST;001;x;2017;;;bijgesteld",
            "SP_SCORE;6.4;2016;7;2019;;001;x;2017;;;bijgesteld",
            "SP_SCORE;6.4;2016;7;2019;WINST;001;x;2017;10;5;bijgesteld"));

        report.Problems.Select(p => p.ToString()).Should().Contain([
            "targets.csv, regel 2, kolom 'target_value': Streefwaarde: een rapportcijfer ligt tussen 1 en 10.",
            "targets.csv, regel 3, kolom 'deadline_period': De deadline (2018) moet na de nulmeting (2019) liggen.",
            "targets.csv, regel 4, kolom 'baseline_value': Een SMART-streefwaarde heeft een nulmeting: vul de waarde én de periode van de nulmeting in.",
            "targets.csv, regel 5, kolom 'rationale': Onderbouw de streefwaarde (waarom deze waarde, op basis waarvan).",
            "targets.csv, regel 6, kolom 'tolerance_attention': De grens voor 'aandacht' moet groter zijn dan de grens voor 'op koers'."]);
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task ImportedTargetVersion_WithoutBaselineOrDeadline_IsAccepted_WhenTheSourceNamesNone()
    {
        const string header = "kpi_code;target_value;rationale;source_document;source_section;valid_from";

        var report = await ImportAsync(Programmes, Kpis, File("targets.csv", header, "SP_SCORE;7;Doorlopende norm uit de raadsbrief;000;x;2019-K3"));

        report.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task ExistingTargetVersion_IsNeverOverwritten()
    {
        const string header = "kpi_code;baseline_value;baseline_period;target_value;deadline_period;rationale;source_document;source_section;valid_from";
        (await ImportAsync(Programmes, Kpis, File("targets.csv", header, "SP_SCORE;6.4;2016;7;2019;WINST;001;x;2017"))).Succeeded.Should().BeTrue();
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var report = await ImportAsync(File("targets.csv", header, "SP_SCORE;6.4;2016;6.5;2019;WINST;001;x;2017"));

        report.Problems.Select(p => p.ToString()).Should().Equal(
            "targets.csv, regel 2: Versie 1 van de streefwaarde van SP_SCORE bestaat al met andere waarden; streefwaarden worden nooit overschreven. Voeg een nieuwe regel toe met een reden (change_reason).");
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task UnknownFile_IsRejected()
    {
        var report = await ImportAsync(File("begroting2021.csv", "a;b", "1;2"));

        report.Problems.Should().ContainSingle().Which.Message.Should().StartWith("Onbekend bestand 'begroting2021.csv'; verwacht een van: programmas.csv,");
    }
}
