using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Security;

/// <summary>
/// Every staff request checks the account's security stamp (issue 16): logging out, a role change, a new password and
/// deactivation change the stamp, so an old cookie is refused on its next request. One indexed read of the stamp.
/// Identity's <see cref="SecurityStampValidator"/> with a zero interval did the same check but then rebuilt the
/// principal from the database (user, claims, roles, role claims: five more round trips) and re-encrypted and re-sent
/// the cookie on every request; since everything the principal carries changes the stamp, the rebuild added nothing
/// (issue 21: it was most of the common cost of a signed-in page).
/// </summary>
public static class SessionStamp
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal.FindFirstValue(claims.SecurityStampClaimType);
        string? current = null;
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<SocialDomainDbContext>();
            current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp)
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        }

        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
