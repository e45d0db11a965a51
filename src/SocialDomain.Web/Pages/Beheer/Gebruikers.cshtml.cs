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

/// <summary>Users and roles (Beheerder): create accounts, change roles, lift a lockout (<see cref="UserAdministration"/>).</summary>
[Authorize(Policy = Policies.ManageUsers)]
public class GebruikersModel(UserManager<ApplicationUser> users, SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    private readonly UserAdministration _accounts = new(users, db, clock);

    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await _accounts.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        AddProblems(UserAdministration.Validate(Input));
        if (ModelState.IsValid)
        {
            var problems = await _accounts.CreateAsync(Input, User.Identity!.Name!, HttpContext.Origin(), cancellationToken);
            if (problems.Count == 0)
            {
                TempData[StatusMessage.Key] = $"Account {Input.UserName!.Trim()} is aangemaakt.";
                return RedirectToPage();
            }

            AddProblems(problems);
        }

        Users = await _accounts.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, List<string> roles, CancellationToken cancellationToken)
    {
        var (outcome, userName) = await _accounts.SetRolesAsync(userId, roles, User.Identity?.Name, HttpContext.Origin(), cancellationToken);
        switch (outcome)
        {
            case RoleChange.UserNotFound:
                return NotFound();
            case RoleChange.OwnAdministratorRole:
                TempData[StatusMessage.Key] = "U kunt uw eigen beheerdersrol niet intrekken.";
                return RedirectToPage();
            default:
                TempData[StatusMessage.Key] = $"Rollen van {userName} zijn bijgewerkt.";
                return RedirectToPage();
        }
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken cancellationToken)
    {
        if (await _accounts.UnlockAsync(userId, User.Identity!.Name!, HttpContext.Origin(), cancellationToken) is not { } userName)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = $"{userName} is gedeblokkeerd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTwoFactorAsync(string userId, CancellationToken cancellationToken)
    {
        if (await _accounts.ResetTwoFactorAsync(userId, User.Identity!.Name!, HttpContext.Origin(), cancellationToken) is not { } userName)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = $"Tweestapsverificatie van {userName} is gereset; bij de volgende keer inloggen stelt {userName} een nieuwe authenticator-app in.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiveAsync(string userId, bool active, CancellationToken cancellationToken)
    {
        var (outcome, userName) = await _accounts.SetActiveAsync(userId, active, User.Identity!.Name!, HttpContext.Origin(), cancellationToken);
        TempData[StatusMessage.Key] = outcome switch
        {
            ActivationChange.OwnAccount => "U kunt uw eigen account niet deactiveren.",
            _ => active ? $"{userName} is weer actief." : $"{userName} is gedeactiveerd; een open sessie van dit account is beëindigd.",
        };
        return outcome == ActivationChange.UserNotFound ? NotFound() : RedirectToPage();
    }

    // NewUserField names are NewUser's property names.
    private void AddProblems(IEnumerable<NewUserProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{problem.Field}", problem.Message);
        }
    }
}
