using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Accounts;

/// <summary>What the two-factor page shows: the state, and while not yet on, the key to add to an authenticator app.</summary>
/// <param name="SharedKey">The key in groups of four, for typing in.</param>
/// <param name="QrCodePng">A QR code of <paramref name="AuthenticatorUri"/> as a PNG data URI.</param>
public sealed record TwoFactorState(bool Enabled, int RecoveryCodesLeft, string? SharedKey, string? AuthenticatorUri, string? QrCodePng);

/// <summary>
/// Two-factor authentication with an authenticator app (TOTP, RFC 6238, ASP.NET Core Identity's authenticator support):
/// required for Beheerders (<see cref="SecondFactor"/>), optional for everyone else. Turning it on checks a first code
/// from the app and hands out ten one-time recovery codes; both are audited.
/// </summary>
public sealed class TwoFactorSetup(UserManager<ApplicationUser> users, DashboardSignInManager signIn, SocialDomainDbContext db, TimeProvider clock)
{
    public const string Issuer = "Dashboard Sociaal Domein";

    public const int RecoveryCodeCount = 10;

    /// <summary>Removes spaces and dashes people type between the digits.</summary>
    public static string NormaliseCode(string code) =>
        code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>The otpauth URI authenticator apps read from the QR code.</summary>
    public static string AuthenticatorUri(string userName, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>The key in lower-case groups of four, as apps ask for it.</summary>
    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The state for <paramref name="principal"/>; creates the key on the first visit (and keeps the session valid).</summary>
    public async Task<TwoFactorState?> LoadAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return null;
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new TwoFactorState(true, await users.CountRecoveryCodesAsync(user), null, null, null);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user); // changes the security stamp: renew this session's cookie
            await signIn.RenewAsync(user, principal, secondFactorNow: false);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var uri = AuthenticatorUri(user.UserName!, key);
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.Q, 5);
        return new TwoFactorState(false, 0, FormatKey(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns two-factor authentication on when <paramref name="code"/> is right; returns the recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string code, string origin)
    {
        if (await users.GetUserAsync(principal) is not { } user
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormaliseCode(code)))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await AuditAsync(AuditActions.TwoFactorEnabled, user, origin);
        // The code just checked is this session's second factor.
        await signIn.RenewAsync(user, principal, secondFactorNow: true);
        return codes;
    }

    /// <summary>Replaces the recovery codes (the old ones stop working).</summary>
    public async Task<IReadOnlyList<string>?> NewRecoveryCodesAsync(ClaimsPrincipal principal, string origin)
    {
        if (await users.GetUserAsync(principal) is not { } user || !await users.GetTwoFactorEnabledAsync(user))
        {
            return null;
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await AuditAsync(AuditActions.RecoveryCodesRenewed, user, origin);
        return codes;
    }

    private async Task AuditAsync(string action, ApplicationUser user, string origin)
    {
        db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), user.UserName!, action, $"gebruiker:{user.UserName}", AuditResults.Succeeded, origin));
        await db.SaveChangesAsync();
    }
}
