using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Account;

/// <summary>Every signed-in user changes their own password here; a one-time password set by a Beheerder must be changed here first (<see cref="PasswordChange"/>).</summary>
public class WachtwoordModel(UserManager<ApplicationUser> users, DashboardSignInManager signIn, SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    /// <summary>The password is a one-time password that must be changed before anything else.</summary>
    public bool Required => PasswordChange.IsRequired(User);

    // The /Account folder is open to anonymous visitors (login); this page is not.
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        AddProblems(PasswordChange.Validate(Input));
        if (ModelState.IsValid)
        {
            var problems = await new PasswordChange(users, signIn, db, clock).ChangeOwnAsync(User, Input, HttpContext.Origin(), cancellationToken);
            if (problems.Count == 0)
            {
                TempData[StatusMessage.Key] = "Uw wachtwoord is gewijzigd.";
                return RedirectToPage();
            }

            AddProblems(problems);
        }

        // Passwords are never sent back to the browser.
        Input = new PasswordInput();
        return Page();
    }

    // PasswordField names are PasswordInput's property names.
    private void AddProblems(IEnumerable<PasswordProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{problem.Field}", problem.Message);
        }
    }
}
