using System.Globalization;
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

    /// <summary>Too many failed attempts: the account is locked for a while.</summary>
    LockedOut,
}

/// <summary>
/// Staff login: checks the password with lockout, audits every attempt (also for an unknown user name), and on success
/// signs in with the login time as a claim (for the absolute session limit).
/// </summary>
public sealed class StaffLogin(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, SocialDomainDbContext db, TimeProvider clock)
{
    public async Task<LoginOutcome> SignInAsync(string userName, string password, string origin)
    {
        var user = await users.FindByNameAsync(userName);
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var outcome = result.Succeeded ? LoginOutcome.Succeeded : result.IsLockedOut ? LoginOutcome.LockedOut : LoginOutcome.Refused;
        var audited = outcome switch
        {
            LoginOutcome.Succeeded => AuditResults.Succeeded,
            LoginOutcome.LockedOut => AuditResults.LockedOut,
            _ => AuditResults.Refused,
        };
        db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), userName, AuditActions.Login, $"gebruiker:{userName}", audited, origin));
        await db.SaveChangesAsync();
        if (outcome == LoginOutcome.Succeeded)
        {
            await signIn.SignInWithClaimsAsync(user!, isPersistent: false,
                [new Claim(SecurityExtensions.LoginTimeClaim, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))]);
        }

        return outcome;
    }
}
