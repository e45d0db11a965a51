namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Answers 400 to a query string with a NUL character (<c>%00</c>). No page has a use for it, and
/// PostgreSQL refuses NUL in text, so a page that passes such a value to a query would fail with a 500.
/// Kestrel already refuses NUL in the path; form values are the pages' own validation.
/// </summary>
public sealed class QueryStringGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.QueryString.Value;
        if (query is not null && (query.Contains("%00", StringComparison.Ordinal) || query.Contains('\0', StringComparison.Ordinal)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("Ongeldig verzoek: de zoekopdracht in het adres bevat een ongeldig teken.", context.RequestAborted);
        }

        return next(context);
    }
}
