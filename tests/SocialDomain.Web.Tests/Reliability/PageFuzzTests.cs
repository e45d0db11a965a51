using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>
/// Every page the app maps (found from its endpoints, so new pages are covered automatically) gets a
/// few hundred hostile query strings, and every form on it hostile values — anonymously and as a
/// user with every role. No response may be a 5xx, show internals, or reflect a script unencoded.
/// </summary>
public partial class PageFuzzTests(TestDatabase database, ITestOutputHelper output) : DatabaseTest(database)
{
    private const int Seed = 4021;
    private const int QueriesPerRoute = 200;
    private const int FormVariants = 25;
    private const string UserName = "fuzz.beheerder";
    private const string Password = "Fuzz-Wachtwoord-2026!";
    private const string Script = "<script>alert(1)</script>";

    private static readonly string[] Values =
    [
        Script, "\"><script>alert(1)</script>", "' OR '1'='1", "'; DROP TABLE kpis; --", "\"", "'", "\\", "%00", "\0", "%", "%%", "%ZZ",
        "-1", "0", "-0", "2147483648", "-2147483649", "99999999999999999999999999999", "1e309", "NaN", "Infinity", "-Infinity", "0x7FFFFFFF",
        "2020-K3", "2020-K9", "2020-K0", "2020-Q3", "0000-K1", "9999-K4", "-2020", "20200-K1", "2020-K3-1", "K3", "2020", "1900", "2201",
        "SP_SCORE", "sp_score", "ONBEKEND", "GM0402", "gm0402", "GM9999", "G40", "totaal", "6.72", "jeugd", "wmo", "per_inwoner", "true", "false",
        "ja", "nee", "", " ", "\t", "\r\n", "\u202E", "\u200B", "😀", "Zoë", "ﷺ", "𝕏", "e\u0301", "漢字", "../../etc/passwd", "..\\..\\windows",
        "http://example.invalid", "//example.invalid", "/\\example.invalid", "javascript:alert(1)", "%0d%0aSet-Cookie:x=y", "{{7*7}}", "${7*7}",
        "@(1+1)", "=1+1", new string('a', 5000), new string('9', 2000), string.Concat(Enumerable.Repeat("ä", 3000)),
    ];

    private static readonly string[] GenericKeys = ["handler", "q", "id", "code", "page", "sort", "format", "ReturnUrl", "returnUrl", "culture", "ui-culture", "__RequestVerificationToken"];

    [Fact]
    public async Task EveryRoute_WithHostileQueryStringsAndForms_NeverFails()
    {
        await using (var db = Database.CreateContext())
        {
            (await SeedData.LoadAsync(db)).Problems.Should().BeEmpty();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
        using var anonymous = factory.CreateClient(options);
        using var staff = factory.CreateClient(options);
        anonymous.Timeout = staff.Timeout = TimeSpan.FromSeconds(30);
        await CreateStaffUserAsync(factory.Services);
        (await LogInAsync(staff)).Should().BeTrue("the fuzz user can log in");

        var routes = Routes(factory.Services);
        output.WriteLine($"Routes: {string.Join(", ", routes)}");
        routes.Select(r => r.ToLowerInvariant()).Should().Contain(["/", "/kpis", "/kpis/sp_score", "/health/live", "/health/ready",
            "/account/wachtwoord", "/beheer/gebruikers/sp_score/wachtwoord", "/beheer/toelichtingsgrenzen"]);
        var keys = QueryKeys();

        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var requests = 0;
        var statuses = new SortedDictionary<int, int>();
        var perRoute = new SortedDictionary<string, string>(StringComparer.Ordinal);

        async Task Check(HttpClient client, string who, HttpRequestMessage request)
        {
            var shown = $"{who} {request.Method} {Shorten(request.RequestUri!.ToString())}";
            try
            {
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                requests++;
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                var routeKey = $"{who} {request.Method} {request.RequestUri!.OriginalString.Split('?')[0]}";
                perRoute[routeKey] = perRoute.GetValueOrDefault(routeKey) + $" {(int)response.StatusCode}";
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{shown} → {(int)response.StatusCode}");
                }
                else if (ReliabilitySupport.ShowsInternals(body))
                {
                    failures.Add($"{shown} → internals in the body");
                }
                else if (response.Content.Headers.ContentType?.MediaType == "text/html" && body.Contains(Script, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{shown} → the script is reflected unencoded");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                failures.Add($"{shown} → {ex.GetType().Name}: {ex.Message}");
            }
        }

        foreach (var route in routes)
        {
            foreach (var (client, who) in new[] { (anonymous, "anoniem"), (staff, "medewerker") })
            {
                var count = who == "anoniem" ? QueriesPerRoute : QueriesPerRoute / 2;
                for (var i = 0; i < count; i++)
                {
                    await Check(client, who, new HttpRequestMessage(HttpMethod.Get, new Uri(route + HostileQuery(random, keys), UriKind.Relative)));
                }

                // A NUL in the path never reaches the app: Kestrel answers 400 itself (TestServer throws instead).
                foreach (var hostileSegment in Values.Where(v => !v.Contains('\0', StringComparison.Ordinal) && v != "%00").Take(16))
                {
                    if (route.Contains("SP_SCORE", StringComparison.Ordinal))
                    {
                        await Check(client, who, new HttpRequestMessage(HttpMethod.Get,
                            new Uri(route.Replace("SP_SCORE", Uri.EscapeDataString(hostileSegment), StringComparison.Ordinal), UriKind.Relative)));
                    }
                }

                // Forms: hostile values in every field, with a valid antiforgery token (and once without).
                using var page = await client.GetAsync(new Uri(route, UriKind.Relative));
                var html = await page.Content.ReadAsStringAsync();
                foreach (var form in Forms(html, route))
                {
                    if (who == "medewerker" && form.Action.StartsWith("/account/uitloggen", StringComparison.OrdinalIgnoreCase))
                    {
                        continue; // would end the staff session
                    }

                    await Check(client, who, FormRequest(form, random, withToken: false));
                    await Check(client, who, FormRequest(form, random, withToken: true, everyField: new string('a', 5000)));
                    await Check(client, who, FormRequest(form, random, withToken: true, everyField: "a\0b"));
                    for (var v = 0; v < FormVariants; v++)
                    {
                        await Check(client, who, FormRequest(form, random, withToken: true));
                    }
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{requests} requests in {clock.Elapsed.TotalSeconds:0.0} s; by status: {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}; failures: {failures.Count}."));
        foreach (var (route, codes) in perRoute.Where(r => r.Key.Contains(" POST ", StringComparison.Ordinal) || !r.Value.Trim().StartsWith("200", StringComparison.Ordinal)))
        {
            var counts = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).GroupBy(c => c).Select(g => $"{g.Key}×{g.Count()}");
            output.WriteLine($"  {route}: {string.Join(", ", counts)}");
        }

        foreach (var failure in failures.Distinct().Take(40))
        {
            output.WriteLine(failure);
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task NulInTheQueryString_IsRefusedWith400_BeforeAnyPageSeesIt()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/kpis?zoek=abc%00def", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().StartWith("Ongeldig verzoek");
        (await client.GetAsync(new Uri("/kpis?zoek=abc%2500def", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "an escaped percent sign is fine");
    }

    private static async Task CreateStaffUserAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        (await AdminBootstrap.CreateAsync(scope.ServiceProvider, UserName, Password)).Should().BeEmpty();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(UserName))!;
        await users.AddToRolesAsync(user, Roles.All.Where(r => r != Roles.Administrator));
    }

    private static async Task<bool> LogInAsync(HttpClient client)
    {
        using var page = await client.GetAsync(new Uri("/account/inloggen", UriKind.Relative));
        var form = Forms(await page.Content.ReadAsStringAsync(), "/account/inloggen").First();
        var fields = form.Fields.ToDictionary(f => f, f => f.EndsWith("UserName", StringComparison.Ordinal) ? UserName : f.EndsWith("Password", StringComparison.Ordinal) ? Password : string.Empty);
        fields["__RequestVerificationToken"] = form.Token ?? string.Empty;
        using var response = await client.PostAsync(new Uri(form.Action, UriKind.Relative), new FormUrlEncodedContent(fields));
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>Pages whose form shows only with a query (the correction form of /beheer/begroting for the first budget line).</summary>
    private static readonly string[] FormRoutes = ["/beheer/begroting?corrigeer=1"];

    /// <summary>GET-able routes of every mapped endpoint, with "SP_SCORE" for route parameters.</summary>
    private static List<string> Routes(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + RouteParameter().Replace(e.RoutePattern.RawText?.TrimStart('/') ?? string.Empty, "SP_SCORE"))
            .Where(r => !r.Contains('*', StringComparison.Ordinal) && !r.EndsWith("/Index", StringComparison.Ordinal)) // "/X/Index" is "/X" again
            .Concat(FormRoutes)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Query keys the pages bind (from [BindProperty] on every page model) plus generic ones.</summary>
    private static List<string> QueryKeys()
    {
        var pageModels = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t));
        var bound = pageModels.SelectMany(t => t.GetProperties())
            .Select(p => (Property: p, Bind: p.GetCustomAttribute<BindPropertyAttribute>()))
            .Where(p => p.Bind is not null)
            .Select(p => p.Bind!.Name ?? p.Property.Name);
        return [.. bound.Concat(GenericKeys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static string HostileQuery(Random random, List<string> keys)
    {
        switch (random.Next(12))
        {
            case 0:
                return Pick(random, ["?", "?&&&", "?=", "?==", "?%", "?%ZZ=1", "?%00=1", "?a=%ZZ", "?kwartaal[]=1", "?kwartaal[0]=a&kwartaal.x=b", "?&=&=", "?;", "?" + new string('&', 500)]);
            case 1:
                var key = Pick(random, keys);
                return "?" + string.Join("&", Enumerable.Range(0, random.Next(2, 50)).Select(i => $"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(Pick(random, Values))}"));
            default:
                var pairs = Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => $"{Uri.EscapeDataString(Pick(random, keys))}={Uri.EscapeDataString(Pick(random, Values))}");
                return "?" + string.Join("&", pairs);
        }
    }

    /// <summary>A post of <paramref name="form"/> with hostile values (or <paramref name="everyField"/> in every field).</summary>
    private static HttpRequestMessage FormRequest(Form form, Random random, bool withToken, string? everyField = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.Action, UriKind.Relative));
        if (form.Multipart)
        {
            var content = new MultipartFormDataContent();
            foreach (var field in form.Fields.Where(f => !form.FileFields.Contains(f)))
            {
                content.Add(new StringContent(everyField ?? Pick(random, Values)), field);
            }

            foreach (var field in form.FileFields)
            {
                var bytes = new byte[random.Next(0, 2000)];
                random.NextBytes(bytes);
                content.Add(new ByteArrayContent(bytes), field, Pick(random, ["measurements.csv", "onbekend.csv", "../kpis.csv", "a b.csv", "ë€.csv"]));
            }

            if (withToken && form.Token is not null)
            {
                content.Add(new StringContent(form.Token), "__RequestVerificationToken");
            }

            request.Content = content;
            return request;
        }

        var values = form.Fields.Select(f => new KeyValuePair<string, string>(f, everyField ?? Pick(random, Values))).ToList();
        if (random.Next(4) == 0 && form.Fields.Count > 0)
        {
            values.Add(new(form.Fields[0], Pick(random, Values))); // repeated key
        }

        if (withToken && form.Token is not null)
        {
            values.Add(new("__RequestVerificationToken", form.Token));
        }

        request.Content = new FormUrlEncodedContent(values);
        return request;
    }

    private static List<Form> Forms(string html, string route)
    {
        var forms = new List<Form>();
        foreach (Match match in FormPattern().Matches(html))
        {
            var attributes = Attributes(match.Groups[1].Value);
            if (!string.Equals(attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = WebUtility.HtmlDecode(attributes.GetValueOrDefault("action") ?? string.Empty);
            action = action.Length == 0 ? route : action.StartsWith('?') ? route + action : action;
            string? token = null;
            var fields = new List<string>();
            var files = new List<string>();
            foreach (Match field in FieldPattern().Matches(match.Groups[2].Value))
            {
                var fieldAttributes = Attributes(field.Groups[2].Value);
                if (fieldAttributes.GetValueOrDefault("name") is not { Length: > 0 } name)
                {
                    continue;
                }

                if (name == "__RequestVerificationToken")
                {
                    token = WebUtility.HtmlDecode(fieldAttributes.GetValueOrDefault("value"));
                }
                else
                {
                    fields.Add(WebUtility.HtmlDecode(name));
                    if (string.Equals(fieldAttributes.GetValueOrDefault("type"), "file", StringComparison.OrdinalIgnoreCase))
                    {
                        files.Add(WebUtility.HtmlDecode(name));
                    }
                }
            }

            forms.Add(new Form(action, [.. fields.Distinct(StringComparer.Ordinal)], files,
                string.Equals(attributes.GetValueOrDefault("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase), token));
        }

        return forms;
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag).GroupBy(m => m.Groups[1].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First().Groups[2].Value, StringComparer.Ordinal);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private sealed record Form(string Action, List<string> Fields, List<string> FileFields, bool Multipart, string? Token);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"<form\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<(input|select|textarea|button)\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"([\w:-]+)\s*=\s*""([^""]*)""")]
    private static partial Regex AttributePattern();
}
