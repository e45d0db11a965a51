using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Security;

/// <summary>
/// Behind a reverse proxy (issue 13 item 4): forwarded headers from a trusted address give the real client's IP,
/// scheme and host — separate login limits per client, the client's address in the audit log, Secure cookies and
/// HSTS — and the same headers from an untrusted address change nothing. Served by Kestrel, so requests really come
/// from 127.0.0.1.
/// </summary>
public sealed partial class TrustedProxyTests(TestDatabase database) : DatabaseTest(database)
{
    private const int LoginLimit = 3;

    [Fact]
    public async Task ForwardedHeaders_FromTrustedProxy_GiveEachClientItsOwnLimit_AuditOrigin_SecureCookie_AndHsts()
    {
        await using var app = Serve(trusted: "127.0.0.1");
        await Accounts.CreateAsync(app.Factory, "adviseur", Roles.PolicyAdvisor);
        using var http = Client(app);

        // Opening the login page does not count as an attempt.
        for (var i = 0; i < LoginLimit + 2; i++)
        {
            using var page = await SendAsync(http, HttpMethod.Get, "203.0.113.7");
            page.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        for (var i = 0; i < LoginLimit; i++)
        {
            using var attempt = await LoginAsync(http, "203.0.113.7", "adviseur", "fout-wachtwoord-123");
            attempt.StatusCode.Should().Be(HttpStatusCode.OK, "a wrong password re-renders the form");
        }

        using (var blocked = await LoginAsync(http, "203.0.113.7", "adviseur", "fout-wachtwoord-123"))
        {
            blocked.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        }

        using (var other = await LoginAsync(http, "198.51.100.20", "adviseur", Accounts.Password))
        {
            other.StatusCode.Should().Be(HttpStatusCode.Redirect, "another client has its own limit");
            other.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("sd.sessie=", StringComparison.Ordinal))
                .Which.Should().Contain("secure", "the original request was https");
            other.Headers.Should().ContainKey("Strict-Transport-Security");
        }

        await using var db = Database.CreateContext();
        var origins = await db.AuditLog.Where(a => a.Action == "inloggen").Select(a => a.Origin).ToListAsync();
        origins.Should().Contain("203.0.113.7").And.Contain("198.51.100.20").And.NotContain("127.0.0.1");
    }

    [Fact]
    public async Task ForwardedHeaders_FromUntrustedAddress_AreIgnored()
    {
        await using var app = Serve(trusted: "10.99.0.1");
        await Accounts.CreateAsync(app.Factory, "adviseur", Roles.PolicyAdvisor);
        using var http = Client(app);

        for (var i = 0; i < LoginLimit; i++)
        {
            using var attempt = await LoginAsync(http, $"203.0.113.{i + 1}", "adviseur", "fout-wachtwoord-123");
            attempt.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var blocked = await LoginAsync(http, "198.51.100.20", "adviseur", Accounts.Password))
        {
            blocked.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "every request counts as 127.0.0.1, whatever it claims");
        }

        await using var db = Database.CreateContext();
        (await db.AuditLog.Where(a => a.Action == "inloggen").Select(a => a.Origin).Distinct().ToListAsync())
            .Should().Equal("127.0.0.1");

        using var page = await SendAsync(http, HttpMethod.Get, "203.0.113.9");
        page.Headers.Should().NotContainKey("Strict-Transport-Security");
        page.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private ServedDashboard Serve(string trusted) => new(Database.ConnectionString, new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = trusted,
        ["Security:LoginAttemptsPerMinute"] = LoginLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    // Cookies are carried by hand: a Secure cookie would not be sent back over the test's plain http.
    private static HttpClient Client(ServedDashboard app) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string client, HttpContent? content = null, string? cookies = null)
    {
        var request = new HttpRequestMessage(method, new Uri("/account/inloggen", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "dashboard.gemeente.example");
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient http, string client, string userName, string password)
    {
        using var page = await SendAsync(http, HttpMethod.Get, client);
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return await SendAsync(http, HttpMethod.Post, client, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), cookies);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
