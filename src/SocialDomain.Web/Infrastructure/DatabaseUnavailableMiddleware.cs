using System.Text.Encodings.Web;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Turns a database outage into a Dutch "tijdelijk niet beschikbaar" page with status 503 and
/// Retry-After, instead of a 500 (or, in Development, a stack trace). Other exceptions pass through
/// to the normal error handling. Placed after the exception handler, so it sees the exception first,
/// and after the request logging, so the request log records the 503.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (DatabaseFailure.IsUnavailable(exception) && !context.RequestAborted.IsCancellationRequested)
        {
            if (context.Response.HasStarted)
            {
                logger.LogWarning("Database niet beschikbaar tijdens het versturen van {Method} {Path}: {Reason}",
                    context.Request.Method, context.Request.Path.Value, DatabaseFailure.Describe(exception));
                throw;
            }

            logger.LogWarning("Database niet beschikbaar; {Method} {Path} krijgt 503: {Reason}",
                context.Request.Method, context.Request.Path.Value, DatabaseFailure.Describe(exception));
            await WriteUnavailableAsync(context);
        }
    }

    public static async Task WriteUnavailableAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.WriteAsync(Page(context), context.RequestAborted);
        }
    }

    private static string Page(HttpContext context)
    {
        var html = HtmlEncoder.Default;
        var root = html.Encode(context.Request.PathBase.Value ?? string.Empty);
        var municipality = html.Encode(context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<MunicipalityOptions>>()?.Value.DisplayName ?? string.Empty);
        var demo = context.RequestServices.GetService<DemoDataset>()?.Enabled == true
            ? $"""<div class="demo-banner" role="note" aria-label="Demonstratiegegevens"><div class="container"><p id="demo-label"><strong>{html.Encode(DemoDataset.Label)}</strong></p></div></div>"""
            : string.Empty;
        var reference = CorrelationIdMiddleware.Get(context) is { } id
            ? $"""<p>Blijft het probleem bestaan, neem dan contact op met de beheerder en noem deze code: <code>{html.Encode(id)}</code>.</p>"""
            : "<p>Blijft het probleem bestaan, neem dan contact op met de beheerder.</p>";
        return $"""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="robots" content="noindex" />
                <title>Tijdelijk niet beschikbaar – Dashboard Sociaal Domein</title>
                <link rel="stylesheet" href="{root}/css/site.css" />
            </head>
            <body>
                <header class="site-header">
                    <div class="container header-inner">
                        <a class="brand" href="{root}/">Dashboard Sociaal Domein <span class="brand-sub">{municipality}</span></a>
                    </div>
                </header>
                {demo}
                <main id="inhoud" class="container">
                    <h1>Tijdelijk niet beschikbaar</h1>
                    <p>Het dashboard is tijdelijk niet beschikbaar: de gegevens kunnen op dit moment niet worden opgehaald.
                    Probeer het over een minuut opnieuw.</p>
                    {reference}
                </main>
            </body>
            </html>
            """;
    }
}
