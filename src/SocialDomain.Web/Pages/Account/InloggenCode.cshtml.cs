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

/// <summary>The second login step for accounts with two-factor authentication (<see cref="StaffLogin.SecondFactorAsync"/>).</summary>
[EnableRateLimiting(SecurityExtensions.LoginRateLimit)]
public class InloggenCodeModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    SocialDomainDbContext db,
    TimeProvider clock) : PageModel
{
    public const string RefusedMessage = "De code klopt niet of is verlopen. Probeer de nieuwste code uit de app, of een herstelcode.";

    [BindProperty]
    [Required(ErrorMessage = "Vul de code in.")]
    [StringLength(20, ErrorMessage = "Een code is hoogstens 20 tekens lang.")]
    [RegularExpression(@"^[0-9A-Za-z \-]*$", ErrorMessage = "De code bestaat uit cijfers (of, voor een herstelcode, letters, cijfers en een streepje).")]
    [Display(Name = "Code")]
    public string Code { get; set; } = string.Empty;

    /// <summary>True when <see cref="Code"/> is one of the recovery codes instead of a code from the app.</summary>
    [BindProperty]
    public bool RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Inloggen") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await new StaffLogin(signIn, users, db, clock).SecondFactorAsync(Code, RecoveryCode, HttpContext.Origin()))
        {
            case LoginOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : StartModel.Path);
            case LoginOutcome.FirstStepMissing:
                return RedirectToPage("/Account/Inloggen");
            default:
                ModelState.AddModelError(nameof(Code), RefusedMessage);
                return Page();
        }
    }
}
