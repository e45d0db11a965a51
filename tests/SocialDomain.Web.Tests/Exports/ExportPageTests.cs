using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>The "Download als CSV" links under the tables, and the Export page.</summary>
public partial class ExportPageTests(TestDatabase database, BrowserFixture browser) : ExportTest(database), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EveryTableOnThePages_HasADownloadLink_WithThePagesFilters_ThatDownloads()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);
        var pages = new (string Page, string[] Expected)[]
        {
            ("/?kwartaal=2020-K4", ["/export/kwartaaloverzicht.csv?kwartaal=2020-K4&amp;programma="]),
            ("/kpis?zoek=wmo", ["/export/kpis.csv?zoek=wmo&amp;domein="]),
            ("/kpis/SP_STAFF_FTE", ["/export/kpi-metingen.csv?kpi=SP_STAFF_FTE", "/export/kpi-streefwaarden.csv?kpi=SP_STAFF_FTE", "/export/kpi-vergelijkingswaarden.csv?kpi=SP_STAFF_FTE"]),
            ("/benchmark?veld=6.72&jaar=2018-jaarrekening&gemeente=GM0361&gewicht%5Binwoners%5D=2",
                ["/export/benchmark-ranglijst.csv?veld=6.72&amp;jaar=2018-jaarrekening&amp;gemeente=GM0361&amp;gewicht%5Binwoners%5D=2%2C0",
                 "/export/benchmark-referenties.csv?", "/export/benchmark-per-jaar.csv?", "/export/benchmark-zoals-wij.csv?", "/export/benchmark-kenmerken.csv?", "/export/benchmark-bevindingen.csv?"]),
            ("/begroting", ["/export/begroting.csv?jaar=2019", "/export/begroting-taakvelden.csv?jaar=2019"]),
            ("/projecten", ["/export/investeringsplan.csv"]),
            ("/projecten/WINST", ["/export/begrotingswijzigingen.csv"]),
            ("/reserves", ["/export/reserve.csv", "/export/reserve-mutaties.csv"]),
        };
        foreach (var (page, expected) in pages)
        {
            var html = await anonymous.GetStringAsync(new Uri(page, UriKind.Relative));
            var links = DownloadLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
            links.Should().NotBeEmpty(page);
            foreach (var prefix in expected)
            {
                links.Should().Contain(l => l.StartsWith(prefix, StringComparison.Ordinal), $"{page} links to {prefix}");
            }

            foreach (var link in links.Distinct())
            {
                var response = await anonymous.GetAsync(new Uri(WebUtility.HtmlDecode(link), UriKind.Relative));
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{page}: {link}");
                response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
                var rfc = await anonymous.GetAsync(new Uri(WebUtility.HtmlDecode(link) + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "dialect=rfc4180", UriKind.Relative));
                rfc.StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }

        // One link per table of the overview: each gives exactly that table's rows.
        var overview = await anonymous.GetStringAsync(new Uri("/?kwartaal=2020-K4", UriKind.Relative));
        DownloadLink().Matches(overview).Count.Should().Be(Regex.Matches(overview, "<table class=\"data responsive\"").Count);
    }

    [Fact]
    public async Task ExportPage_ListsEveryExport_OffersBulkOnlyToControllers_AndDownloadsInTheBrowser()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);
        using var controller = await ClientAsync(factory, Roles.Controller);
        var publicPage = await anonymous.GetStringAsync(new Uri("/export", UriKind.Relative));
        var controllerPage = await controller.GetStringAsync(new Uri("/export", UriKind.Relative));

        foreach (var export in ExportCatalogue.All)
        {
            WebUtility.HtmlDecode(publicPage).Should().Contain(export.Title).And.Contain(export.Description).And.Contain(export.Path);
            var form = $"action=\"{export.Path}\"";
            publicPage.Contains(form, StringComparison.Ordinal).Should().Be(export.Access == ExportAccess.Dashboard, export.Name);
            controllerPage.Contains(form, StringComparison.Ordinal).Should().Be(export.Access != ExportAccess.Administrator, export.Name);
        }

        publicPage.Should().Contain("aria-current=\"page\">Export</a>").And.Contain("/openapi/v1.json").And.Contain("value=\"rfc4180\"");

        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(app.Url("/export"));
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await page.Locator("#kwartaaloverzicht-kwartaal").SelectOptionAsync("2020-K4");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("form[action='/export/kwartaaloverzicht.csv'] button[value=excel]").ClickAsync());
        download.SuggestedFilename.Should().MatchRegex("^kwartaaloverzicht_2020-K4_export-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.csv$");
        var path = await download.PathAsync();
        ExportCsv.Read(await File.ReadAllBytesAsync(path), CsvDialect.Excel).Rows.Should().NotBeEmpty();
        await page.CloseAsync();
    }

    [Fact]
    public async Task EveryExportForm_SubmittedWithItsOptionalFieldsEmpty_Downloads()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var administrator = await ClientAsync(factory, Roles.Administrator);
        foreach (var export in ExportCatalogue.All)
        {
            // What the browser sends for the form on /export when nothing is chosen.
            var query = string.Join('&', export.Parameters.Select(p => $"{p.Name}={(p.Required ? "SP_STAFF_FTE" : string.Empty)}").Append("dialect=excel"));
            var response = await administrator.GetAsync(new Uri($"{export.Path}?{query}", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{export.Path}?{query}: {await response.Content.ReadAsStringAsync()}");
            ExportCsv.Read(await response.Content.ReadAsByteArrayAsync(), CsvDialect.Excel).Headers.Should().NotBeEmpty();
        }
    }

    [GeneratedRegex("<a href=\"(/export/[^\"]+)\" download>Download als CSV</a>")]
    private static partial Regex DownloadLink();
}
