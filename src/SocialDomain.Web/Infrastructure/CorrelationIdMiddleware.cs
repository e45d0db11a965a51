using System.Text.RegularExpressions;
using Serilog.Context;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-ID</c> when it is a plain
/// token (letters, digits, '.', '_', '-'; at most 64 characters — anything else could forge log
/// lines), otherwise a new one. The id is pushed to Serilog's LogContext as <c>CorrelationId</c>,
/// so every log line of the request carries it, and is echoed in the response header and on the
/// 503 page, so a user can quote it to the administrator.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-ID";

    public const string LogProperty = "CorrelationId";

    private static readonly object ItemKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Accept(context.Request.Headers[HeaderName]) ?? Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty(LogProperty, id))
        {
            await next(context);
        }
    }

    /// <summary>The correlation id of this request, or null outside the middleware.</summary>
    public static string? Get(HttpContext context) => context.Items.TryGetValue(ItemKey, out var id) ? id as string : null;

    /// <summary>The caller's id when there is exactly one and it is a plain token; otherwise null.</summary>
    public static string? Accept(IReadOnlyList<string?> values) =>
        values is [{ } value] && ValidId().IsMatch(value) ? value : null;

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex ValidId();
}
