using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>The KPI chart in Chromium with the seed data (issue 18 item 5): units, axis start, and a single-period chart's lines.</summary>
public class ChartBrowserTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task OneMeasurement_DrawsTargetAndLegalNormAcrossTheChart_WithPercentUnits_FromZero(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });

        // Jeugd: one provisional measurement (2020: 92 %), a target, and the legal norm of 100 % (seed 003).
        await page.GotoAsync(app.Url("/kpis/JEUGD_LEADTIME_WITHIN_TERM"));
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && !!Chart.getChart(document.querySelector('canvas[data-chart=\"kpi-chart\"]'))");

        var drawn = await page.EvaluateAsync<string[]>("""
            () => {
                const chart = Chart.getChart(document.querySelector('canvas[data-chart="kpi-chart"]'));
                const ratio = chart.currentDevicePixelRatio;
                const area = chart.chartArea;
                const pixels = chart.ctx.getImageData(0, 0, chart.canvas.width, chart.canvas.height);
                const hex = c => [1, 3, 5].map(i => parseInt(c.substr(i, 2), 16));
                // The share of the chart's width where a pixel of the line's colour sits within a pixel of its value's height.
                const coverage = dataset => {
                    const [r, g, b] = hex(dataset.borderColor);
                    const y = Math.round(chart.scales.y.getPixelForValue(dataset.data[0]) * ratio);
                    let hit = 0, all = 0;
                    for (let x = Math.ceil(area.left * ratio) + 2; x < Math.floor(area.right * ratio) - 2; x++, all++) {
                        for (let dy = -2; dy <= 2; dy++) {
                            const i = ((y + dy) * pixels.width + x) * 4;
                            if (Math.abs(pixels.data[i] - r) < 40 && Math.abs(pixels.data[i + 1] - g) < 40 && Math.abs(pixels.data[i + 2] - b) < 40) { hit++; break; }
                        }
                    }
                    return hit / all;
                };
                const lines = chart.data.datasets.filter(d => d.referenceLine && d.data[0] !== null)
                    .map(d => d.label + (coverage(d) > 0.3 ? ' getekend' : ' niet getekend (' + coverage(d).toFixed(2) + ')'));
                const label = chart.options.plugins.tooltip.callbacks.label;
                return lines.concat([
                    'as vanaf ' + chart.scales.y.min,
                    'ticks ' + chart.scales.y.ticks.map(t => t.label).join(' | '),
                    label({ parsed: { y: 92 }, dataset: { label: 'Meting' } }),
                ]);
            }
            """);

        drawn.Should().Contain(["Streefwaarde (per versie) getekend", "Wettelijke norm getekend", "as vanaf 0", "Meting: 92%"]);
        drawn.Single(d => d.StartsWith("ticks ", StringComparison.Ordinal)).Should().Contain("0%").And.Contain("100%").And.NotContain(",00");
        (await page.Locator("#verloop-samenvatting").InnerTextAsync()).Should().Contain("De verticale as begint bij 0.");
        await page.CloseAsync();
    }
}
