using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Security;

/// <summary>Accounts, sessions, authorization, security headers and login rate limiting.</summary>
public static class SecurityExtensions
{
    /// <summary>Claim with the instant of the interactive login, for the 12-hour absolute session limit.</summary>
    public const string LoginTimeClaim = "sd:login_time";

    public const string LoginRateLimit = "login";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    public static WebApplicationBuilder AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // OWASP ASVS L2: length over composition.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SocialDomainDbContext>()
            .AddSignInManager<DashboardSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // The stamp is checked by SessionStamp (OnValidatePrincipal below), not by Identity's SecurityStampValidator; the
        // two-factor remember-me cookie, which that validator would check, is never issued (rememberClient: false).
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "sd.sessie";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/account/inloggen";
            options.LogoutPath = "/account/uitloggen";
            options.AccessDeniedPath = "/account/geen-toegang";
            options.Events.OnValidatePrincipal = async context =>
            {
                await SessionStamp.ValidateAsync(context);
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                var loginTime = context.Principal?.FindFirst(LoginTimeClaim)?.Value;
                if (context.Principal?.Identity?.IsAuthenticated == true
                    && (loginTime is null
                        || !DateTimeOffset.TryParse(loginTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                        || clock.GetUtcNow() - at > AbsoluteTimeout))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        var publicDashboard = builder.Configuration.GetValue("Dashboard:Public", true);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ReadDashboard, policy => policy.RequireAssertion(context =>
                publicDashboard || Roles.All.Any(context.User.IsInRole)))
            .AddPolicy(Policies.EditTargets, policy => policy.RequireRole(Roles.PolicyAdvisor))
            .AddPolicy(Policies.Import, policy => policy.RequireRole(Roles.Controller))
            .AddPolicy(Policies.EnterFigures, policy => policy.RequireRole(Roles.PolicyAdvisor, Roles.Controller))
            .AddPolicy(Policies.ManageUsers, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ManageDefinitions, policy => policy.RequireRole(Roles.Administrator, Roles.PolicyAdvisor))
            .AddPolicy(Policies.ManageSettings, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.PolicyAdvisor, Roles.Controller, Roles.Administrator));

        services.AddDataProtection()
            .SetApplicationName("SocialDomain")
            .PersistKeysToDbContext<SocialDomainDbContext>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client IP (the real one behind a trusted proxy, see ForwardedHeadersSetup), and only login attempts
            // count: opening the login page does not. Per account, Identity's lockout limits the attempts.
            options.AddPolicy(LoginRateLimit, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("bekijken")
                : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("Security:LoginAttemptsPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            // No body: the Dutch error page for 429 (Infrastructure/ErrorPages) says to wait a minute.
        });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sd.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        return builder;
    }

    /// <summary>Security headers on every response; no-store for authenticated pages.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // A municipality logo at an https address (Municipality:LogoUrl) is the one image from another origin.
        var logoOrigin = app.ApplicationServices.GetService<Microsoft.Extensions.Options.IOptions<Infrastructure.MunicipalityOptions>>()?.Value.LogoOrigin;
        var contentSecurityPolicy =
            $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(logoOrigin is null ? "" : " " + logoOrigin)}; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }
}
