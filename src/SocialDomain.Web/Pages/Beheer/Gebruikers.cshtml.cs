using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>Users and roles (Beheerder): create accounts, change roles, lift a lockout.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public class GebruikersModel(UserManager<ApplicationUser> users, SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var roles = Input.Roles.Where(Roles.All.Contains).ToList();
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", "Vul een gebruikersnaam in.");
        }

        if (roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Kies minstens één rol.");
        }

        if (ModelState.IsValid)
        {
            var user = new ApplicationUser { UserName = Input.UserName.Trim(), DisplayName = Input.DisplayName?.Trim() ?? Input.UserName.Trim(), LockoutEnabled = true };
            var created = await users.CreateAsync(user, Input.Password ?? string.Empty);
            if (created.Succeeded)
            {
                await users.AddToRolesAsync(user, roles);
                await AuditAsync("gebruiker.aanmaken", user.UserName!, new { rollen = roles }, cancellationToken);
                TempData["Melding"] = $"Account {user.UserName} is aangemaakt.";
                return RedirectToPage();
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.UserName", error.Description);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, List<string> roles, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = roles.Where(Roles.All.Contains).ToHashSet();
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        if (user.UserName == User.Identity?.Name && current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            TempData["Melding"] = "U kunt uw eigen beheerdersrol niet intrekken.";
            return RedirectToPage();
        }

        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync("gebruiker.rollen", user.UserName!, new { rollen = wanted.Order() }, cancellationToken);
        TempData["Melding"] = $"Rollen van {user.UserName} zijn bijgewerkt.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync("gebruiker.deblokkeren", user.UserName!, new { }, cancellationToken);
        TempData["Melding"] = $"{user.UserName} is gedeblokkeerd.";
        return RedirectToPage();
    }

    private async Task AuditAsync(string action, string userName, object details, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(new AuditLogEntry
        {
            Timestamp = clock.GetUtcNow(),
            Actor = User.Identity!.Name!,
            Action = action,
            Object = $"gebruiker:{userName}",
            Result = "gelukt",
            Origin = HttpContext.Origin(),
            Details = JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var list = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Users = list.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Roles, u.LockoutEnd is { } end && end > now)).ToList();
    }

    public sealed class NewUser
    {
        public string UserName { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public List<string> Roles { get; set; } = [];
    }

    public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut);
}
