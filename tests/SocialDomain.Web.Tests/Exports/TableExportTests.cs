using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>
/// The exports of the tables on the pages: exactly the rows of the page (run as the same user), with the columns
/// shown plus their codes, read back in both dialects.
/// </summary>
public class TableExportTests(TestDatabase database) : ExportTest(database)
{
    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task Overview_IsThePublishedQuarterAsPublished_ForThePublic_AndLiveForStaff(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await ExportData.ImportMeasurementsAsync(Database,
            "WMO_LEADTIME_WITHIN_TERM;2020;62;final;004;correctie;",
            "WMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);
        using var advisor = await ClientAsync(factory, Roles.PolicyAdvisor);

        var (response, table) = await ExportCsv.DownloadAsync(anonymous, "/export/kwartaaloverzicht.csv?kwartaal=2020-K4", dialect);
        var (_, staffTable) = await ExportCsv.DownloadAsync(advisor, "/export/kwartaaloverzicht.csv?kwartaal=2020-K4", dialect);

        response.Content.Headers.ContentDisposition!.FileName.Should().StartWith("kwartaaloverzicht_2020-K4_export-");
        await using var db = Database.CreateContext();
        // The rows the page shows an anonymous reader: the overview feature the page runs.
        var page = OverviewReport.Build(await OverviewQuery.LoadAsync(db, "2020-K4", showsUnpublished: false, CancellationToken.None), showsUnpublished: false);
        var kpis = page.Programmes.SelectMany(p => p.Domains).SelectMany(d => d.Kpis).ToList();
        table.Rows.Should().HaveCount(kpis.Count).And.HaveCount(await db.Kpis.CountAsync());
        table.Column("KPI-code").Should().Equal(kpis.Select(k => k.Code), "the rows are in the page's order");
        foreach (var kpi in kpis)
        {
            var row = table.Row("KPI-code", kpi.Code);
            table.Text(row, "KPI").Should().Be(kpi.Name);
            table.Number(row, "Waarde").Should().Be(kpi.Evaluation.Current?.Value);
            table.Text(row, "Periode meting").Should().Be(kpi.Evaluation.Current?.Period.ToString() ?? string.Empty);
            table.Number(row, "Streefwaarde").Should().Be(kpi.Target?.Value);
            table.Text(row, "Status").Should().Be(SocialDomain.Core.Calculations.KpiStatusLabels.ToDutchLabel(kpi.Status));
            table.Text(row, "Correctie na publicatie").Should().Be(kpi.Correction ?? string.Empty);
            table.Text(row, "Publicatie").Should().Be("gepubliceerd");
        }

        var frozen = table.Row("KPI-code", "WMO_LEADTIME_WITHIN_TERM");
        table.Number(frozen, "Waarde").Should().Be(60m, "the public sees the quarter as it was published");
        table.Text(frozen, "Correctie na publicatie").Should().StartWith("Waarde gewijzigd na publicatie: nu 62% (2020), bij publicatie 60%; datum van de wijziging onbekend");
        table.Text(frozen, "Status-code").Should().BeOneOf("on_track", "attention", "off_track");
        staffTable.Number(staffTable.Row("KPI-code", "WMO_LEADTIME_WITHIN_TERM"), "Waarde").Should().Be(62m, "staff see live values");

        // The unpublished quarter: staff only.
        (await anonymous.GetAsync(new Uri("/export/kwartaaloverzicht.csv?kwartaal=2021-K1", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, draft) = await ExportCsv.DownloadAsync(advisor, "/export/kwartaaloverzicht.csv?kwartaal=2021-K1", dialect);
        draft.Rows.Should().OnlyContain(r => draft.Text(r, "Publicatie") == "concept");
        draft.Number(draft.Row("KPI-code", "WMO_LEADTIME_WITHIN_TERM"), "Waarde").Should().Be(75m);

        // One table of the page: one programme and domain.
        foreach (var programme in page.Programmes)
        {
            foreach (var domain in programme.Domains)
            {
                var url = $"/export/kwartaaloverzicht.csv?kwartaal=2020-K4&programma={programme.Code ?? "geen"}&domein={Codes.Domain(domain.Domain)}";
                var (_, part) = await ExportCsv.DownloadAsync(anonymous, url, dialect);
                part.Column("KPI-code").Should().Equal(domain.Kpis.Select(k => k.Code));
            }
        }
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task KpiPages_CatalogueMeasurementsTargetsAndReferences_FollowThePage(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await ExportData.ImportMeasurementsAsync(Database,
            "WMO_LEADTIME_WITHIN_TERM;2020;62;final;004;correctie;",
            "WMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var council = await ClientAsync(factory, Roles.CouncilMember);
        using var controller = await ClientAsync(factory, Roles.Controller);
        await using var db = Database.CreateContext();

        var (_, catalogue) = await ExportCsv.DownloadAsync(council, "/export/kpis.csv?zoek=wmo", dialect);
        // The rows /kpis?zoek=wmo shows: the catalogue query the page runs.
        var search = await KpiCatalogue.ByDomainAsync(db, new KpiFilter(Search: "wmo"), CancellationToken.None);
        catalogue.Column("KPI-code").Should().Equal(search.SelectMany(d => d).Select(k => k.Code)).And.NotBeEmpty();
        var (_, all) = await ExportCsv.DownloadAsync(council, "/export/kpis.csv", dialect);
        all.Rows.Should().HaveCount(await db.Kpis.CountAsync());
        var first = await db.Kpis.AsNoTracking().OrderBy(k => k.Code).FirstAsync();
        var firstRow = all.Row("KPI-code", first.Code);
        all.Text(firstRow, "Definitie").Should().Be(first.Definition);
        all.Text(firstRow, "Eenheid-code").Should().Be(Codes.Unit(first.Unit));
        all.Text(firstRow, "Richting-code").Should().Be(Codes.Direction(first.Direction));

        // Measurements: the council sees up to the latest published quarter, the controller also 2021-K1.
        var (_, councilMeasurements) = await ExportCsv.DownloadAsync(council, "/export/kpi-metingen.csv?kpi=WMO_LEADTIME_WITHIN_TERM", dialect);
        var (_, staffMeasurements) = await ExportCsv.DownloadAsync(controller, "/export/kpi-metingen.csv?kpi=WMO_LEADTIME_WITHIN_TERM", dialect);
        var stored = await db.KpiMeasurements.AsNoTracking().Where(m => m.Kpi!.Code == "WMO_LEADTIME_WITHIN_TERM").ToListAsync();
        staffMeasurements.Rows.Should().HaveCount(stored.Count);
        councilMeasurements.Rows.Should().HaveCount(stored.Count - 1);
        councilMeasurements.Column("Periode").Should().NotContain("2021-K1");
        var corrected = councilMeasurements.Row("Periode", "2020");
        councilMeasurements.Number(corrected, "Waarde").Should().Be(62m);
        councilMeasurements.Number(corrected, "Waarde bij publicatie").Should().Be(60m, "the KPI page marks it 'gewijzigd na publicatie (was 60%)'");

        // Target history and comparison values of a KPI that has them.
        var withTargets = await db.KpiTargets.AsNoTracking().GroupBy(t => t.Kpi!.Code).Select(g => new { Code = g.Key, Count = g.Count() }).FirstAsync();
        var (_, targets) = await ExportCsv.DownloadAsync(council, $"/export/kpi-streefwaarden.csv?kpi={withTargets.Code}", dialect);
        targets.Rows.Should().HaveCount(withTargets.Count);
        targets.Column("KPI-code").Should().OnlyContain(c => c == withTargets.Code);
        var withReferences = await db.KpiReferenceValues.AsNoTracking().GroupBy(r => r.Kpi!.Code).Select(g => new { Code = g.Key, Values = g.Select(r => r.Value).ToList() }).FirstAsync();
        var (_, references) = await ExportCsv.DownloadAsync(council, $"/export/kpi-vergelijkingswaarden.csv?kpi={withReferences.Code}", dialect);
        references.Rows.Select(r => references.Number(r, "Waarde")!.Value).Should().BeEquivalentTo(withReferences.Values);

        (await council.GetAsync(new Uri("/export/kpi-metingen.csv?kpi=BESTAAT_NIET", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await council.GetAsync(new Uri("/export/kpi-metingen.csv", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await council.GetAsync(new Uri("/export/kpis.csv?dialect=tsv", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task Benchmark_TablesAreThePagesTables_WithDeviationRankAndPercentile(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);
        const string Selection = "?veld=jeugd&jaar=2018-jaarrekening&gemeente=GM0402";
        await using var db = Database.CreateContext();
        var page = await new BenchmarkQuery(db, "GM0402").RunAsync(new BenchmarkInput("jeugd", "2018-jaarrekening", "GM0402", new Dictionary<string, string>()), CancellationToken.None);

        var (response, ranking) = await ExportCsv.DownloadAsync(anonymous, "/export/benchmark-ranglijst.csv" + Selection, dialect);
        response.Content.Headers.ContentDisposition!.FileName.Should().StartWith("benchmark-ranglijst_jeugd_2018-jaarrekening_GM0402_export-");
        ranking.Rows.Should().HaveCount(page.Bars.Count + page.MissingMembers.Count);
        ranking.Column("Gemeente").Take(page.Bars.Count).Should().Equal(page.Bars.Select(b => b.Name));
        for (var i = 0; i < page.Bars.Count; i++)
        {
            ranking.Integer(ranking.Rows[i], "Rang").Should().Be(page.Bars[i].Rank);
            ranking.Number(ranking.Rows[i], "Saldo in de bron").Should().Be(page.Bars[i].Saldo);
            ranking.Number(ranking.Rows[i], "Netto lasten per inwoner").Should().Be(-page.Bars[i].Saldo);
        }

        // The page: "rang 1 van 40 (percentiel 100)", "€ 89,68 per inwoner (31,9%) minder netto lasten dan het G40-gemiddelde",
        // next Roosendaal (€ 198,20), the most expensive Heerlen (€ 460,10).
        var hilversum = ranking.Rows[0];
        ranking.Text(hilversum, "Gemeente").Should().Be("Hilversum");
        ranking.Boolean(hilversum, "Eigen gemeente").Should().BeTrue();
        ranking.Number(hilversum, "Percentiel").Should().Be(100m);
        ranking.Integer(hilversum, "Aantal gerangschikt").Should().Be(40);
        Math.Round(ranking.Number(hilversum, "Afwijking van G40-gemiddelde (€ per inwoner)")!.Value, 2).Should().Be(-89.68m);
        Math.Round(ranking.Number(hilversum, "Afwijking van G40-gemiddelde (%)")!.Value, 1).Should().Be(-31.9m);
        ranking.Text(ranking.Rows[1], "Gemeente").Should().Be("Roosendaal");
        ranking.Number(ranking.Rows[1], "Netto lasten per inwoner").Should().Be(198.2m);
        ranking.Text(ranking.Rows[39], "Gemeente").Should().Be("Heerlen");
        ranking.Number(ranking.Rows[39], "Netto lasten per inwoner").Should().Be(460.1m);
        ranking.Number(ranking.Rows[39], "Percentiel").Should().Be(0m);
        ranking.Column("Gemeente").Should().Contain("'s-Hertogenbosch");

        var (_, references) = await ExportCsv.DownloadAsync(anonymous, "/export/benchmark-referenties.csv" + Selection, dialect);
        references.Rows.Should().HaveCount(1 + page.References.Count);
        references.Column("Referentie-code").Should().Equal("eigen_gemeente", "g40_herberekend", "g40_vermeld", "grootteklasse", "nederland");
        references.Text(references.Row("Referentie-code", "g40_herberekend"), "Eigen gemeente ten opzichte van de referentie")
            .Should().Be("€\u00A089,68 per inwoner (31,9%) minder netto lasten dan het G40-gemiddelde");

        var (_, series) = await ExportCsv.DownloadAsync(anonymous, "/export/benchmark-per-jaar.csv" + Selection, dialect);
        series.Column("Jaar en fase van de rij").Should().Equal(page.Series.Select(s => s.Column.Token));
        series.Rows.Where(r => series.Boolean(r, "Gekozen kolom") == true).Should().ContainSingle()
            .Which[series.Index("Jaar en fase van de rij")].Should().Be("2018-jaarrekening");

        var (_, peers) = await ExportCsv.DownloadAsync(anonymous, "/export/benchmark-zoals-wij.csv" + Selection, dialect);
        peers.Column("Gemeente").Skip(1).Take(page.PeerRows.Count).Should().Equal(page.PeerRows.Select(p => p.Name));
        peers.Headers.Should().Contain(BenchmarkCatalogue.Characteristics.Select(d => d.Label));

        var (_, characteristics) = await ExportCsv.DownloadAsync(anonymous, "/export/benchmark-kenmerken.csv" + Selection + "&gewicht[inwoners]=2", dialect);
        characteristics.Column("Kenmerk-code").Should().Equal(BenchmarkCatalogue.Characteristics.Select(d => d.Key));
        characteristics.Number(characteristics.Row("Kenmerk-code", "inwoners"), "Gewicht").Should().Be(2m);

        var (_, findings) = await ExportCsv.DownloadAsync(anonymous, "/export/benchmark-bevindingen.csv" + Selection, dialect);
        findings.Rows.Should().HaveCount(page.ColumnFindings.Count + page.OtherFindings.Count);

        var wrong = await anonymous.GetAsync(new Uri("/export/benchmark-ranglijst.csv?veld=6.99", UriKind.Relative));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("'6.99' is geen domein of taakveld");
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task Budget_TablesAreThePagesTables(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);
        await using var db = Database.CreateContext();
        var report = BudgetReport.Build(await new BudgetQuery(db).LoadAsync(CancellationToken.None));

        var (_, levels) = await ExportCsv.DownloadAsync(anonymous, "/export/begroting.csv", dialect);
        var expectedLevels = report.Years.SelectMany(y => y.All.Select(r => (y.Year, Row: r))).ToList();
        levels.Rows.Should().HaveCount(expectedLevels.Count);
        for (var i = 0; i < expectedLevels.Count; i++)
        {
            levels.Integer(levels.Rows[i], "Jaar").Should().Be(expectedLevels[i].Year);
            levels.Text(levels.Rows[i], "Onderdeel").Should().Be(expectedLevels[i].Row.Label);
            levels.Number(levels.Rows[i], "Primitieve begroting").Should().Be(expectedLevels[i].Row.Original);
            levels.Number(levels.Rows[i], "Gewijzigde begroting").Should().Be(expectedLevels[i].Row.Amended);
            levels.Number(levels.Rows[i], "Realisatie").Should().Be(expectedLevels[i].Row.Realisation);
            levels.Text(levels.Rows[i], "Omschrijving afwijking").Should().Be(expectedLevels[i].Row.Variance?.Description ?? string.Empty);
        }

        var (_, oneYear) = await ExportCsv.DownloadAsync(anonymous, "/export/begroting.csv?jaar=2019", dialect);
        oneYear.Rows.Should().HaveCount(report.Years.Single(y => y.Year == 2019).All.Count());

        var (_, changes) = await ExportCsv.DownloadAsync(anonymous, "/export/begrotingswijzigingen.csv", dialect);
        changes.Rows.Should().HaveCount((report.Changes.Count + (report.ChangeTotal is null ? 0 : 1)) * report.ChangeYears.Count);
        var zorg2017 = changes.Rows.Single(r => changes.Text(r, "Programma") == report.Changes[0].Label && changes.Integer(r, "Jaar") == report.ChangeYears[0]);
        changes.Number(zorg2017, "Saldo").Should().Be(report.Changes[0].Cells[report.ChangeYears[0]].Net);
        changes.Number(zorg2017, "Baten").Should().BeNegative();

        var (_, plan) = await ExportCsv.DownloadAsync(anonymous, "/export/investeringsplan.csv", dialect);
        plan.Headers.Should().Contain(report.PlanYears.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        plan.Rows.Should().HaveCount(report.Plan.Count + 1 + report.Coverage.Count);
        var total = plan.Row("Soort rij", "totaal");
        foreach (var year in report.PlanYears)
        {
            plan.Number(total, year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Should().Be(report.PlanTotals[year]);
        }

        plan.Rows.Where(r => plan.Text(r, "Soort rij") == "dekking").SelectMany(r => report.PlanYears.Select(y => plan.Number(r, y.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Should().Contain(a => a < 0m, "coverage is stored negative and stays a number");

        var (_, reserve) = await ExportCsv.DownloadAsync(anonymous, "/export/reserve.csv", dialect);
        reserve.Column("Jaar").Should().Equal(report.Reserves.SelectMany(v => v.Years).Select(r => r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var (_, movements) = await ExportCsv.DownloadAsync(anonymous, "/export/reserve-mutaties.csv", dialect);
        movements.Rows.Select(r => movements.Number(r, "Bedrag")!.Value).Should().Equal(report.Reserves.SelectMany(v => v.Years).SelectMany(r => r.Movements).Select(m => m.Amount));
    }
}
