using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialDomain.Web.Pages.Account;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Security;

/// <summary>Issue 16 item 7: TOTP two-factor authentication, required for Beheerders, with recovery codes.</summary>
public partial class TwoFactorTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    private const string Setup = "/account/tweestapsverificatie";

    /// <summary>The first administrator as the bootstrap makes it: no second factor yet.</summary>
    private static async Task CreateBootstrapAdministratorAsync(DashboardFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        (await AdminBootstrap.CreateAsync(scope.ServiceProvider, "beheerder", Accounts.Password)).Should().BeEmpty();
    }

    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    private static async Task<string> SharedKeyAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri(Setup, UriKind.Relative));
        return SharedKeyPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()
            : throw new InvalidOperationException("No shared key on the setup page.");
    }

    private static async Task<HttpResponseMessage> EnableAsync(HttpClient client, string code)
    {
        var token = await Accounts.AntiforgeryTokenAsync(client, Setup);
        return await client.PostAsync(new Uri($"{Setup}?handler=Enable", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Administrator_WithoutSecondFactor_CannotReachBeheer_AndIsSentToTheSetupPage()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await CreateBootstrapAdministratorAsync(factory);
        using var client = Accounts.Client(factory);

        var login = await Accounts.LoginAsync(client, "beheerder");

        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var path in new[] { "/beheer", "/beheer/gebruikers", "/beheer/audit", "/export/auditlog.csv", "/" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            (response.StatusCode, Location(response)).Should().Be((HttpStatusCode.Redirect, Setup), path);
        }

        var setupPage = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Setup, UriKind.Relative)));
        setupPage.Should().Contain("Als beheerder moet u tweestapsverificatie gebruiken").And.Contain("data:image/png;base64,");
    }

    [Fact]
    public async Task Administrator_SetsUpTheAuthenticator_ThenLogsInWithPasswordAndCode_OrWithARecoveryCodeOnce()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await CreateBootstrapAdministratorAsync(factory);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "beheerder");
        var key = await SharedKeyAsync(client);

        var wrong = await EnableAsync(client, "000000" == Accounts.TotpCode(key) ? "111111" : "000000");
        var enabled = await EnableAsync(client, Accounts.TotpCode(key));
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Setup, UriKind.Relative)));
        var recoveryCodes = RecoveryCodePattern().Matches(shown).Select(m => m.Groups[1].Value).ToList();

        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()).Should().Contain("Code uit de app: deze code klopt niet.");
        enabled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        recoveryCodes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await client.GetAsync(new Uri("/beheer/gebruikers", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK,
            "the code just checked is this session's second factor");

        using var fresh = Accounts.Client(factory);
        var password = await Accounts.PasswordStepAsync(fresh, "beheerder");
        Accounts.IsSecondStep(password).Should().BeTrue("with the authenticator on, the password alone is not enough");
        (await fresh.GetAsync(new Uri("/beheer", UriKind.Relative))).Headers.Location!.OriginalString.Should().Contain("/account/inloggen");
        var badCode = await Accounts.SecondFactorAsync(fresh, "12345");
        WebUtility.HtmlDecode(await badCode.Content.ReadAsStringAsync()).Should().Contain(InloggenCodeModel.RefusedMessage);
        var goodCode = await Accounts.SecondFactorAsync(fresh, Accounts.TotpCode(key));
        goodCode.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fresh.GetAsync(new Uri("/beheer/gebruikers", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        using var lostPhone = Accounts.Client(factory);
        await Accounts.PasswordStepAsync(lostPhone, "beheerder");
        (await Accounts.SecondFactorAsync(lostPhone, recoveryCodes[0].ToLowerInvariant(), recoveryCode: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await lostPhone.GetAsync(new Uri("/beheer/audit", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        using var replay = Accounts.Client(factory);
        await Accounts.PasswordStepAsync(replay, "beheerder");
        (await Accounts.SecondFactorAsync(replay, recoveryCodes[0], recoveryCode: true)).StatusCode.Should().Be(HttpStatusCode.OK, "a recovery code works once");

        await using var db = Database.CreateContext();
        (await db.AuditLog.CountAsync(a => a.Action == "tweestaps.aanzetten" && a.Object == "gebruiker:beheerder")).Should().Be(1);
        (await db.AuditLog.Where(a => a.Action == "inloggen").OrderBy(a => a.Id).Select(a => a.Result).ToListAsync())
            .Should().Equal("gelukt", "tweede stap", "geweigerd", "gelukt", "tweede stap", "gelukt", "tweede stap", "geweigerd");
    }

    [Fact]
    public async Task OtherRoles_MayUseTheSecondFactor_ButNeedNot()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "adviseur");
        (await client.GetAsync(new Uri("/beheer", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        var enabled = await EnableAsync(client, Accounts.TotpCode(await SharedKeyAsync(client)));

        enabled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var fresh = Accounts.Client(factory);
        Accounts.IsSecondStep(await Accounts.PasswordStepAsync(fresh, "adviseur")).Should().BeTrue();
    }

    [Fact]
    public async Task SetupAndCodePages_HaveNoSeriousAccessibilityViolations_AtDesktopAndPhoneWidth()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        await CreateBootstrapAdministratorAsync(app.Factory);
        var violations = new List<string>();
        var widths = new[] { (Width: 390, Height: 844), (Width: 1280, Height: 900) };

        // Before the authenticator is on: the setup page with key and QR code; at desktop width also its error and the recovery codes.
        foreach (var (width, height) in widths)
        {
            await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            await LogInAsync(page, app);
            page.Url.Should().EndWith(Setup, "a Beheerder without a second factor lands on the setup page");
            violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{width} setup: {v}"));
            if (width == 1280)
            {
                var key = (await page.Locator("code.shared-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
                await page.GetByLabel("Code uit de app").FillAsync("000000" == Accounts.TotpCode(key) ? "111111" : "000000");
                await page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
                violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{width} setup with error: {v}"));
                await page.GetByLabel("Code uit de app").FillAsync(Accounts.TotpCode(key));
                await page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
                (await page.Locator(".recovery-codes li").CountAsync()).Should().Be(10);
                violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{width} recovery codes: {v}"));
                Accounts.RememberAuthenticatorKey("beheerder", key);
            }
        }

        // With the authenticator on: the code page, its error, and the setup page in its "on" state.
        foreach (var (width, height) in widths)
        {
            await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            await LogInAsync(page, app);
            page.Url.Should().Contain("/account/inloggen/code");
            violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{width} code: {v}"));
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync("12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{width} code with error: {v}"));
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Accounts.TotpCode(Accounts.AuthenticatorKey("beheerder")!));
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            page.Url.Should().EndWith("/beheer");
            await page.GotoAsync(app.Url(Setup));
            violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{width} setup on: {v}"));
        }

        violations.Should().BeEmpty();
    }

    private static async Task LogInAsync(IPage page, ServedDashboard app)
    {
        await page.GotoAsync(app.Url("/account/inloggen"));
        await page.GetByLabel("Gebruikersnaam").FillAsync("beheerder");
        await page.GetByLabel("Wachtwoord").FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
    }

    [GeneratedRegex("<code class=\"shared-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<li><code>([A-Z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
