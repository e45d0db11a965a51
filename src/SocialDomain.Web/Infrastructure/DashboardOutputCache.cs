using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// The output cache of what anonymous readers see (overview, KPI pages, benchmark; docs/performance.md). Only
/// anonymous GET/HEAD 200 responses without cookies are stored and served (ASP.NET Core's default policy, which
/// needs <c>UseOutputCache</c> after authentication and authorization): signed-in council members and staff always
/// get a fresh page. Entries vary by the whole query string, carry <see cref="Tag"/>, and are evicted when figures,
/// targets, commentary or publications change in this instance (<see cref="EvictAsync"/>); a change made
/// elsewhere (another instance, the import command) shows after at most <see cref="Lifetime"/>. Entries also vary
/// by Accept-Encoding: the pages are stored compressed (<see cref="IsCompressible"/>).
/// </summary>
public static class DashboardOutputCache
{
    public const string PolicyName = "PublishedDashboard";

    public const string Tag = "dashboard";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static void Configure(OutputCachePolicyBuilder policy) => policy.Expire(Lifetime).Tag(Tag).SetVaryByHeader(HeaderNames.AcceptEncoding);

    /// <summary>
    /// True for anonymous requests to the cached pages. Only their responses are compressed (stored compressed, so
    /// once per cache entry): they hold no secret (no antiforgery token, no user data), so compression cannot leak one
    /// (BREACH); every other response stays uncompressed, as before.
    /// </summary>
    public static bool IsCompressible(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PolicyName;

    /// <summary>Brotli and gzip for the responses <see cref="IsCompressible"/> selects (also behind HTTPS, see there).</summary>
    public static void ConfigureCompression(ResponseCompressionOptions options)
    {
        options.EnableForHttps = true;
        // Each entry is compressed once, when it is stored: worth the better ratio of Optimal over the default Fastest.
        options.Providers.Add(new BrotliCompressionProvider(Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Optimal })));
        options.Providers.Add(new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Optimal })));
    }

    /// <summary>Drops every cached dashboard page; call after a change that anonymous readers could see.</summary>
    public static async Task EvictAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<IOutputCacheStore>() is { } store)
        {
            await store.EvictByTagAsync(Tag, cancellationToken);
        }
    }
}
