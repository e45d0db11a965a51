using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Accounts;

namespace SocialDomain.Web.Pages.Account;

/// <summary>Logs out and ends the session server-side (<see cref="StaffLogin.SignOutAsync"/>).</summary>
public class UitloggenModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await new StaffLogin(signIn, users, db, clock).SignOutAsync(User);
        return RedirectToPage("/Index");
    }
}
