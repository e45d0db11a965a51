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

    /// <summary>An audit insert that fails for <paramref name="action"/> only (a trigger), so the change's own audit row cannot be written.</summary>
    private async Task BreakAuditAsync(string action)
    {
        await using var db = Database.CreateContext();
        // The action is one of the test's constants (a DDL statement takes no parameters).
        var sql = "CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger AS $$ BEGIN "
            + $"IF NEW.action = '{action}' THEN RAISE EXCEPTION 'audit refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; "
            + "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task RepairAuditAsync()
    {
        await using var db = Database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS test_refuse_audit ON audit_log; DROP FUNCTION IF EXISTS test_refuse_audit();");
    }

    [Fact]
    public async Task AccountChanges_WhoseAuditRowCannotBeWritten_AreRolledBack()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdministratorAsync(factory);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        var adviseur = await UserIdAsync(client, "adviseur");
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        try
        {
            await BreakAuditAsync("gebruiker.rollen");
            (await PostAsync(client, "Roles", ("userId", adviseur), ("roles", Roles.Controller))).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            await RepairAuditAsync();
            await BreakAuditAsync("gebruiker.aanmaken");
            (await PostAsync(client, "Create", ("Input.UserName", "nieuw"), ("Input.Password", Accounts.Password), ("Input.Roles", Roles.CouncilMember)))
                .StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            await RepairAuditAsync();
            await BreakAuditAsync("gebruiker.deactiveren");
            (await PostAsync(client, "Active", ("userId", adviseur), ("active", "false"))).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        }
        finally
        {
            await RepairAuditAsync();
        }

        var after = await TableChecksums.ReadAsync(Database.ConnectionString);
        after.Where(t => t.Key != "audit_log").Should().Equal(before.Where(t => t.Key != "audit_log"), "no role, account or lockout change survives without its audit row");
        await using var db = Database.CreateContext();
        (await db.AuditLog.CountAsync(a => a.Object == "gebruiker:adviseur" || a.Object == "gebruiker:nieuw")).Should().Be(0);
    }

    [Fact]
    public async Task Administrator_ResetsAnotherUsersSecondFactor_Audited_AndTheUserMustSetItUpAgain()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdministratorAsync(factory);
        await Accounts.CreateAsync(factory, "beheerder2", Roles.Administrator);
        var html = await client.GetStringAsync(new Uri(Page, UriKind.Relative));
        var id = Regex.Match(html, "name=\"userId\" value=\"([^\"]+)\" />\\s*<button type=\"submit\">Tweestapsverificatie resetten<span class=\"visually-hidden\"> \\(beheerder2\\)").Groups[1].Value;
        id.Should().NotBeEmpty("beheerder2 has two-step verification, so the reset button is shown");

        var response = await PostAsync(client, "TwoFactor", ("userId", id));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "beheerder2");
        user.TwoFactorEnabled.Should().BeFalse();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "tweestaps.resetten");
        (audit.Actor, audit.Object, audit.Result).Should().Be(("beheerder", "gebruiker:beheerder2", "gelukt"));
        using var other = Accounts.Client(factory);
        var login = await Accounts.PasswordStepAsync(other, "beheerder2");
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await other.GetAsync(new Uri("/beheer", UriKind.Relative))).Headers.Location!.OriginalString.Should().Contain("/account/tweestapsverificatie",
            "a Beheerder without a second factor is sent to set one up");
    }
}
