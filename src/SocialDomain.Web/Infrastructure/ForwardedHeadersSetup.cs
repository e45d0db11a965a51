using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy or load balancer: the client's IP, the original scheme (https) and host are taken from
/// <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>, but only when the request comes from
/// a trusted proxy: <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR,
/// e.g. <c>10.0.0.0/8</c>). When neither is set only loopback is trusted (ASP.NET Core's default). Everything that
/// asks "who is this" afterwards — the login rate limit, the audit log's origin, <c>Secure</c> cookies, HSTS — then
/// sees the real client. Headers from any other address are ignored.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            if (proxies.Length == 0 && networks.Length == 0)
            {
                return;
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
