using System.Net;
using System.Text;
using Microsoft.Playwright;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.Import;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Import;

/// <summary>The import page in Chromium (upload → preview → confirm) with axe, and its templates read back by the importer.</summary>
public class ImportPageBrowserTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Controller_InChromium_SeesThePreview_ThenConfirms_WithoutSeriousAxeViolations_AtDesktopAndPhoneWidth()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        await Accounts.CreateAsync(app.Factory, "controller", Roles.Controller);
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/account/inloggen"));
        await page.GetByLabel("Gebruikersnaam").FillAsync("controller");
        await page.GetByLabel("Wachtwoord").FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GotoAsync(app.Url(ImportPage.Path));
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();

        await page.GetByLabel("CSV-bestanden").SetInputFilesAsync(new FilePayload
        {
            Name = "metingen.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("KPI-code;Periode;Waarde;Status;Brondocument;Bronsectie\nSP_SCORE;2021;7,2;voorlopig;kto;t1\nSP_FRIENDLY;2018;78;definitief;000;t2\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren en voorbeeld tonen" }).ClickAsync();

        (await page.Locator("#import-voorbeeld tbody tr").First.InnerTextAsync()).Should().Contain("Metingen").And.Contain("1 nieuw, 1 gewijzigd, 0 verwijderd");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await page.SetViewportSizeAsync(390, 844);
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en opslaan" }).ClickAsync();
        (await page.Locator("#import-resultaat").InnerTextAsync()).Should().StartWith("Import geslaagd");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
    }

    [Fact]
    public async Task EveryTemplate_HasDutchHeaders_AnExampleRow_AndRules_AndIsReadBackWithoutHeaderProblems()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "controller", Roles.Controller);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "controller");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(ImportPage.Path, UriKind.Relative)));

        foreach (var format in DatasetFormats.All)
        {
            html.Should().Contain($"naam={format.DutchName}");
            var response = await client.GetAsync(new Uri($"{ImportPage.Path}?handler=Sjabloon&naam={format.DutchName}", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be(format.TemplateFileName);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            bytes.Should().StartWith(Encoding.UTF8.Preamble.ToArray(), "Excel reads UTF-8 with a BOM");
            var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var rules = lines.TakeWhile(l => l.StartsWith('#')).ToList();
            rules.Should().Contain(l => l.Contains("Scheidingsteken puntkomma", StringComparison.Ordinal))
                .And.Contain(l => l.Contains("Verplichte kolommen: " + string.Join(", ", format.RequiredColumns.Select(c => c.Header)), StringComparison.Ordinal));
            lines[rules.Count].Should().Be(string.Join(';', format.Columns.Select(c => c.Header)));
            lines.Should().HaveCount(rules.Count + 2, "one header and one example row");

            var report = new ImportReport();
            CsvSheet.Read(format.TemplateFileName, bytes, format, report.Problems, (_, _) => { }).Should().NotBeNull();
            report.Problems.Should().BeEmpty($"the template of {format.Name} is read back by the importer");
        }
    }
}
