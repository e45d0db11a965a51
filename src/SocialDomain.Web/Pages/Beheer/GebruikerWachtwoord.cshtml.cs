using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>A Beheerder sets a one-time password for a user, who must change it at the next login (<see cref="UserAdministration.ResetPasswordAsync"/>).</summary>
[Authorize(Policy = Policies.ManageUsers)]
public class GebruikerWachtwoordModel(UserManager<ApplicationUser> users, SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string? Password { get; set; }

    public string UserName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.FindByIdAsync(Id) is not { } user)
        {
            return NotFound();
        }

        UserName = user.UserName!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (UserAdministration.ValidateOneTimePassword(Password) is { } problem)
        {
            ModelState.AddModelError(nameof(Password), problem);
        }

        if (ModelState.IsValid)
        {
            var (outcome, userName, problems) = await new UserAdministration(users, db, clock)
                .ResetPasswordAsync(Id, Password!, User.Identity!.Name!, HttpContext.Origin(), cancellationToken);
            switch (outcome)
            {
                case PasswordReset.UserNotFound:
                    return NotFound();
                case PasswordReset.OwnAccount:
                    TempData[StatusMessage.Key] = "Uw eigen wachtwoord wijzigt u via Wachtwoord wijzigen (klik op uw naam bovenaan).";
                    return RedirectToPage("/Beheer/Gebruikers");
                case PasswordReset.Updated:
                    TempData[StatusMessage.Key] = $"Het eenmalige wachtwoord van {userName} is ingesteld; bij de volgende keer inloggen kiest {userName} een eigen wachtwoord. "
                        + "Open sessies van dit account zijn beëindigd.";
                    return RedirectToPage("/Beheer/Gebruikers");
            }

            foreach (var message in problems)
            {
                ModelState.AddModelError(nameof(Password), "Eenmalig wachtwoord: " + message);
            }
        }

        Password = null;
        return await OnGetAsync();
    }
}
