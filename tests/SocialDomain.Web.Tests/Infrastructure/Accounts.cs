using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>Creates accounts through Identity and logs in through the real login form.</summary>
public static partial class Accounts
{
    public const string Password = "een-lang-wachtwoord-voor-tests";

    /// <summary>The authenticator key of each account created with two-factor authentication, by user name.</summary>
    private static readonly ConcurrentDictionary<string, string> AuthenticatorKeys = new();

    public static async Task CreateAsync(DashboardFactory factory, string userName, params string[] roles)
    {
        using var scope = factory.Services.CreateScope();
        await AdminBootstrap.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = userName, LockoutEnabled = true };
        var result = await users.CreateAsync(user, Password);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            (await users.AddToRolesAsync(user, roles)).Succeeded.Should().BeTrue();
        }

        // Beheerders must use a second factor (issue 16): give them an authenticator, as the setup page would.
        AuthenticatorKeys.TryRemove(userName, out _);
        if (roles.Contains(Roles.Administrator))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.Should().BeTrue();
            AuthenticatorKeys[userName] = (await users.GetAuthenticatorKeyAsync(user))!;
        }
    }

    /// <summary>The code an authenticator app shows now for <paramref name="key"/> (RFC 6238, 30 s, 6 digits).</summary>
    public static string TotpCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>The authenticator key of an account made with <see cref="CreateAsync"/>, when it has one.</summary>
    public static string? AuthenticatorKey(string userName) => AuthenticatorKeys.TryGetValue(userName, out var key) ? key : null;

    /// <summary>Records the key of an authenticator set up through the page, so <see cref="LoginAsync"/> can answer the second step.</summary>
    public static void RememberAuthenticatorKey(string userName, string key) => AuthenticatorKeys[userName] = key;

    /// <summary>Posts <paramref name="code"/> to the second login step.</summary>
    public static async Task<HttpResponseMessage> SecondFactorAsync(HttpClient client, string code, bool recoveryCode = false)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/inloggen/code");
        return await client.PostAsync(new Uri("/account/inloggen/code", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code,
            ["RecoveryCode"] = recoveryCode ? "true" : "false",
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A client that does not follow redirects, so tests see 302s.</summary>
    public static HttpClient Client(DashboardFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Logs in through the form; for an account with an authenticator (<see cref="CreateAsync"/>), also through the second step.</summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password = Password)
    {
        var response = await PasswordStepAsync(client, userName, password);
        return IsSecondStep(response) && AuthenticatorKey(userName) is { } key
            ? await SecondFactorAsync(client, TotpCode(key))
            : response;
    }

    /// <summary>Only the first login step (user name and password).</summary>
    public static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string userName, string password = Password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/inloggen");
        return await client.PostAsync(new Uri("/account/inloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Whether the login answered with the second step (the account has two-factor authentication).</summary>
    public static bool IsSecondStep(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.StartsWith("/account/inloggen/code", StringComparison.Ordinal) == true;

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    public static async Task<string> FormValueAsync(HttpClient client, string path, string name)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No field {name} on {path}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
