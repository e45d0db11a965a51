using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;

namespace SocialDomain.Web.Features.Report;

/// <summary>The report could not be turned into a PDF (no browser, no reachable address, a timeout); the message is Dutch.</summary>
public sealed class ReportRenderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints the report page to a tagged PDF with Debian's headless Chromium through Playwright (docs/adr/0014): the
/// browser opens the app's own HTML report over loopback with the reader's cookies (so a concept needs the same rights as
/// its page), waits until the charts are drawn, and prints A4 with the document outline (bookmarks from the headings),
/// the structure tags, and page numbers in the footer. One print at a time; the browser is started on first use and
/// kept. Other requests are not blocked: the print runs in the browser process and is awaited.
/// </summary>
public sealed class ReportPdfRenderer(IServer server, IConfiguration configuration, ILogger<ReportPdfRenderer> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>How long one print may take before it is given up (a 503, never half a file).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The PDF of the page at <paramref name="pathAndQuery"/> (e.g. "/rapportage/2020-K3?versie=1").</summary>
    public async Task<byte[]> RenderAsync(string pathAndQuery, IRequestCookieCollection cookies, string footer, CancellationToken cancellationToken)
    {
        var baseUrl = BaseUrl() ?? throw new ReportRenderException("De rapportage kan nu niet als PDF worden gemaakt: de server heeft geen intern adres.");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var browser = await BrowserAsync();
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", TimezoneId = "Europe/Amsterdam" });
            if (cookies.Count > 0)
            {
                await context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Key, Value = c.Value, Url = baseUrl.ToString() }));
            }

            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
            var response = await page.GotoAsync(new Uri(baseUrl, pathAndQuery).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response is null || response.Status != (int)HttpStatusCode.OK)
            {
                throw new ReportRenderException($"De rapportage kan nu niet als PDF worden gemaakt: de pagina gaf status {response?.Status.ToString() ?? "onbekend"}.");
            }

            // charts.js marks the document when every chart is drawn.
            await page.WaitForFunctionAsync("() => document.documentElement.dataset.chartsReady === 'true' || !document.querySelector('canvas[data-chart]')");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = "<div style=\"font-size:8pt;width:100%;text-align:center;font-family:sans-serif\">" + WebUtility.HtmlEncode(footer)
                    + " – pagina <span class=\"pageNumber\"></span> van <span class=\"totalPages\"></span></div>",
                Margin = new Margin { Top = "15mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
            });
        }
        catch (PlaywrightException e)
        {
            logger.LogError(e, "Rapportage {Path} niet als PDF te maken", pathAndQuery);
            throw new ReportRenderException("De rapportage kan nu niet als PDF worden gemaakt. Probeer het later opnieuw of gebruik de webversie.", e);
        }
        catch (TimeoutException e)
        {
            logger.LogError(e, "Rapportage {Path}: PDF niet op tijd klaar", pathAndQuery);
            throw new ReportRenderException("De rapportage kan nu niet als PDF worden gemaakt: het duurde te lang.", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The loopback address the app listens on (<c>Report:InternalBaseUrl</c> overrides it); null when there is none.</summary>
    public Uri? BaseUrl()
    {
        if (configuration["Report:InternalBaseUrl"] is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase)) // plain http on loopback first
            .FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // A wildcard binding (http://+:8080, http://[::]:8080, http://0.0.0.0:8080) is reached on loopback.
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true } browser)
        {
            return browser;
        }

        _playwright ??= await Playwright.CreateAsync();
        var executable = configuration["Report:ChromiumPath"] is { Length: > 0 } path ? path
            : Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } env ? env : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new ReportRenderException($"De rapportage kan nu niet als PDF worden gemaakt: de browser ({executable}) is niet geïnstalleerd.");
        }

        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
        return _browser;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
