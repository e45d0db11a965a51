using System.Text;
using System.Text.Json;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Commentary;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>
/// OWASP CSV injection: text that would start with = + - @ tab or carriage return is neutralised with a leading
/// quote in every export and in the API's CSV, while numbers (negative ones too) stay plain numbers.
/// </summary>
public class InjectionTests(TestDatabase database) : ExportTest(database)
{
    private static readonly string[] Triggers = ["=", "+", "-", "@", "\t", "\r"];

    private static string Name(int i) => Triggers[i] + "HYPERLINK(\"http://example.invalid\";\"klik\")";

    private static string Definition(int i) => Triggers[i] + "cmd|' /C calc'!A0";

    private static string Note(int i) => Triggers[i] + "1+1";

    private static string Commentary(int i) => Triggers[i] + "SUM(A1:A9) toelichting";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        for (var i = 0; i < Triggers.Length; i++)
        {
            var kpi = new Kpi
            {
                Code = $"INJECTIE_{i}",
                Name = Name(i),
                Definition = Definition(i),
                Unit = KpiUnit.Percent,
                Direction = KpiDirection.HigherIsBetter,
                Frequency = KpiFrequency.Year,
                Domain = SocialDomainArea.Wmo,
                ProgrammeCode = "2",
                Source = new SourceReference("000", "test"),
            };
            kpi.Measurements.Add(new KpiMeasurement { Year = 2020, Value = -12.5m - i, Status = MeasurementStatus.Final, Note = Note(i), Source = new SourceReference("000", "test") });
            kpi.Commentaries.Add(NewCommentary.Create(0, Period.OfQuarter(2020, 4), Commentary(i), CommentaryStatus.Draft, "adviseur", DateTimeOffset.UtcNow));
            db.Kpis.Add(kpi);
        }

        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("rfc4180")]
    public async Task EveryTrigger_IsNeutralisedInTextCells_AndNumbersStayNumbers(string dialectName)
    {
        var dialect = ExportData.Dialect(dialectName);
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);

        var (_, kpis) = await ExportCsv.DownloadAsync(controller, "/export/kpis.csv", dialect);
        var (_, measurements) = await ExportCsv.DownloadAsync(controller, "/export/metingen.csv", dialect);
        var (_, overview) = await ExportCsv.DownloadAsync(controller, "/export/kwartaaloverzicht.csv?kwartaal=2020-K4", dialect);
        var (_, commentary) = await ExportCsv.DownloadAsync(controller, "/export/toelichtingen.csv", dialect);
        var (_, detail) = await ExportCsv.DownloadAsync(controller, "/export/kpi-metingen.csv?kpi=INJECTIE_2", dialect);
        var (_, api) = await ExportCsv.DownloadAsync(controller, "/api/v1/metingen?formaat=csv&paginagrootte=10000", dialect);

        for (var i = 0; i < Triggers.Length; i++)
        {
            var code = $"INJECTIE_{i}";
            kpis.Text(kpis.Row("KPI-code", code), "KPI").Should().Be("'" + Name(i));
            kpis.Text(kpis.Row("KPI-code", code), "Definitie").Should().Be("'" + Definition(i));
            var measurement = measurements.Row("KPI-code", code);
            measurements.Text(measurement, "KPI").Should().Be("'" + Name(i));
            measurements.Text(measurement, "Opmerking").Should().Be("'" + Note(i));
            measurements.Number(measurement, "Waarde").Should().Be(-12.5m - i, "a negative number is written as a number, not neutralised text");
            overview.Text(overview.Row("KPI-code", code), "KPI").Should().Be("'" + Name(i));
            overview.Number(overview.Row("KPI-code", code), "Waarde").Should().Be(-12.5m - i);
            commentary.Text(commentary.Row("KPI-code", code), "Tekst").Should().Be("'" + Commentary(i));
            api.Text(api.Row("KPI-code", code), "Opmerking").Should().Be("'" + Note(i));
            api.Number(api.Row("KPI-code", code), "Waarde").Should().Be(-12.5m - i);
        }

        detail.Text(detail.Rows.Single(), "Opmerking").Should().Be("'" + Note(2));
        // No text cell of these files starts with a trigger character.
        foreach (var table in new[] { kpis, measurements, overview, commentary, detail, api })
        {
            table.Rows.SelectMany(r => r).Where(cell => cell.Length > 0 && Triggers.Contains(cell[..1]) && !IsNumber(cell, dialect))
                .Should().BeEmpty("only numbers may start with '-' ({0})", dialectName);
        }
    }

    [Fact]
    public async Task TheFileItself_QuotesTheNeutralisedCells_AndWritesNegativeNumbersBare()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);
        var bytes = await controller.GetByteArrayAsync(new Uri("/export/metingen.csv?kpi=INJECTIE_0", UriKind.Relative));
        var text = Encoding.UTF8.GetString(bytes);

        text.Should().Contain("\"'=HYPERLINK(\"\"http://example.invalid\"\";\"\"klik\"\")\"").And.Contain(";-12,5;").And.Contain(";\"'=1+1\";");
        text.Should().NotContain(";=").And.NotContain(";\"=");
    }

    [Fact]
    public async Task Json_CarriesTheTextUnchanged()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);
        var body = await anonymous.GetStringAsync(new Uri("/api/v1/kpis?zoek=INJECTIE_0", UriKind.Relative));
        var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("gegevens").GetArrayLength().Should().Be(1, body);
        json.RootElement.GetProperty("gegevens")[0].GetProperty("kpiNaam").GetString().Should().Be(Name(0));
    }

    private static bool IsNumber(string cell, CsvDialect dialect) =>
        System.Text.RegularExpressions.Regex.IsMatch(cell, dialect == CsvDialect.Excel ? "^-[0-9]+(,[0-9]+)?$" : "^-[0-9]+(\\.[0-9]+)?$");
}
