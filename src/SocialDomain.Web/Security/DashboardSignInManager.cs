using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Security;

/// <summary>
/// Identity's sign-in manager with one addition: every sign-in (password only, or password and second factor) records
/// its instant as a claim, for the 12-hour absolute session limit (<see cref="SecurityExtensions.AbsoluteTimeout"/>).
/// </summary>
public sealed class DashboardSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The claim Identity adds after a completed second factor ("amr" = "mfa").</summary>
    public const string AuthenticationMethodsClaim = "amr";

    public const string MultiFactor = "mfa";

    /// <summary>Whether this session was started with a second factor.</summary>
    public static bool UsedSecondFactor(ClaimsPrincipal user) =>
        user.FindAll(AuthenticationMethodsClaim).Any(c => c.Value == MultiFactor);

    /// <summary>
    /// Issues a new cookie for <paramref name="user"/> after a change of its security stamp (authenticator key, second
    /// factor turned on), keeping the session's login time and second factor; <paramref name="secondFactorNow"/> adds
    /// the second factor the user has just shown.
    /// </summary>
    public Task RenewAsync(ApplicationUser user, ClaimsPrincipal current, bool secondFactorNow)
    {
        var claims = current.Claims.Where(c => c.Type is SecurityExtensions.LoginTimeClaim or AuthenticationMethodsClaim)
            .Select(c => new Claim(c.Type, c.Value)).ToList();
        if (secondFactorNow && !UsedSecondFactor(current))
        {
            claims.Add(new Claim(AuthenticationMethodsClaim, MultiFactor));
        }

        return SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false }, claims);
    }

    public override Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!claims.Any(c => c.Type == SecurityExtensions.LoginTimeClaim))
        {
            claims.Add(new Claim(SecurityExtensions.LoginTimeClaim, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        }

        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
