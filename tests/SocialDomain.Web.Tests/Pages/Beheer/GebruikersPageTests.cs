using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>/beheer/gebruikers: create an account, change roles, lift a lockout; each change audited.</summary>
public partial class GebruikersPageTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Page = "/beheer/gebruikers";

    private static async Task<HttpClient> AdministratorAsync(DashboardFactory factory)
    {
        await Accounts.CreateAsync(factory, "beheerder", Roles.Administrator);
        var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, "beheerder")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", await Accounts.AntiforgeryTokenAsync(client, Page)));
        return await client.PostAsync(new Uri($"{Page}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    private static async Task<string> UserIdAsync(HttpClient client, string userName)
    {
        var html = await client.GetStringAsync(new Uri(Page, UriKind.Relative));
        var match = Regex.Match(html, $"name=\"userId\" value=\"([^\"]+)\" />\\s*<fieldset class=\"roles\">\\s*<legend class=\"visually-hidden\">Rollen van {userName}<");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No row for {userName}.");
    }

    [Fact]
    public async Task Administrator_CreatesAnAccount_ChangesItsRoles_AndEveryChangeIsAudited()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdministratorAsync(factory);

        var created = await PostAsync(client, "Create", ("Input.UserName", " raadslid1 "), ("Input.DisplayName", "Raadslid Een"),
            ("Input.Password", Accounts.Password), ("Input.Roles", Roles.CouncilMember), ("Input.Roles", "Hacker"));
        var listed = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Page, UriKind.Relative)));
        var changed = await PostAsync(client, "Roles", ("userId", await UserIdAsync(client, "raadslid1")), ("roles", Roles.Controller), ("roles", Roles.PolicyAdvisor));
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Page, UriKind.Relative)));

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        listed.Should().Contain("Account raadslid1 is aangemaakt.").And.Contain("Raadslid Een");
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Should().Contain("Rollen van raadslid1 zijn bijgewerkt.");
        await using var db = Database.CreateContext();
        var audit = await db.AuditLog.Where(a => a.Object == "gebruiker:raadslid1").OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Action, a.Result, a.Actor, a.Details)).Should().Equal(
            ("gebruiker.aanmaken", "gelukt", "beheerder", """{"rollen": ["Raadslid"]}"""),
            ("gebruiker.rollen", "gelukt", "beheerder", """{"rollen": ["Beleidsadviseur", "Controller"]}"""));
    }

    [Fact]
    public async Task CreateWithoutNameOrRole_OrWithAShortPassword_IsRefusedWithDutchMessages()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdministratorAsync(factory);

        var empty = WebUtility.HtmlDecode(await (await PostAsync(client, "Create", ("Input.UserName", ""))).Content.ReadAsStringAsync());
        var shortPassword = await PostAsync(client, "Create", ("Input.UserName", "kort"), ("Input.Password", "kort"), ("Input.Roles", Roles.Controller));

        empty.Should().Contain("Vul een gebruikersnaam in.").And.Contain("Kies minstens één rol.");
        shortPassword.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = Database.CreateContext();
        (await db.Users.CountAsync(u => u.UserName == "kort")).Should().Be(0);
        (await db.AuditLog.CountAsync(a => a.Action == "gebruiker.aanmaken")).Should().Be(0);
    }

    [Fact]
    public async Task Administrator_CannotDropTheirOwnAdministratorRole_AndUnlocksALockedAccount()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdministratorAsync(factory);
        await Accounts.CreateAsync(factory, "controller", Roles.Controller);
        using (var other = Accounts.Client(factory))
        {
            for (var i = 0; i < 6; i++)
            {
                await Accounts.LoginAsync(other, "controller", "fout-wachtwoord-" + i);
            }
        }

        var own = await PostAsync(client, "Roles", ("userId", await UserIdAsync(client, "beheerder")), ("roles", Roles.Controller));
        var ownHtml = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Page, UriKind.Relative)));
        var lockedHtml = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Page, UriKind.Relative)));
        var unlock = await PostAsync(client, "Unlock", ("userId", await UserIdAsync(client, "controller")));
        var unlockedHtml = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Page, UriKind.Relative)));
        var missing = await PostAsync(client, "Unlock", ("userId", "bestaat-niet"));

        own.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ownHtml.Should().Contain("U kunt uw eigen beheerdersrol niet intrekken.");
        lockedHtml.Should().Contain("Deblokkeren<span class=\"visually-hidden\"> (controller)</span>");
        unlock.StatusCode.Should().Be(HttpStatusCode.Redirect);
        unlockedHtml.Should().Contain("controller is gedeblokkeerd.").And.NotContain("Deblokkeren<span class=\"visually-hidden\"> (controller)</span>");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var db = Database.CreateContext();
        (await db.AuditLog.SingleAsync(a => a.Action == "gebruiker.deblokkeren")).Details.Should().Be("{}");
        (await db.AuditLog.CountAsync(a => a.Action == "gebruiker.rollen")).Should().Be(0);
    }
}
