using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Security;

/// <summary>Issue 16 item 3: a session ends on the server — logout, a removed role and deactivation apply on the next request.</summary>
public class SessionTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly Uri Beheer = new("/beheer", UriKind.Relative);

    /// <summary>A client without a cookie jar that sends the session cookie captured from <paramref name="login"/>.</summary>
    private static HttpClient ReplayingClient(DashboardFactory factory, HttpResponseMessage login)
    {
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sd.sessie=", StringComparison.Ordinal)).Split(';')[0];
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static bool IsSentToLogin(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/inloggen", StringComparison.Ordinal);

    [Fact]
    public async Task LoggedOutCookie_IsRefusedAtOnce()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var browser = Accounts.Client(factory);
        var login = await Accounts.LoginAsync(browser, "adviseur");
        using var stolen = ReplayingClient(factory, login);
        (await stolen.GetAsync(Beheer)).StatusCode.Should().Be(HttpStatusCode.OK, "the copied cookie works while the session lives");

        var token = await Accounts.AntiforgeryTokenAsync(browser, "/beheer");
        var logout = await browser.PostAsync(new Uri("/account/uitloggen", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        logout.StatusCode.Should().Be(HttpStatusCode.Redirect);
        IsSentToLogin(await stolen.GetAsync(Beheer)).Should().BeTrue("logging out ends the session on the server, not only in the browser");
        IsSentToLogin(await browser.GetAsync(Beheer)).Should().BeTrue();
    }

    [Fact]
    public async Task RemovedRole_IsRefusedOnTheNextRequest()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor, Roles.Controller);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "adviseur");
        (await client.GetAsync(new Uri("/beheer/import", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        using (var scope = factory.Services.CreateScope())
        {
            var accounts = ActivatorUtilities.CreateInstance<UserAdministration>(scope.ServiceProvider);
            var id = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SocialDomain.Web.Data.Entities.ApplicationUser>>()
                .FindByNameAsync("adviseur"))!.Id;
            (await accounts.SetRolesAsync(id, [Roles.PolicyAdvisor], "beheerder", "test", CancellationToken.None)).Outcome.Should().Be(RoleChange.Updated);
        }

        // A role change renews the security stamp: the session ends on its very next request, whatever it asks for.
        IsSentToLogin(await client.GetAsync(new Uri("/beheer/import", UriKind.Relative))).Should().BeTrue("the Controller role is gone on the very next request");
        await Accounts.LoginAsync(client, "adviseur");
        (await client.GetAsync(new Uri("/beheer/import", UriKind.Relative))).Headers.Location?.OriginalString.Should().Contain("/account/geen-toegang");
        (await client.GetAsync(new Uri("/beheer/streefwaarden", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "the remaining role still works");
    }

    [Fact]
    public async Task DeactivatedUser_IsRefusedOnTheNextRequest_AndCannotLogInAgain()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "beheerder", Roles.Administrator);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var admin = Accounts.Client(factory);
        (await Accounts.LoginAsync(admin, "beheerder")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var advisor = Accounts.Client(factory);
        await Accounts.LoginAsync(advisor, "adviseur");
        (await advisor.GetAsync(Beheer)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = Database.CreateContext();
        var advisorId = (await db.Users.SingleAsync(u => u.UserName == "adviseur")).Id;

        var deactivated = await PostUsersAsync(admin, "Active", ("userId", advisorId), ("active", "false"));
        var listed = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/beheer/gebruikers", UriKind.Relative)));

        deactivated.StatusCode.Should().Be(HttpStatusCode.Redirect);
        listed.Should().Contain("adviseur is gedeactiveerd").And.Contain("Activeren<span class=\"visually-hidden\"> (adviseur)</span>");
        IsSentToLogin(await advisor.GetAsync(Beheer)).Should().BeTrue("deactivation ends the open session at once");
        var again = await Accounts.LoginAsync(Accounts.Client(factory), "adviseur");
        again.StatusCode.Should().Be(HttpStatusCode.OK, "the login form is shown again");
        WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).Should().Contain(StaffLogin.RefusedMessage);
        (await db.AuditLog.SingleAsync(a => a.Action == "gebruiker.deactiveren")).Object.Should().Be("gebruiker:adviseur");

        var reactivated = await PostUsersAsync(admin, "Active", ("userId", advisorId), ("active", "true"));
        reactivated.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Accounts.LoginAsync(Accounts.Client(factory), "adviseur")).StatusCode.Should().Be(HttpStatusCode.Redirect, "reactivated accounts log in again");
    }

    [Fact]
    public async Task Administrator_CannotDeactivateTheirOwnAccount()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "beheerder", Roles.Administrator);
        using var admin = Accounts.Client(factory);
        await Accounts.LoginAsync(admin, "beheerder");
        await using var db = Database.CreateContext();
        var ownId = (await db.Users.SingleAsync(u => u.UserName == "beheerder")).Id;

        var response = await PostUsersAsync(admin, "Active", ("userId", ownId), ("active", "false"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/beheer/gebruikers", UriKind.Relative))).Should().Contain("U kunt uw eigen account niet deactiveren.");
        (await db.AuditLog.CountAsync(a => a.Action == "gebruiker.deactiveren")).Should().Be(0);
    }

    private static async Task<HttpResponseMessage> PostUsersAsync(HttpClient client, string handler, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", await Accounts.AntiforgeryTokenAsync(client, "/beheer/gebruikers")));
        return await client.PostAsync(new Uri($"/beheer/gebruikers?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(form));
    }
}
