using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Account;

/// <summary>
/// Where a login without a return page lands: this request already carries the new session's roles, so it can send staff
/// to /beheer and council members to the dashboard (<see cref="Roles.LandingPath"/>).
/// </summary>
[Authorize]
public class StartModel : PageModel
{
    public const string Path = "/account/start";

    public IActionResult OnGet() => LocalRedirect(Roles.LandingPath(User));
}
