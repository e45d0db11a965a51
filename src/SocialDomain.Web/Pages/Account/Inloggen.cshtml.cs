using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Account;

/// <summary>Staff login (<see cref="StaffLogin"/>); rate limited per client.</summary>
[EnableRateLimiting(SecurityExtensions.LoginRateLimit)]
public class InloggenModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    SocialDomainDbContext db,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await new StaffLogin(signIn, users, db, clock).SignInAsync(Input.UserName, Input.Password, HttpContext.Origin());
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : StartModel.Path;
        switch (outcome)
        {
            case LoginOutcome.Succeeded:
                return LocalRedirect(returnUrl);
            case LoginOutcome.SecondFactorRequired:
                return RedirectToPage("/Account/InloggenCode", new { ReturnUrl = returnUrl });
            default:
                // One message for an unknown user, a wrong password and a locked account (issue 16: no account enumeration).
                ModelState.AddModelError(string.Empty, StaffLogin.RefusedMessage);
                return Page();
        }
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Vul uw gebruikersnaam in.")]
        [StringLength(100, ErrorMessage = "Een gebruikersnaam is hoogstens 100 tekens lang.")]
        [RegularExpression(@"^[^\p{C}]*$", ErrorMessage = "De gebruikersnaam bevat een ongeldig teken.")]
        [Display(Name = "Gebruikersnaam")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vul uw wachtwoord in.")]
        [StringLength(512, ErrorMessage = "Het wachtwoord is te lang.")]
        [DataType(DataType.Password)]
        [Display(Name = "Wachtwoord")]
        public string Password { get; set; } = string.Empty;
    }
}
