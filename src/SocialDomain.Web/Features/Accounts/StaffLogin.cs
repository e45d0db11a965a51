using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Accounts;

/// <summary>How a login attempt ended.</summary>
public enum LoginOutcome
{
    Succeeded,
    Refused,

    /// <summary>Too many failed attempts, or a deactivated account. Shown to the user exactly like <see cref="Refused"/>.</summary>
    LockedOut,

    /// <summary>The password was right and the account has two-factor authentication: the code is asked next.</summary>
    SecondFactorRequired,

    /// <summary>The second step came without a (still valid) first step: log in again.</summary>
    FirstStepMissing,
}

/// <summary>
/// Staff login: password with lockout, then (for accounts with two-factor authentication) the authenticator or a recovery
/// code; audits every attempt, also for an unknown user name. An unknown or locked account costs the same password hash
/// as a real check, so neither the message nor the answer time tells whether an account exists (issue 16).
/// </summary>
public sealed class StaffLogin(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, SocialDomainDbContext db, TimeProvider clock)
{
    /// <summary>The one message for a wrong password, an unknown user, a locked and a deactivated account.</summary>
    public const string RefusedMessage =
        "Inloggen is niet gelukt: de gebruikersnaam of het wachtwoord klopt niet, of het account is tijdelijk geblokkeerd na te veel mislukte pogingen.";

    private static readonly ApplicationUser DummyUser = new() { UserName = "niemand" };
    private static string? _dummyHash;

    public async Task<LoginOutcome> SignInAsync(string userName, string password, string origin)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            HashAsIfChecked(password);
        }

        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var outcome = Outcome(result);
        db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), userName, AuditActions.Login, $"gebruiker:{userName}", AuditResult(outcome), origin));
        await db.SaveChangesAsync();
        return outcome;
    }

    /// <summary>The second step: a code from the authenticator app, or (<paramref name="recoveryCode"/>) a one-time recovery code.</summary>
    public async Task<LoginOutcome> SecondFactorAsync(string code, bool recoveryCode, string origin)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return LoginOutcome.FirstStepMissing;
        }

        var result = recoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            : await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorSetup.NormaliseCode(code), isPersistent: false, rememberClient: false);
        var outcome = Outcome(result);
        db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), user.UserName!, AuditActions.Login, $"gebruiker:{user.UserName}", AuditResult(outcome), origin,
            new { stap = recoveryCode ? "herstelcode" : "authenticator" }));
        await db.SaveChangesAsync();
        return outcome;
    }

    /// <summary>Ends the session everywhere: a new security stamp refuses every cookie issued before (issue 16).</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
    }

    private void HashAsIfChecked(string password)
    {
        var hasher = users.PasswordHasher;
        _dummyHash ??= hasher.HashPassword(DummyUser, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(DummyUser, _dummyHash, password);
    }

    private static LoginOutcome Outcome(SignInResult result) =>
        result.Succeeded ? LoginOutcome.Succeeded
        : result.RequiresTwoFactor ? LoginOutcome.SecondFactorRequired
        : result.IsLockedOut ? LoginOutcome.LockedOut
        : LoginOutcome.Refused;

    private static string AuditResult(LoginOutcome outcome) => outcome switch
    {
        LoginOutcome.Succeeded => AuditResults.Succeeded,
        LoginOutcome.SecondFactorRequired => AuditResults.SecondFactorRequired,
        LoginOutcome.LockedOut => AuditResults.LockedOut,
        _ => AuditResults.Refused,
    };
}
