using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Unsupported methods answer 405 instead of reaching a page (issue 16): the dashboard serves GET, HEAD and POST only
/// (<see cref="MethodGuardMiddleware"/>), and a POST to a page without a POST handler is refused
/// (<see cref="NoHandlerPageFilter"/>) rather than rendering the page without its input.
/// </summary>
public sealed class MethodGuardMiddleware(RequestDelegate next)
{
    public const string Allowed = "GET, HEAD, POST";

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = Allowed;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"Methode {method} wordt niet ondersteund; gebruik GET of POST.", context.RequestAborted);
    }
}

/// <summary>
/// A page request whose method has no handler on that page (a POST to a read-only page) gets 405; not the error page
/// when the exception handler re-executes a failed POST on it, which must stay a 500 (it answered 405 before).
/// </summary>
public sealed class NoHandlerPageFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null
            && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.HttpContext.Response.Headers.Allow = "GET, HEAD";
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
