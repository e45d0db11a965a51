using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Account;

/// <summary>Set up two-factor authentication (<see cref="TwoFactorSetup"/>); required for Beheerders, optional for others.</summary>
public class TweestapsverificatieModel(UserManager<ApplicationUser> users, DashboardSignInManager signIn, SocialDomainDbContext db, TimeProvider clock)
    : PageModel
{
    private const string CodesKey = "Herstelcodes";

    private readonly TwoFactorSetup _setup = new(users, signIn, db, clock);

    [BindProperty]
    [Required(ErrorMessage = "Vul de code uit de app in.")]
    [StringLength(20, ErrorMessage = "Een code is hoogstens 20 tekens lang.")]
    [RegularExpression(@"^[0-9 \-]*$", ErrorMessage = "De code bestaat uit zes cijfers.")]
    [Display(Name = "Code uit de app")]
    public string Code { get; set; } = string.Empty;

    public TwoFactorState State { get; private set; } = null!;

    /// <summary>New recovery codes, shown once right after they were made.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>A Beheerder without a second factor in this session (sent here by <see cref="SecondFactor"/>).</summary>
    public bool Required => SecondFactor.IsMissing(User);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await _setup.LoadAsync(User) is not { } state)
        {
            return Challenge();
        }

        State = state;
        RecoveryCodes = TempData[CodesKey] as string[] ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (ModelState.IsValid)
        {
            if (await _setup.EnableAsync(User, Code, HttpContext.Origin()) is { } codes)
            {
                TempData[CodesKey] = codes.ToArray();
                return RedirectToPage();
            }

            ModelState.AddModelError(nameof(Code), "Code uit de app: deze code klopt niet. Controleer of de klok van uw telefoon goed staat en vul de nieuwste code in.");
        }

        return await OnGetAsync();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await _setup.NewRecoveryCodesAsync(User, HttpContext.Origin()) is not { } codes)
        {
            return Challenge();
        }

        TempData[CodesKey] = codes.ToArray();
        return RedirectToPage();
    }
}
