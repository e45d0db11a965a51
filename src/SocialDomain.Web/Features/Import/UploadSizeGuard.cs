using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialDomain.Web.Features.Import;

/// <summary>
/// Refuses an upload larger than <see cref="ImportUpload.MaxUploadBytes"/> before anything reads its body (it runs before
/// the antiforgery check, which reads the form): a POST whose Content-Length says so is sent back to the page with the
/// Dutch message (303 to <c>?fout=te-groot</c>); one without a length gets the server's body limit set to the maximum.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeGuardAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>The query value the page shows <see cref="ImportUpload.TooLarge"/> for.</summary>
    public const string TooLargeQuery = "te-groot";

    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return;
        }

        if (request.ContentLength > ImportUpload.MaxUploadBytes)
        {
            context.Result = new RedirectResult($"{request.PathBase}{request.Path}?fout={TooLargeQuery}") { PreserveMethod = false };
            context.HttpContext.Response.Headers.Connection = "close";
            return;
        }

        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ImportUpload.MaxUploadBytes;
        }
    }
}
