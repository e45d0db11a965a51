using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Account;

/// <summary>
/// Issue 18 item 8: a Beheerder sets a one-time password that must be changed at the first login; deactivation and
/// reactivation; every user changes their own password at /account/wachtwoord. End to end, with the audit rows.
/// </summary>
public class PasswordTests(TestDatabase database) : DatabaseTest(database)
{
    private const string OneTimePassword = "eenmalig-wachtwoord-van-beheer";
    private const string OwnPassword = "mijn-eigen-nieuwe-wachtwoord";

    private static async Task<HttpClient> AdministratorAsync(DashboardFactory factory)
    {
        await Accounts.CreateAsync(factory, "beheerder", Roles.Administrator);
        var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, "beheerder")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        PostAsync(client, path, path.Split('?')[0], fields);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string tokenPage, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", await Accounts.AntiforgeryTokenAsync(client, tokenPage)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = Database.CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    [Fact]
    public async Task PasswordReset_OneTimePasswordLogsIn_MustBeChangedFirst_AndEveryStepIsAudited()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var admin = await AdministratorAsync(factory);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        var resetPage = $"/beheer/gebruikers/{await UserIdAsync("adviseur")}/wachtwoord";

        var reset = await PostAsync(admin, resetPage, ("Password", OneTimePassword));
        var listed = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/beheer/gebruikers", UriKind.Relative)));

        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Location(reset).Should().Be("/beheer/gebruikers");
        listed.Should().Contain("Het eenmalige wachtwoord van adviseur is ingesteld").And.Contain("eenmalig wachtwoord, nog niet gewijzigd");

        using var user = Accounts.Client(factory);
        (await Accounts.LoginAsync(user, "adviseur")).StatusCode.Should().Be(HttpStatusCode.OK, "the old password no longer works");
        (await Accounts.LoginAsync(user, "adviseur", OneTimePassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var elsewhere = await user.GetAsync(new Uri("/beheer/streefwaarden", UriKind.Relative));
        Location(elsewhere).Should().Be(PasswordChange.PagePath, "a one-time password is changed before anything else");
        var forced = WebUtility.HtmlDecode(await user.GetStringAsync(new Uri(PasswordChange.PagePath, UriKind.Relative)));
        forced.Should().Contain("Uw wachtwoord is door een beheerder ingesteld en geldt maar één keer.");

        var changed = await PostAsync(user, PasswordChange.PagePath,
            ("Input.CurrentPassword", OneTimePassword), ("Input.NewPassword", OwnPassword), ("Input.ConfirmPassword", OwnPassword));
        var confirmation = WebUtility.HtmlDecode(await user.GetStringAsync(new Uri(PasswordChange.PagePath, UriKind.Relative)));
        var afterwards = await user.GetAsync(new Uri("/beheer/streefwaarden", UriKind.Relative));

        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        confirmation.Should().Contain("<p class=\"notice\" role=\"status\" id=\"melding\">Uw wachtwoord is gewijzigd.</p>").And.NotContain("wachtwoord-verplicht");
        afterwards.StatusCode.Should().Be(HttpStatusCode.OK, "the session goes on with the new password");
        using (var again = Accounts.Client(factory))
        {
            (await Accounts.LoginAsync(again, "adviseur", OneTimePassword)).StatusCode.Should().Be(HttpStatusCode.OK, "the one-time password worked once");
            (await Accounts.LoginAsync(again, "adviseur", OwnPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            Location(await again.GetAsync(new Uri("/beheer/streefwaarden", UriKind.Relative))).Should().BeNull("the mark is gone");
        }

        await using var db = Database.CreateContext();
        (await db.UserClaims.CountAsync(c => c.ClaimType == PasswordChange.MustChangeClaim)).Should().Be(0);
        var audit = await db.AuditLog.Where(a => a.Object == "gebruiker:adviseur" && a.Action != "inloggen").OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Action, a.Actor, a.Result, a.Details)).Should().Equal(
            ("wachtwoord.resetten", "beheerder", "gelukt", """{"eenmalig": true}"""),
            ("wachtwoord.wijzigen", "adviseur", "gelukt", """{"verplicht": true}"""));
        audit.Should().OnlyContain(a => !a.Details!.Contains(OneTimePassword) && !a.Details.Contains(OwnPassword), "a password is never logged");
    }

    [Fact]
    public async Task PasswordReset_WithAPasswordTheRulesRefuse_ShowsTheReasonNextToTheField_AndChangesNothing()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var admin = await AdministratorAsync(factory);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        var resetPage = $"/beheer/gebruikers/{await UserIdAsync("adviseur")}/wachtwoord";
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var refused = await PostAsync(admin, resetPage, ("Password", "kort"));
        var own = await PostAsync(admin, $"/beheer/gebruikers/{await UserIdAsync("beheerder")}/wachtwoord", ("Password", OneTimePassword));
        var missing = await PostAsync(admin, "/beheer/gebruikers/bestaat-niet/wachtwoord", "/beheer/gebruikers", ("Password", OneTimePassword));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("id=\"Password-fout\"").And.Contain("Eenmalig wachtwoord: ").And.Contain("aria-invalid=\"true\"");
        Location(own).Should().Be("/beheer/gebruikers", "a Beheerder changes their own password on the password page");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Where(t => t.Key != "audit_log")
            .Should().Equal(before.Where(t => t.Key != "audit_log"));
        await using var db = Database.CreateContext();
        (await db.AuditLog.CountAsync(a => a.Action == "wachtwoord.resetten")).Should().Be(0);
    }

    [Fact]
    public async Task Deactivation_RefusesTheLogin_AndReactivationAllowsItAgain_BothAudited()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var admin = await AdministratorAsync(factory);
        await Accounts.CreateAsync(factory, "controller", Roles.Controller);
        var id = await UserIdAsync("controller");

        var deactivated = await PostAsync(admin, "/beheer/gebruikers?handler=Active", ("userId", id), ("active", "false"));
        using var refusedClient = Accounts.Client(factory);
        var refused = await Accounts.LoginAsync(refusedClient, "controller");
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var reactivated = await PostAsync(admin, "/beheer/gebruikers?handler=Active", ("userId", id), ("active", "true"));
        using var allowedClient = Accounts.Client(factory);
        var allowed = await Accounts.LoginAsync(allowedClient, "controller");

        deactivated.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        refusedHtml.Should().Contain(StaffLogin.RefusedMessage);
        reactivated.StatusCode.Should().Be(HttpStatusCode.Redirect);
        allowed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        var audit = await db.AuditLog.Where(a => a.Object == "gebruiker:controller").OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Action, a.Result)).Should().Equal(
            ("gebruiker.deactiveren", "gelukt"), ("inloggen", "geblokkeerd"), ("gebruiker.activeren", "gelukt"), ("inloggen", "gelukt"));
    }

    [Fact]
    public async Task OwnPasswordChange_InvalidInputIsMarkedOnTheFields_ThenTheChangeIsSavedAndAudited()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "raadslid", Roles.CouncilMember);
        using var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, "raadslid")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var empty = await client.GetStringAsync(new Uri(PasswordChange.PagePath, UriKind.Relative));
        var invalid = await PostAsync(client, PasswordChange.PagePath,
            ("Input.CurrentPassword", ""), ("Input.NewPassword", OwnPassword), ("Input.ConfirmPassword", "iets anders"));
        var invalidHtml = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        var wrongCurrent = await PostAsync(client, PasswordChange.PagePath,
            ("Input.CurrentPassword", "niet-mijn-wachtwoord"), ("Input.NewPassword", OwnPassword), ("Input.ConfirmPassword", OwnPassword));
        var wrongHtml = WebUtility.HtmlDecode(await wrongCurrent.Content.ReadAsStringAsync());
        var saved = await PostAsync(client, PasswordChange.PagePath,
            ("Input.CurrentPassword", Accounts.Password), ("Input.NewPassword", OwnPassword), ("Input.ConfirmPassword", OwnPassword));

        // Issue 18 item 7: no empty summary (and no hidden list item the CSP would show as a bullet) on a fresh form.
        empty.Should().NotContain("validation-summary").And.NotContain("display:none").And.Contain("class=\"cancel\"");
        invalid.StatusCode.Should().Be(HttpStatusCode.OK);
        FieldError(invalidHtml, "Input_CurrentPassword").Should().Be("Huidig wachtwoord: vul uw huidige wachtwoord in.");
        FieldError(invalidHtml, "Input_ConfirmPassword").Should().Be("Herhaal nieuw wachtwoord: dit is niet hetzelfde als het nieuwe wachtwoord.");
        invalidHtml.Should().NotContain("validation-summary", "every message stands next to its field").And.NotContain(OwnPassword, "passwords are not sent back");
        FieldError(wrongHtml, "Input_CurrentPassword").Should().Be("Huidig wachtwoord: dit wachtwoord klopt niet.");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var again = Accounts.Client(factory);
        (await Accounts.LoginAsync(again, "raadslid", OwnPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "wachtwoord.wijzigen");
        (audit.Actor, audit.Object, audit.Details).Should().Be(("raadslid", "gebruiker:raadslid", """{"verplicht": false}"""));
    }

    /// <summary>
    /// The message of a field marked invalid: the field has aria-invalid="true" and aria-describedby naming the message's
    /// id, and the message element with that id follows it. Null when the field is not marked.
    /// </summary>
    private static string? FieldError(string html, string fieldId)
    {
        var field = Regex.Match(html, $"<input[^>]*id=\"{fieldId}\"[^>]*>");
        if (!field.Success || !field.Value.Contains("aria-invalid=\"true\"", StringComparison.Ordinal)
            || !Regex.IsMatch(field.Value, $"aria-describedby=\"([^\"]* )?{fieldId}-fout( [^\"]*)?\""))
        {
            return null;
        }

        var message = Regex.Match(html[field.Index..], $"^<input[^>]*>\\s*<span class=\"field-error\" id=\"{fieldId}-fout\">([^<]*)</span>");
        return message.Success ? message.Groups[1].Value : null;
    }
}
