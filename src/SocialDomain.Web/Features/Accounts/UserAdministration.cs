using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Accounts;

/// <summary>The new-account form.</summary>
public sealed class NewUser
{
    public string UserName { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    public string? Password { get; set; }

    public List<string> Roles { get; set; } = [];
}

/// <summary>A user as the users page lists it.</summary>
/// <param name="Deactivated">Deactivated by a Beheerder (<see cref="UserAdministration.SetActiveAsync"/>); a deactivated account is also locked out.</param>
public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, bool Deactivated = false);

/// <summary>A field of <see cref="NewUser"/>; the names are its property names.</summary>
public enum NewUserField
{
    UserName,
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

    /// <summary>What the form needs before an account is tried: a user name and at least one role.</summary>
    public static IReadOnlyList<NewUserProblem> Validate(NewUser input)
    {
        var problems = new List<NewUserProblem>();
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            problems.Add(new(NewUserField.UserName, "Vul een gebruikersnaam in."));
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
                u.Id, u.UserName, u.DisplayName, u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Roles, u.LockoutEnd is { } end && end > now,
            u.LockoutEnd == DeactivatedUntil)).ToList();
    }

    /// <summary>Creates the account (after <see cref="Validate"/>); returns Identity's Dutch problems, empty when created.</summary>
    public async Task<IReadOnlyList<NewUserProblem>> CreateAsync(NewUser input, string actor, string origin, CancellationToken cancellationToken)
    {
        var roles = KnownRoles(input.Roles);
        var user = new ApplicationUser { UserName = input.UserName.Trim(), DisplayName = input.DisplayName?.Trim() ?? input.UserName.Trim(), LockoutEnabled = true };
        var created = await users.CreateAsync(user, input.Password ?? string.Empty);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => new NewUserProblem(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? NewUserField.Password : NewUserField.UserName, e.Description)).ToList();
        }

        await users.AddToRolesAsync(user, roles);
        await AuditAsync(AuditActions.UserCreated, user.UserName!, new { rollen = roles }, actor, origin, cancellationToken);
        return [];
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

        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(AuditActions.UserRolesChanged, user.UserName!, new { rollen = wanted.Order() }, actor!, origin, cancellationToken);
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

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, active ? null : DeactivatedUntil);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(active ? AuditActions.UserActivated : AuditActions.UserDeactivated, user.UserName!, new { }, actor, origin, cancellationToken);
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

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(AuditActions.UserUnlocked, user.UserName!, new { }, actor, origin, cancellationToken);
        return user.UserName;
    }

    private async Task AuditAsync(string action, string userName, object details, string actor, string origin, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), actor, action, $"gebruiker:{userName}", AuditResults.Succeeded, origin, details));
        await db.SaveChangesAsync(cancellationToken);
    }
}
