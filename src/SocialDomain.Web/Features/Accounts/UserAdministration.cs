using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Accounts;

/// <summary>The new-account form.</summary>
public sealed class NewUser
{
    /// <summary>Nullable on purpose: MVC then adds no implicit [Required]; <see cref="UserAdministration.Validate"/> asks for it in Dutch.</summary>
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Password { get; set; }

    public List<string> Roles { get; set; } = [];
}

/// <summary>A user as the users page lists it.</summary>
/// <param name="Deactivated">Deactivated by a Beheerder (<see cref="UserAdministration.SetActiveAsync"/>); a deactivated account is also locked out.</param>
/// <param name="TwoFactor">Two-step verification is on (a Beheerder can reset it, <see cref="UserAdministration.ResetTwoFactorAsync"/>).</param>
/// <param name="MustChangePassword">A one-time password is set (<see cref="UserAdministration.ResetPasswordAsync"/>) and not yet changed.</param>
public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, bool Deactivated = false, bool TwoFactor = false,
    bool MustChangePassword = false);

/// <summary>A field of <see cref="NewUser"/>; the names are its property names.</summary>
public enum NewUserField
{
    UserName,
    DisplayName,
    Password,
    Roles,
}

/// <summary>A Dutch message for one field of the new-account form.</summary>
public sealed record NewUserProblem(NewUserField Field, string Message);

/// <summary>The outcome of a role change.</summary>
public enum RoleChange
{
    UserNotFound,

    /// <summary>Refused: an administrator cannot take away their own administrator role.</summary>
    OwnAdministratorRole,
    Updated,
}

/// <summary>The outcome of setting a one-time password.</summary>
public enum PasswordReset
{
    UserNotFound,

    /// <summary>Refused: an administrator changes their own password on the password page, not here.</summary>
    OwnAccount,

    /// <summary>The password rules refused the password (the problems say why); nothing changed.</summary>
    Refused,
    Updated,
}

/// <summary>The outcome of deactivating or reactivating an account.</summary>
public enum ActivationChange
{
    UserNotFound,

    /// <summary>Refused: an administrator cannot deactivate their own account.</summary>
    OwnAccount,
    Updated,
}

/// <summary>
/// Users and roles (Beheerder): list accounts, create one, change roles, lift a lockout. Every change is audited with
/// the acting administrator and the request's origin.
/// </summary>
public sealed class UserAdministration(UserManager<ApplicationUser> users, SocialDomainDbContext db, TimeProvider clock)
{
    /// <summary>
    /// A deactivated account is locked out for good (Identity's way to disable an account: no schema change); lifting the
    /// lockout reactivates it.
    /// </summary>
    public static readonly DateTimeOffset DeactivatedUntil = DateTimeOffset.MaxValue;

    /// <summary>The roles of the form that exist (anything else is ignored).</summary>
    public static List<string> KnownRoles(IEnumerable<string> roles) => roles.Where(Roles.All.Contains).ToList();

    /// <summary>Longest user name (Identity's column).</summary>
    public const int UserNameMaxLength = 256;

    /// <summary>Longest display name (the column's length, <see cref="Data.Configurations.ApplicationUserConfiguration"/>).</summary>
    public const int DisplayNameMaxLength = 120;

    /// <summary>Longest password accepted: far beyond any passphrase, short enough that hashing it costs nothing special.</summary>
    public const int PasswordMaxLength = 1000;

    /// <summary>
    /// What the form needs before an account is tried: a user name and at least one role; names and password that fit
    /// their columns and hold no control characters.
    /// </summary>
    public static IReadOnlyList<NewUserProblem> Validate(NewUser input)
    {
        var problems = new List<NewUserProblem>();
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            problems.Add(new(NewUserField.UserName, "Vul een gebruikersnaam in."));
        }

        foreach (var (field, label, text, max) in new[]
                 {
                     (NewUserField.UserName, "Gebruikersnaam", input.UserName, UserNameMaxLength),
                     (NewUserField.DisplayName, "Naam", input.DisplayName, DisplayNameMaxLength),
                     (NewUserField.Password, "Wachtwoord", input.Password, PasswordMaxLength),
                 })
        {
            if (TextLimits.Problem(label, text, max) is { } problem)
            {
                problems.Add(new(field, problem));
            }
        }

        if (KnownRoles(input.Roles).Count == 0)
        {
            problems.Add(new(NewUserField.Roles, "Kies minstens één rol."));
        }

        return problems;
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.LockoutEnd, u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                MustChange = db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == PasswordChange.MustChangeClaim),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Roles, u.LockoutEnd is { } end && end > now,
            u.LockoutEnd == DeactivatedUntil, u.TwoFactorEnabled, u.MustChange)).ToList();
    }

    /// <summary>Creates the account (after <see cref="Validate"/>); returns Identity's Dutch problems, empty when created.</summary>
    public async Task<IReadOnlyList<NewUserProblem>> CreateAsync(NewUser input, string actor, string origin, CancellationToken cancellationToken)
    {
        var roles = KnownRoles(input.Roles);
        return await InTransactionAsync<IReadOnlyList<NewUserProblem>>(async () =>
        {
            var displayName = string.IsNullOrWhiteSpace(input.DisplayName) ? input.UserName!.Trim() : input.DisplayName.Trim();
            var user = new ApplicationUser { UserName = input.UserName!.Trim(), DisplayName = displayName, LockoutEnabled = true };
            var created = await users.CreateAsync(user, input.Password ?? string.Empty);
            if (!created.Succeeded)
            {
                return created.Errors.Select(e => new NewUserProblem(
                    e.Code.StartsWith("Password", StringComparison.Ordinal) ? NewUserField.Password : NewUserField.UserName, e.Description)).ToList();
            }

            Require(await users.AddToRolesAsync(user, roles));
            await AuditAsync(AuditActions.UserCreated, user.UserName!, new { rollen = roles }, actor, origin, cancellationToken);
            return [];
        }, result => result.Count == 0, cancellationToken);
    }

    /// <summary>Sets the roles of a user to exactly <paramref name="roles"/> (unknown ones ignored) and signs them out elsewhere.</summary>
    public async Task<(RoleChange Outcome, string? UserName)> SetRolesAsync(string userId, IEnumerable<string> roles, string? actor, string origin,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return (RoleChange.UserNotFound, null);
        }

        var wanted = KnownRoles(roles).ToHashSet();
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        if (user.UserName == actor && current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            return (RoleChange.OwnAdministratorRole, user.UserName);
        }

        await InTransactionAsync(async () =>
        {
            Require(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            Require(await users.AddToRolesAsync(user, wanted.Except(current)));
            Require(await users.UpdateSecurityStampAsync(user));
            await AuditAsync(AuditActions.UserRolesChanged, user.UserName!, new { rollen = wanted.Order() }, actor!, origin, cancellationToken);
            return true;
        }, _ => true, cancellationToken);
        return (RoleChange.Updated, user.UserName);
    }

    /// <summary>
    /// Deactivates (<paramref name="active"/> false) or reactivates an account. Deactivation also changes the security stamp,
    /// so a session of that user is refused on its next request.
    /// </summary>
    public async Task<(ActivationChange Outcome, string? UserName)> SetActiveAsync(string userId, bool active, string actor, string origin,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return (ActivationChange.UserNotFound, null);
        }

        if (!active && user.UserName == actor)
        {
            return (ActivationChange.OwnAccount, user.UserName);
        }

        await InTransactionAsync(async () =>
        {
            Require(await users.SetLockoutEnabledAsync(user, true));
            Require(await users.SetLockoutEndDateAsync(user, active ? null : DeactivatedUntil));
            Require(await users.UpdateSecurityStampAsync(user));
            await AuditAsync(active ? AuditActions.UserActivated : AuditActions.UserDeactivated, user.UserName!, new { }, actor, origin, cancellationToken);
            return true;
        }, _ => true, cancellationToken);
        return (ActivationChange.Updated, user.UserName);
    }

    /// <summary>Lifts a lockout; returns the user name, or null when there is no such user.</summary>
    public async Task<string?> UnlockAsync(string userId, string actor, string origin, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        await InTransactionAsync(async () =>
        {
            Require(await users.SetLockoutEndDateAsync(user, null));
            Require(await users.ResetAccessFailedCountAsync(user));
            await AuditAsync(AuditActions.UserUnlocked, user.UserName!, new { }, actor, origin, cancellationToken);
            return true;
        }, _ => true, cancellationToken);
        return user.UserName;
    }

    /// <summary>
    /// Resets a user's second factor (a lost phone): two-step verification off, a new authenticator key (the old app's
    /// codes stop working), no recovery codes left, and a new security stamp (open sessions end). A Beheerder must set up
    /// a new authenticator at the next login (<see cref="SecondFactor"/>). Returns the user name, or null when there is no such user.
    /// </summary>
    public async Task<string?> ResetTwoFactorAsync(string userId, string actor, string origin, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        await InTransactionAsync(async () =>
        {
            Require(await users.SetTwoFactorEnabledAsync(user, false));
            Require(await users.ResetAuthenticatorKeyAsync(user));
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            Require(await users.UpdateSecurityStampAsync(user));
            await AuditAsync(AuditActions.TwoFactorReset, user.UserName!, new { }, actor, origin, cancellationToken);
            return true;
        }, _ => true, cancellationToken);
        return user.UserName;
    }

    /// <summary>
    /// Sets a one-time password chosen by the Beheerder (after <see cref="ValidateOneTimePassword"/>): the password rules
    /// apply, the account is marked so that its user must choose a new password at the next login
    /// (<see cref="PasswordChange.MustChangeClaim"/>), failed attempts are reset and open sessions end (new security stamp).
    /// A deactivated account stays deactivated. Audited in the same transaction; the password itself is never logged.
    /// </summary>
    public async Task<(PasswordReset Outcome, string? UserName, IReadOnlyList<string> Problems)> ResetPasswordAsync(string userId, string oneTimePassword,
        string actor, string origin, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return (PasswordReset.UserNotFound, null, []);
        }

        if (user.UserName == actor)
        {
            return (PasswordReset.OwnAccount, user.UserName, []);
        }

        var problems = await InTransactionAsync<IReadOnlyList<string>>(async () =>
        {
            if (await users.HasPasswordAsync(user))
            {
                Require(await users.RemovePasswordAsync(user));
            }

            var added = await users.AddPasswordAsync(user, oneTimePassword);
            if (!added.Succeeded)
            {
                return added.Errors.Select(e => e.Description).ToList();
            }

            if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == PasswordChange.MustChangeClaim))
            {
                Require(await users.AddClaimAsync(user, new System.Security.Claims.Claim(PasswordChange.MustChangeClaim, "ja")));
            }

            Require(await users.ResetAccessFailedCountAsync(user));
            Require(await users.UpdateSecurityStampAsync(user));
            await AuditAsync(AuditActions.PasswordReset, user.UserName!, new { eenmalig = true }, actor, origin, cancellationToken);
            return [];
        }, result => result.Count == 0, cancellationToken);
        return (problems.Count == 0 ? PasswordReset.Updated : PasswordReset.Refused, user.UserName, problems);
    }

    /// <summary>What the reset form needs before the password rules are tried: a password that fits.</summary>
    public static string? ValidateOneTimePassword(string? password) =>
        string.IsNullOrEmpty(password) ? "Eenmalig wachtwoord: vul een wachtwoord in."
        : password.Length > PasswordMaxLength ? $"Eenmalig wachtwoord: hoogstens {PasswordMaxLength} tekens."
        : null;

    private Task<T> InTransactionAsync<T>(Func<Task<T>> change, Func<T, bool> commit, CancellationToken cancellationToken) =>
        AccountTransaction.RunAsync(db, change, commit, cancellationToken);

    private static void Require(IdentityResult result) => AccountTransaction.Require(result);

    private async Task AuditAsync(string action, string userName, object details, string actor, string origin, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), actor, action, $"gebruiker:{userName}", AuditResults.Succeeded, origin, details));
        await db.SaveChangesAsync(cancellationToken);
    }
}
