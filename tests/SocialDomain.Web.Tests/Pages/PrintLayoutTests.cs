using Microsoft.Playwright;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>
/// Printing a page from the browser (Ctrl+P) gives usable A4 pages (issue 20 item 4): with print styles at the width of
/// an A4 page in portrait and in landscape (15 mm margins), nothing sticks out to the right (a table that loses its
/// right-hand columns does) and no chart overlaps what follows it. Each page is also printed to PDF by Chromium, whose
/// page width must be A4's.
/// </summary>
public class PrintLayoutTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    /// <summary>A4 minus 2 × 15 mm at 96 px per inch: 180 mm and 267 mm.</summary>
    private static readonly (string Name, int Width, int Height)[] Papers = [("staand", 680, 1009), ("liggend", 1009, 680)];

    private static readonly string[] Routes = ["/", "/kpis", "/kpis/SP_SCORE", "/kpis/WMO_LEADTIME_WITHIN_TERM", "/benchmark", "/begroting", "/export", "/rapportage/2020-K4"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task EveryPublicPage_PrintedOnA4_InPortraitAndLandscape_KeepsAllColumnsAndChartsApart()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (var route in Routes)
        {
            foreach (var (paper, width, height) in Papers)
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync(app.Url(route));
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                problems.AddRange((await page.EvaluateAsync<string[]>(Check)).Select(p => $"{route} {paper}: {p}"));
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
            }

            await page.SetViewportSizeAsync(Papers[0].Width, Papers[0].Height);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Margin = new Margin { Top = "15mm", Bottom = "15mm", Left = "15mm", Right = "15mm" } });
            pdf.Length.Should().BeGreaterThan(1000, $"{route} prints");

            // For looking at: the first page of each print in TestResults/screenshots.
            Directory.CreateDirectory(Screenshots.Folder);
            var name = "print-" + (route.Trim('/').Replace('/', '-') is { Length: > 0 } slug ? slug : "overzicht");
            await File.WriteAllBytesAsync(Path.Combine(Screenshots.Folder, name + ".pdf"), pdf);
            using var render = System.Diagnostics.Process.Start("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", Path.Combine(Screenshots.Folder, name + ".pdf"), Path.Combine(Screenshots.Folder, name)]);
            await render.WaitForExitAsync();
        }

        await context.CloseAsync();
        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Elements right of the page's edge, charts whose box reaches into the next element, and words of amounts or column
    /// headings split over two lines (a column squeezed below its longest word). Also used by <see cref="EveryPageSweepTests"/> for every page.
    /// </summary>
    internal const string Check = """
        () => {
            const problems = [];
            // A word of an amount or a column heading split over two lines (spaces and dashes may wrap; a no-break space may not).
            for (const cell of document.querySelectorAll('table td.num, table thead th')) {
                if (cell.getBoundingClientRect().width === 0) continue;
                const texts = cell.tagName === 'TH' ? [...cell.querySelectorAll('*')].concat([cell]).flatMap(e => [...e.childNodes])
                    : [...cell.childNodes]; // an amount is the cell's own text; labels under it (.meta) may wrap
                for (const node of texts.filter(n => n.nodeType === Node.TEXT_NODE)) {
                    for (const match of node.textContent.matchAll(/[^ \n\t–-]+/g)) {
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (lines.size > 1) problems.push(`"${match[0]}" in een ${cell.tagName.toLowerCase()} staat over ${lines.size} regels`);
                    }
                }
                if (problems.length > 5) break;
            }
            const edge = document.documentElement.clientWidth + 1;
            for (const el of document.querySelectorAll('body *')) {
                const style = getComputedStyle(el);
                if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'fixed') continue;
                if (el.closest('.visually-hidden, .skip-link, [aria-hidden=true]')) continue;
                const box = el.getBoundingClientRect();
                if (box.width > 0 && box.right > edge && !el.parentElement.closest('table')) {
                    problems.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} eindigt op ${Math.round(box.right)} px, de pagina is ${edge - 1} px breed`);
                    if (problems.length > 5) break;
                }
            }
            for (const chart of document.querySelectorAll('.chart-box')) {
                const next = chart.nextElementSibling || chart.parentElement.nextElementSibling;
                if (!next) continue;
                const a = chart.getBoundingClientRect(), b = next.getBoundingClientRect();
                if (b.height > 0 && a.bottom > b.top + 1) problems.push(`grafiek overlapt ${next.tagName.toLowerCase()} (${Math.round(a.bottom)} > ${Math.round(b.top)})`);
                const canvas = chart.querySelector('canvas');
                if (canvas && canvas.getBoundingClientRect().bottom > a.bottom + 1) problems.push(`grafiek steekt buiten haar vak`);
            }
            return problems;
        }
        """;
}
