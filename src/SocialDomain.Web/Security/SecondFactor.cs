using System.Security.Claims;

namespace SocialDomain.Web.Security;

/// <summary>
/// Beheerders must use a second factor (BIO; issue 16): a Beheerder whose session was started without one is sent to
/// the two-factor page for every request outside /account, so /beheer and everything else the role opens stay shut
/// until the authenticator is set up and used.
/// </summary>
public static class SecondFactor
{
    public const string SetupPath = "/account/tweestapsverificatie";

    /// <summary>Whether <paramref name="user"/> is a Beheerder whose session lacks the second factor.</summary>
    public static bool IsMissing(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Administrator) && !DashboardSignInManager.UsedSecondFactor(user);

    /// <summary>Paths a Beheerder without the second factor may still use: logging in and out, the two-factor pages, health and security.txt.</summary>
    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/health") || path.StartsWithSegments("/.well-known");

    public static IApplicationBuilder UseSecondFactorForAdministrators(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsMissing(context.User) && !IsExempt(context.Request.Path))
        {
            context.Response.Redirect(SetupPath);
            return;
        }

        await next();
    });
}
