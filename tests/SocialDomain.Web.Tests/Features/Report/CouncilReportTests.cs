using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Exports;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using TestAccounts = SocialDomain.Web.Tests.Infrastructure.Accounts;

namespace SocialDomain.Web.Tests.Features.Report;

/// <summary>The quarterly council report (issue 20): HTML and tagged PDF of a published quarter, concepts for staff only.</summary>
public class CouncilReportTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Quarter = "2020-K4";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task ReportPage_OfThePublishedQuarter_ShowsEveryKpiWithItsStatusAndFullCommentary()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = TestAccounts.Client(factory);

        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/rapportage/{Quarter}", UriKind.Relative)));

        html.Should().Contain("<html lang=\"nl-NL\">").And.Contain($"Kwartaalrapportage {Quarter}").And.Contain("versie 1")
            .And.Contain("Samenvatting per domein").And.Contain("Bijlage: bronnen en definities");
        await using var db = Database.CreateContext();
        var names = db.Kpis.Where(k => k.ArchivedFromYear == null).Select(k => k.Name).ToList();
        names.Should().NotBeEmpty();
        html.Should().ContainAll(names);
        html.Should().NotContain("CONCEPT");

        // Budget and G40 per domain, as the domain pages show them: the Jeugd taakveld 6.82 and its verdict, the G40 rank.
        html.Should().Contain("Begroting en G40 per domein")
            .And.Contain("toelichten: €\u00A0984.000 is meer dan de grens van €\u00A0250.000 en 25,1% is meer dan de grens van 10%")
            .And.Contain("netto lasten per inwoner, rang 1 van 40");
    }

    [Fact]
    public async Task UnpublishedQuarter_IsRefusedToThePublicAndCouncil_AndIsAConceptForStaff()
    {
        await using (var db = Database.CreateContext())
        {
            var import = await new DatasetImporter(db).ImportAsync([new ImportFile("measurements.csv", System.Text.Encoding.UTF8.GetBytes(
                "kpi_code;period;value;status;source_document;source_section;note\nWMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;\n"))]);
            import.Problems.Should().BeEmpty();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = TestAccounts.Client(factory);
        await TestAccounts.CreateAsync(factory, "controller", Roles.Controller);
        await TestAccounts.CreateAsync(factory, "raadslid", Roles.CouncilMember);
        using var controller = TestAccounts.Client(factory);
        await TestAccounts.LoginAsync(controller, "controller");
        using var council = TestAccounts.Client(factory);
        await TestAccounts.LoginAsync(council, "raadslid");

        var refused = await anonymous.GetAsync(new Uri("/rapportage/2021-K1", UriKind.Relative));
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Pagina niet gevonden");
        (await council.GetAsync(new Uri("/rapportage/2021-K1.pdf", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri("/rapportage/2031-K1", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri($"/rapportage/{Quarter}?versie=9", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri("/rapportage/kwartaal-drie", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var concept = WebUtility.HtmlDecode(await controller.GetStringAsync(new Uri("/rapportage/2021-K1", UriKind.Relative)));
        concept.Should().Contain("CONCEPT – niet gepubliceerd").And.Contain("(concept)").And.Contain("75%");
        (await controller.GetAsync(new Uri("/rapportage/2031-K1", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound, "a quarter without figures has no concept");
    }

    [Fact]
    public async Task Pdf_WhenTheBrowserIsMissing_IsA503WithADutchPage_AndNoFile()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Report:ChromiumPath"] = "/nonexistent/chromium" });
        using var anonymous = TestAccounts.Client(factory);

        var response = await anonymous.GetAsync(new Uri($"/rapportage/{Quarter}.pdf", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Tijdelijk niet beschikbaar");
    }

    [Fact]
    public async Task Pdf_IsTaggedDutchWithTitleAndBookmarks_AndHoldsEveryKpiValueAndStatus_TheSameTwice()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        var first = await client.GetAsync(new Uri($"/rapportage/{Quarter}.pdf", UriKind.Relative));
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        first.Content.Headers.ContentType?.MediaType.Should().Be("application/pdf");
        first.Content.Headers.ContentDisposition?.FileNameStar.Should().MatchRegex($@"^kwartaalrapportage-.+-{Quarter}-versie-1\.pdf$");
        var pdf = await SaveAsync(await first.Content.ReadAsByteArrayAsync(), "rapportage-1.pdf");
        // Another address of the same version (not the output cache's copy): printed again.
        var again = await SaveAsync(await client.GetByteArrayAsync(new Uri($"/rapportage/{Quarter}.pdf?versie=1", UriKind.Relative)), "rapportage-2.pdf");

        var info = await RunAsync("pdfinfo", pdf);
        info.Should().MatchRegex(@"Tagged:\s+yes").And.MatchRegex($@"Title:\s+Kwartaalrapportage sociaal domein .+, kwartaal {Quarter} \(versie 1\)");
        var pages = int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var structure = await RunAsync("pdfinfo", "-struct", pdf);
        structure.Should().Contain("Document").And.Contain("Table").And.Contain("H1");
        System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf)).Should().Contain("/Outlines", "the headings are bookmarks");
        // The document language sits in the catalog (pdfinfo of poppler 22 does not print it).
        System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf)).Should().Contain("/Lang (nl-NL)");
        var outline = await RunAsync("pdftotext", "-f", "1", "-l", "1", pdf, "-");
        outline.Should().Contain($"Kwartaalrapportage {Quarter}");

        var text = Normalise(await RunAsync("pdftotext", "-layout", pdf, "-"));
        Normalise(await RunAsync("pdftotext", "-layout", again, "-")).Should().Be(text, "the same publication gives the same report");
        // Every KPI of the published quarter (from the overview's CSV export): its name, its value in Dutch formatting
        // and its status word, in that order, each before the next KPI's name.
        var (_, overview) = await ExportCsv.DownloadAsync(client, $"/export/kwartaaloverzicht.csv?kwartaal={Quarter}&versie=1", CsvDialect.Rfc4180);
        overview.Rows.Should().NotBeEmpty();
        foreach (var row in overview.Rows)
        {
            var unit = Vocabulary.Units.ByToken[overview.Text(row, "Eenheid-code")];
            var value = overview.Number(row, "Waarde") is { } v ? Normalise(DutchFormat.Value(v, unit)) : "geen meting";
            var pattern = Regex.Escape(Normalise(overview.Text(row, "KPI"))) + @" Waarde\W+(?:\S+ )?" + Regex.Escape(value)
                + ".{0,400}? Status \\S* ?" + Regex.Escape(overview.Text(row, "Status"));
            text.Should().MatchRegex(pattern, $"KPI {overview.Text(row, "KPI-code")} is in the PDF with its value and status");
        }

        var kpis = overview.Rows.Count;
        pages.Should().BeInRange(kpis / 2, kpis * 3, "about one to two pages per KPI, no blank pages");
        var blank = Regex.Split(await RunAsync("pdftotext", pdf, "-"), "\f").Take(pages).Count(p => p.Trim().Length == 0);
        blank.Should().Be(0);

        // Look at the pages: PNGs in TestResults/screenshots.
        Directory.CreateDirectory(Screenshots.Folder);
        await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "4", pdf, Path.Combine(Screenshots.Folder, "rapportage"));
    }

    private static string Normalise(string text) => Regex.Replace(text.Replace('\u00A0', ' '), @"\s+", " ").Trim();

    private static async Task<string> SaveAsync(byte[] bytes, string name)
    {
        Directory.CreateDirectory(Screenshots.Folder);
        var path = Path.Combine(Screenshots.Folder, name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"{tool} {string.Join(' ', arguments)}: {error}");
        return output;
    }
}
