using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Setup;

/// <summary>
/// Two app instances on one database, as behind a load balancer (issue 13 item 5): a change on one reaches the other's
/// output cache within a second, and sessions, antiforgery tokens and lockouts hold on both (all kept in PostgreSQL).
/// </summary>
public sealed class MultipleInstancesTests(TestDatabase database) : DatabaseTest(database)
{
    /// <summary>Tables that no public page shows, so they need no cache trigger.</summary>
    private static readonly string[] NotShownPublicly =
    [
        "__ef_migrations_history", "audit_log", "data_protection_keys", "import_drafts",
        "users", "roles", "user_roles", "user_claims", "user_logins", "user_tokens", "role_claims", "user_programmes",
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        var header = "kpi_code;period;value;status;source_document;source_section;note";
        var report = await new DatasetImporter(db).ImportAsync(
            [new ImportFile("measurements.csv", Encoding.UTF8.GetBytes($"{header}\nWMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;\n"))]);
        report.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task PublicationOnA_ReachesTheCachedOverviewOnB_WithinOneSecond()
    {
        await using var a = new DashboardFactory(Database.ConnectionString);
        await using var b = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(a, "adviseur", Roles.PolicyAdvisor);
        using var readerOfB = Accounts.Client(b);
        (await readerOfB.GetStringAsync(new Uri("/", UriKind.Relative))).Should().NotContain("2021-K1");
        (await readerOfB.GetAsync(new Uri("/", UriKind.Relative))).Headers.Age.Should().NotBeNull("B serves the overview from its cache");

        using var advisorOnA = Accounts.Client(a);
        await Accounts.LoginAsync(advisorOnA, "adviseur");
        var token = await Accounts.AntiforgeryTokenAsync(advisorOnA, "/beheer/publiceren");
        (await advisorOnA.PostAsync(new Uri("/beheer/publiceren", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Quarter"] = "2021-K1",
        }))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var clock = Stopwatch.StartNew();
        string page;
        do
        {
            page = WebUtility.HtmlDecode(await readerOfB.GetStringAsync(new Uri("/", UriKind.Relative)));
        }
        while (!page.Contains("<option value=\"2021-K1\" selected=\"selected\">", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(5));

        page.Should().Contain("<option value=\"2021-K1\" selected=\"selected\">").And.Contain("75%");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "B's cache is evicted by the database's notification");
    }

    [Fact]
    public async Task SessionAndAntiforgeryTokenFromA_AreAcceptedByB()
    {
        await using var a = new DashboardFactory(Database.ConnectionString);
        await using var b = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(a, "adviseur", Roles.PolicyAdvisor);
        var options = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var onA = a.CreateClient(options);
        using var onB = b.CreateClient(options);
        var jar = new Dictionary<string, string>();

        var loginToken = await TokenAsync(onA, "/account/inloggen", jar);
        using (var login = await SendAsync(onA, "/account/inloggen", jar, new()
        {
            ["Input.UserName"] = "adviseur", ["Input.Password"] = Accounts.Password, ["__RequestVerificationToken"] = loginToken,
        }))
        {
            login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var token = await TokenAsync(onA, "/beheer/publiceren", jar);
        using var published = await SendAsync(onB, "/beheer/publiceren", jar, new() { ["__RequestVerificationToken"] = token, ["Quarter"] = "2021-K1" });

        published.StatusCode.Should().Be(HttpStatusCode.Redirect, "B reads A's session cookie and antiforgery token (keys in PostgreSQL)");
        published.Headers.Location!.ToString().Should().Contain("publiceren");
        await using var db = Database.CreateContext();
        (await db.QuarterPublications.AnyAsync(p => p.Year == 2021 && p.Quarter == 1)).Should().BeTrue();
    }

    [Fact]
    public async Task AccountLockedOutOnA_IsLockedOnB()
    {
        await using var a = new DashboardFactory(Database.ConnectionString);
        await using var b = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(a, "adviseur", Roles.PolicyAdvisor);
        using var onA = Accounts.Client(a);
        for (var i = 0; i < 5; i++)
        {
            await Accounts.LoginAsync(onA, "adviseur", "een-fout-wachtwoord-123");
        }

        using var onB = Accounts.Client(b);
        var withRightPassword = await Accounts.LoginAsync(onB, "adviseur");

        withRightPassword.StatusCode.Should().Be(HttpStatusCode.OK, "the form is shown again: the account is locked on B as well");
        (await onB.GetAsync(new Uri("/beheer", UriKind.Relative))).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EveryTableAPublicPageShows_NotifiesTheCaches()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT t.table_name FROM information_schema.tables t
            WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
              AND NOT EXISTS (SELECT 1 FROM information_schema.triggers g
                              WHERE g.event_object_table = t.table_name AND g.trigger_name = t.table_name || '_notify_dashboard_cache')
            """, connection);
        var without = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                without.Add(reader.GetString(0));
            }
        }

        without.Except(NotShownPublicly).Should().BeEmpty("a table shown on public pages needs the cache trigger (see the CacheNotificationTriggers migration)");
    }

    private static async Task<string> TokenAsync(HttpClient client, string path, Dictionary<string, string> jar)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        AddCookies(request, jar);
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        KeepCookies(response, jar);
        var html = await response.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, Dictionary<string, string> jar, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        AddCookies(request, jar);
        var response = await client.SendAsync(request);
        KeepCookies(response, jar);
        return response;
    }

    private static void AddCookies(HttpRequestMessage request, Dictionary<string, string> jar)
    {
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }
    }

    private static void KeepCookies(HttpResponseMessage response, Dictionary<string, string> jar)
    {
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = cookie.Split(';')[0].Split('=', 2);
            jar[pair[0]] = pair[1];
        }
    }
}
