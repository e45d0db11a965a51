using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Accounts;

/// <summary>The own-password form (<c>/account/wachtwoord</c>).</summary>
public sealed class PasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

/// <summary>A field of <see cref="PasswordInput"/>; the names are its property names.</summary>
public enum PasswordField
{
    CurrentPassword,
    NewPassword,
    ConfirmPassword,
}

/// <summary>A Dutch message for one field of the password form.</summary>
public sealed record PasswordProblem(PasswordField Field, string Message);

/// <summary>
/// Changing one's own password, and the one-time password a Beheerder sets (<see cref="UserAdministration.ResetPasswordAsync"/>):
/// such an account carries the <see cref="MustChangeClaim"/> user claim (Identity's claims table, no schema change), which
/// puts it in every session's principal; <see cref="UsePasswordChangeWhenRequired"/> then sends every request outside the
/// password page to it until the password is changed. The change, the removal of the claim and the audit row are one
/// transaction.
/// </summary>
public sealed class PasswordChange(UserManager<ApplicationUser> users, DashboardSignInManager signIn, SocialDomainDbContext db, TimeProvider clock)
{
    public const string PagePath = "/account/wachtwoord";

    /// <summary>The user claim of an account whose password was set by a Beheerder and must be changed at the next login.</summary>
    public const string MustChangeClaim = "wachtwoord_wijzigen";

    /// <summary>Whether this session's password must be changed before anything else.</summary>
    public static bool IsRequired(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == MustChangeClaim);

    /// <summary>What a session that must change its password may still open: the password page, logging in and out, health, security.txt, error pages.</summary>
    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments(PagePath) || path.StartsWithSegments("/account/uitloggen") || path.StartsWithSegments("/account/inloggen")
        || path.StartsWithSegments("/health") || path.StartsWithSegments("/.well-known") || path.StartsWithSegments("/fout");

    /// <summary>Sends a session whose password must be changed to <see cref="PagePath"/> (after authentication).</summary>
    public static IApplicationBuilder UsePasswordChangeWhenRequired(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsRequired(context.User) && !IsExempt(context.Request.Path))
        {
            context.Response.Redirect(PagePath);
            return;
        }

        await next();
    });

    /// <summary>What the form needs before the password is tried: all three fields, the same new password twice, a new one that differs.</summary>
    public static IReadOnlyList<PasswordProblem> Validate(PasswordInput input)
    {
        var problems = new List<PasswordProblem>();
        if (string.IsNullOrEmpty(input.CurrentPassword))
        {
            problems.Add(new(PasswordField.CurrentPassword, "Huidig wachtwoord: vul uw huidige wachtwoord in."));
        }

        if (string.IsNullOrEmpty(input.NewPassword))
        {
            problems.Add(new(PasswordField.NewPassword, "Nieuw wachtwoord: vul een nieuw wachtwoord in."));
        }
        else if (input.NewPassword.Length > UserAdministration.PasswordMaxLength)
        {
            problems.Add(new(PasswordField.NewPassword, $"Nieuw wachtwoord: hoogstens {UserAdministration.PasswordMaxLength} tekens."));
        }
        else if (input.NewPassword == input.CurrentPassword)
        {
            problems.Add(new(PasswordField.NewPassword, "Nieuw wachtwoord: kies een ander wachtwoord dan het huidige."));
        }

        if (input.NewPassword != input.ConfirmPassword)
        {
            problems.Add(new(PasswordField.ConfirmPassword, "Herhaal nieuw wachtwoord: dit is niet hetzelfde als het nieuwe wachtwoord."));
        }

        return problems;
    }

    /// <summary>
    /// Changes the signed-in user's password (after <see cref="Validate"/>), lifts the must-change mark and audits it in one
    /// transaction, then renews this session's cookie (the security stamp changed: other sessions end). Returns the Dutch
    /// problems; empty when changed.
    /// </summary>
    public async Task<IReadOnlyList<PasswordProblem>> ChangeOwnAsync(ClaimsPrincipal principal, PasswordInput input, string origin, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return [new(PasswordField.CurrentPassword, "Huidig wachtwoord: uw account is niet gevonden; log opnieuw in.")];
        }

        var wasRequired = IsRequired(principal);
        var problems = await AccountTransaction.RunAsync<IReadOnlyList<PasswordProblem>>(db, async () =>
        {
            var changed = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
            if (!changed.Succeeded)
            {
                return changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? new PasswordProblem(PasswordField.CurrentPassword, "Huidig wachtwoord: dit wachtwoord klopt niet.")
                    : new PasswordProblem(PasswordField.NewPassword, "Nieuw wachtwoord: " + e.Description)).ToList();
            }

            foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == MustChangeClaim))
            {
                AccountTransaction.Require(await users.RemoveClaimAsync(user, claim));
            }

            db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), user.UserName!, AuditActions.PasswordChanged, $"gebruiker:{user.UserName}", AuditResults.Succeeded,
                origin, new { verplicht = wasRequired }));
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }, result => result.Count == 0, cancellationToken);

        if (problems.Count == 0)
        {
            await signIn.RenewAsync((await users.FindByIdAsync(user.Id))!, principal, secondFactorNow: false);
        }

        return problems;
    }
}
