using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Commentary;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using Calc = SocialDomain.Core.Calculations.Benchmark;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>
/// The bulk exports read back with CsvHelper in both dialects and compared with the database rows (and, for the
/// computed columns, with an independent computation through SocialDomain.Core).
/// </summary>
public class BulkExportTests(TestDatabase database) : ExportTest(database)
{
    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task Measurements_AreEveryDatabaseRow_WithPublicationStateAndCorrections(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await ExportData.ImportMeasurementsAsync(Database,
            "WMO_LEADTIME_WITHIN_TERM;2020;62;final;004;correctie;",
            "WMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;nog niet gepubliceerd");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);

        var (response, table) = await ExportCsv.DownloadAsync(controller, "/export/metingen.csv", dialect);

        await using var db = Database.CreateContext();
        var latest = await db.QuarterPublications.MaxAsync(p => p.Year * 4 + p.Quarter - 1);
        var expected = await db.KpiMeasurements.AsNoTracking().Include(m => m.Kpi).ToListAsync();
        table.Rows.Should().HaveCount(expected.Count);
        table.Headers.Should().Equal(SocialDomain.Web.Features.Kpis.MeasurementDataset.Columns.Select(c => c.Header));
        foreach (var m in expected)
        {
            var period = new Period(m.Year, m.Quarter).ToString();
            var row = table.Rows.Single(r => table.Text(r, "KPI-code") == m.Kpi!.Code && table.Text(r, "Periode") == period);
            table.Number(row, "Waarde").Should().Be(m.Value);
            table.Text(row, "KPI").Should().Be(m.Kpi!.Name);
            table.Integer(row, "Jaar").Should().Be(m.Year);
            table.Integer(row, "Kwartaal").Should().Be(m.Quarter);
            table.Text(row, "Status-code").Should().Be(m.Status == MeasurementStatus.Final ? "final" : "provisional");
            table.Boolean(row, "Synthetisch").Should().Be(m.IsSynthetic);
            table.Boolean(row, "Gepubliceerd").Should().Be((m.Year * 4) + (m.Quarter ?? 4) - 1 <= latest);
            table.Text(row, "Brondocument").Should().Be(m.Source.Document);
            table.Text(row, "Bronsectie").Should().Be(m.Source.Section);
            table.Text(row, "Opmerking").Should().Be(m.Note ?? string.Empty);
        }

        var corrected = table.Rows.Single(r => table.Text(r, "KPI-code") == "WMO_LEADTIME_WITHIN_TERM" && table.Text(r, "Periode") == "2020");
        table.Number(corrected, "Waarde").Should().Be(62m);
        table.Boolean(corrected, "Gewijzigd na publicatie").Should().BeTrue();
        table.Number(corrected, "Waarde bij publicatie").Should().Be(60m);
        var draft = table.Rows.Single(r => table.Text(r, "Periode") == "2021-K1");
        table.Boolean(draft, "Gepubliceerd").Should().BeFalse();

        // Ordered by KPI code (ordinal) and period, the year before its quarters.
        var keys = table.Rows.Select(r => (Code: table.Text(r, "KPI-code"), Period: Period.Parse(table.Text(r, "Periode")))).ToList();
        keys.Should().BeInAscendingOrder(Comparer<(string Code, Period Period)>.Create((a, b) =>
            string.CompareOrdinal(a.Code, b.Code) is var c && c != 0 ? c : a.Period.CompareTo(b.Period)));

        var today = CsvDialect.Today(TimeProvider.System);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be($"metingen_alle_export-{CsvDialect.FormatDate(today)}.csv");
        var filtered = await controller.GetAsync(new Uri("/export/metingen.csv?periode=2020-K4", UriKind.Relative));
        filtered.Content.Headers.ContentDisposition!.FileName.Should().Be($"metingen_2020-K4_export-{CsvDialect.FormatDate(today)}.csv");
        var byKpi = await controller.GetAsync(new Uri("/export/metingen.csv?kpi=SP_SCORE&jaar=2018", UriKind.Relative));
        byKpi.Content.Headers.ContentDisposition!.FileName.Should().Be($"metingen_2018_SP_SCORE_export-{CsvDialect.FormatDate(today)}.csv");
        var kpiRows = ExportCsv.Read(await byKpi.Content.ReadAsByteArrayAsync(), CsvDialect.Excel);
        kpiRows.Rows.Should().ContainSingle().Which[0].Should().Be("SP_SCORE");
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task Targets_AreEveryVersion_WithWhoWhenAndWhy(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);

        var (_, table) = await ExportCsv.DownloadAsync(controller, "/export/streefwaarden.csv", dialect);

        await using var db = Database.CreateContext();
        var expected = await db.KpiTargets.AsNoTracking().Include(t => t.Kpi).ToListAsync();
        table.Rows.Should().HaveCount(expected.Count).And.NotBeEmpty();
        foreach (var t in expected)
        {
            var row = table.Rows.Single(r => table.Text(r, "KPI-code") == t.Kpi!.Code && table.Integer(r, "Versie") == t.Version);
            table.Number(row, "Streefwaarde").Should().Be(t.TargetValue);
            table.Text(row, "Deadline").Should().Be(t.DeadlineYear is { } y ? new Period(y, t.DeadlineQuarter).ToString() : string.Empty);
            table.Number(row, "Nulmeting").Should().Be(t.BaselineValue);
            // Every seed version was read in from the sources: who is the source, and the import time is never its date.
            table.Text(row, "Vastgelegd door").Should().Be($"ingelezen uit bron {t.Source.Document}");
            table.Text(row, "Vastgelegd op").Should().BeEmpty();
            table.Text(row, "Geldig vanaf").Should().Be(t.ValidFrom.ToString());
            table.Text(row, "Onderbouwing").Should().Be(t.Rationale ?? string.Empty);
            var inForceNow = SocialDomain.Core.Calculations.TargetInForce.At(expected.Where(x => x.KpiId == t.KpiId).ToList(), x => new(x.Version, x.ValidFrom),
                SocialDomain.Web.Features.Kpis.TargetVersion.CurrentQuarter(factory.Clock));
            table.Boolean(row, "Huidige versie").Should().Be(inForceNow == t);
        }
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task Commentary_CarriesTheVersionShown_AndWithAlleVersiesEveryVersion(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        var at = new DateTimeOffset(2021, 1, 20, 9, 30, 0, TimeSpan.Zero);
        await using (var db = Database.CreateContext())
        {
            var kpi = await db.Kpis.FirstAsync();
            var commentary = NewCommentary.Create(kpi.Id, Period.OfQuarter(2020, 4), "Gepubliceerd", CommentaryStatus.Published, "adviseur", at);
            commentary.Versions.Add(new Data.Entities.KpiCommentaryVersion { Version = 2, Text = "Concept daarna", Status = CommentaryStatus.Draft, Author = "collega", CreatedAt = at.AddDays(1) });
            db.KpiCommentaries.Add(commentary);
            await db.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);

        var (_, shown) = await ExportCsv.DownloadAsync(controller, "/export/toelichtingen.csv", dialect);
        var (response, versions) = await ExportCsv.DownloadAsync(controller, "/export/toelichtingen.csv?alleVersies=ja", dialect);

        var row = shown.Rows.Should().ContainSingle().Subject;
        (shown.Text(row, "Tekst"), shown.Integer(row, "Versie")!.Value, shown.Text(row, "Status-code"), shown.Text(row, "Gepubliceerd door"))
            .Should().Be(("Gepubliceerd", 1L, "published", "beleidsadviseur"), "datasets name the role, never the login name (issue 16)");
        ExportData.Timestamp(shown.Text(row, "Gepubliceerd op"), dialect).Should().Be(at);
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("alle-versies");
        versions.Rows.Select(r => (versions.Integer(r, "Versie"), versions.Text(r, "Status-code"), versions.Text(r, "Auteur"), versions.Text(r, "Gepubliceerd door")))
            .Should().Equal((1L, "published", "beleidsadviseur", "beleidsadviseur"), (2L, "draft", "beleidsadviseur", ""));
        ExportData.Timestamp(versions.Text(versions.Rows[1], "Bijgewerkt op"), dialect).Should().Be(at.AddDays(1));
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task Benchmark_CarriesDeviationRankAndPercentile_AsRecomputedWithCore(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);

        var (_, table) = await ExportCsv.DownloadAsync(controller, "/export/benchmark.csv", dialect);

        await using var db = Database.CreateContext();
        var observations = await db.BenchmarkObservations.AsNoTracking().Include(o => o.Municipality).ToListAsync();
        table.Rows.Should().HaveCount(observations.Count);
        var rows = table.Rows.ToDictionary(r => (table.Text(r, "Gemeente-code"), table.Text(r, "Domein-code"), table.Text(r, "Taakveld-code"),
            table.Integer(r, "Jaar"), table.Text(r, "Fase-code")));
        foreach (var column in observations.GroupBy(o => (o.Domain, o.TaskFieldCode, o.Year, o.Stage)))
        {
            var members = column.Where(o => o.Municipality!.IsG40).Select(o => new MunicipalityValue(o.Municipality!.Name, o.ValuePerInhabitant)).ToList();
            var average = Calc.Average(members);
            var ranking = Calc.Rank(members);
            foreach (var o in column)
            {
                var row = rows[(o.MunicipalityCode, column.Key.Domain.ToString().ToLowerInvariant(), o.TaskFieldCode ?? string.Empty, o.Year,
                    o.Stage == BenchmarkStage.AnnualAccounts ? "jaarrekening" : "begroting")];
                table.Text(row, "Gemeente").Should().Be(o.Municipality!.Name);
                table.Number(row, "Saldo per inwoner").Should().Be(o.ValuePerInhabitant);
                table.Number(row, "Netto lasten per inwoner").Should().Be(-o.ValuePerInhabitant);
                table.Number(row, "G40-gemiddelde herberekend").Should().Be(Round(average.Mean));
                table.Integer(row, "G40-gemeenten met waarde").Should().Be(average.N);
                var deviation = o.ValuePerInhabitant is { } v && average.Mean is { } mean ? Calc.DeviationFrom(v, mean) : null;
                table.Number(row, "Afwijking van G40-gemiddelde (€ per inwoner)").Should().Be(Round(deviation?.NetCostDifference));
                table.Number(row, "Afwijking van G40-gemiddelde (%)").Should().Be(Round(deviation?.NetCostPercent));
                var rank = o.Municipality.IsG40 ? ranking.Find(o.Municipality.Name) : null;
                table.Integer(row, "Rang").Should().Be(rank?.Rank);
                table.Number(row, "Percentiel").Should().Be(Round(rank?.Percentile));
            }
        }

        // Seed 003, Bijlage 1, regel 363: Hilversum Jeugd totaal 2018 jaarrekening −191,4, the cheapest of the G40 (docs/calculations.md).
        var hilversum = rows[("GM0402", "jeugd", string.Empty, 2018, "jaarrekening")];
        table.Number(hilversum, "Netto lasten per inwoner").Should().Be(191.4m);
        table.Integer(hilversum, "Rang").Should().Be(1);
        table.Integer(hilversum, "Aantal gerangschikt").Should().Be(40);
        table.Number(hilversum, "Percentiel").Should().Be(100m);
        Math.Round(table.Number(hilversum, "Afwijking van G40-gemiddelde (€ per inwoner)")!.Value, 2).Should().Be(-89.68m);
        Math.Round(table.Number(hilversum, "Afwijking van G40-gemiddelde (%)")!.Value, 1).Should().Be(-31.9m);

        // Non-ASCII names survive in both dialects.
        table.Column("Gemeente").Should().Contain("'s-Hertogenbosch");
        table.Column("Taakveld").Should().Contain("Geëscaleerde zorg 18-");
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task Budgets_AreEveryLine_WithTheVarianceOfTheBudgetPage_AndNegativeAmountsAreNumbers(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);

        var (_, table) = await ExportCsv.DownloadAsync(controller, "/export/begrotingen.csv", dialect);

        await using var db = Database.CreateContext();
        var lines = await db.BudgetLines.AsNoTracking().OrderBy(l => l.Year).ThenBy(l => l.Id).ToListAsync();
        table.Rows.Should().HaveCount(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            table.Number(table.Rows[i], "Bedrag").Should().Be(lines[i].Amount);
            table.Text(table.Rows[i], "Onderdeel-code").Should().Be(lines[i].ScopeCode);
            table.Text(table.Rows[i], "Onderdeel").Should().Be(lines[i].Name);
        }

        table.Column("Bedrag").Should().Contain(a => a.StartsWith('-'), "baten are negative amounts");
        table.Rows.Select(r => table.Number(r, "Bedrag")).Should().Contain(a => a < 0m);

        // Seed 003: "een tekort van € 1.163.470" on programme 2 Zorg in 2019 is a stated variance, not a realisation: no levels, no
        // percentage, no status; but it is judged by the demo thresholds (€ 250.000 of 10 %): toelichten (issue 19).
        var zorg = table.Rows.Single(r => table.Integer(r, "Jaar") == 2019 && table.Text(r, "Onderdeel-code") == "2" && table.Text(r, "Fase-code") != "wijziging");
        table.Text(zorg, "Fase-code").Should().Be("afwijking");
        table.Number(zorg, "Bedrag").Should().Be(1_163_470m);
        table.Text(zorg, "Afwijking vergeleken met").Should().Be(BudgetVarianceRow.StatedComparedWith);
        table.Text(zorg, "Begroting (vergeleken)").Should().BeNullOrEmpty();
        table.Text(zorg, "Afwijking (%)").Should().BeNullOrEmpty();
        table.Text(zorg, "Status-code").Should().BeNullOrEmpty();
        table.Number(zorg, "Afwijking").Should().Be(1_163_470m);
        table.Text(zorg, "Oordeel toelichting-code").Should().Be("toelichten");

        // Toegang 2019 (003 lines 2038–2093): realisation 1.853.000 against the amended budget 1.900.000.
        var toegang = table.Rows.Single(r => table.Integer(r, "Jaar") == 2019 && table.Text(r, "Onderdeel-code") == "TOEGANG" && table.Text(r, "Fase-code") == "realisatie");
        table.Number(toegang, "Afwijking").Should().Be(-47_000m);
        table.Text(toegang, "Soort afwijking-code").Should().Be("underrun");
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task FindingsAndAuditLog_MatchTheDatabase(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var administrator = await ClientAsync(factory, Roles.Administrator);

        var (_, findings) = await ExportCsv.DownloadAsync(administrator, "/export/datakwaliteit.csv", dialect);
        var (_, audit) = await ExportCsv.DownloadAsync(administrator, "/export/auditlog.csv", dialect);

        await using var db = Database.CreateContext();
        var expectedFindings = await db.DataQualityFindings.AsNoTracking().ToListAsync();
        findings.Rows.Should().HaveCount(expectedFindings.Count).And.NotBeEmpty();
        foreach (var f in expectedFindings)
        {
            var row = findings.Row("Id", f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            findings.Text(row, "Onderwerp").Should().Be(f.Subject);
            findings.Text(row, "Melding").Should().Be(f.Message);
            findings.Number(row, "Vermelde waarde").Should().Be(f.StatedValue);
            findings.Number(row, "Herberekende waarde").Should().Be(f.RecomputedValue);
            findings.Number(row, "Verschil").Should().Be(f.Difference);
            findings.Text(row, "Zonder waarde").Should().Be(string.Join(", ", f.Missing));
        }

        // The audit export contains every entry up to and including its own download (written before streaming).
        var entries = await db.AuditLog.AsNoTracking().OrderBy(a => a.Timestamp).ThenBy(a => a.Id).ToListAsync();
        audit.Rows.Should().HaveCount(entries.Count);
        audit.Rows[^1][audit.Index("Actie")].Should().Be("export.downloaden");
        audit.Rows[^1][audit.Index("Object")].Should().Be("export:auditlog");
        audit.Rows[^1][audit.Index("Actor")].Should().Be("export-beheerder");
        for (var i = 0; i < entries.Count; i++)
        {
            audit.Integer(audit.Rows[i], "Id").Should().Be(entries[i].Id);
            audit.Text(audit.Rows[i], "Actie").Should().Be(entries[i].Action);
            ExportData.Timestamp(audit.Text(audit.Rows[i], "Tijdstip"), dialect).Should().Be(ExportData.Seconds(entries[i].Timestamp));
        }
    }

    private static decimal? Round(decimal? value) => value is { } v ? DutchFormat.Round(v, 4) : null;
}
