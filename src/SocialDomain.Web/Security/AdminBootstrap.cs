using Microsoft.AspNetCore.Identity;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;

namespace SocialDomain.Web.Security;

/// <summary>
/// Creates the roles and the first administrator. There is no default password anywhere: it comes
/// from the command line (stdin or SOCIALDOMAIN_ADMIN_PASSWORD) or from configuration
/// (Bootstrap:AdminUser + Bootstrap:AdminPassword, e.g. environment variables).
/// </summary>
public static class AdminBootstrap
{
    public const string PasswordVariable = "SOCIALDOMAIN_ADMIN_PASSWORD";

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary><c>create-admin &lt;user&gt;</c>: password from SOCIALDOMAIN_ADMIN_PASSWORD or the first line of stdin.</summary>
    public static async Task<int> CreateFromCommandLineAsync(IServiceProvider services, string userName, TextReader input, TextWriter output, TextWriter error)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("Wachtwoord (minstens 12 tekens), gevolgd door Enter:");
            password = await input.ReadLineAsync();
        }

        var problems = await CreateAsync(services, userName, password ?? string.Empty);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
            }

            return 1;
        }

        await output.WriteLineAsync($"Beheerder '{userName}' is aangemaakt.");
        return 0;
    }

    /// <summary>At start-up: when Bootstrap:AdminUser and Bootstrap:AdminPassword are set and that user does not exist yet.</summary>
    public static async Task CreateFromConfigurationAsync(IServiceProvider services, IConfiguration configuration)
    {
        await EnsureRolesAsync(services);
        var user = configuration["Bootstrap:AdminUser"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(user) is null)
        {
            var problems = await CreateAsync(services, user, password);
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminBootstrap));
            if (problems.Count > 0)
            {
                log.LogError("Eerste beheerder niet aangemaakt: {Problems}", string.Join("; ", problems));
            }
            else
            {
                log.LogInformation("Eerste beheerder {User} aangemaakt", user);
            }
        }
    }

    public static async Task<IReadOnlyList<string>> CreateAsync(IServiceProvider services, string userName, string password)
    {
        await EnsureRolesAsync(services);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return [$"Er bestaat al een account met de naam '{userName}'."];
        }

        var user = new ApplicationUser { UserName = userName, DisplayName = userName, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        await users.AddToRoleAsync(user, Roles.Administrator);
        var db = services.GetRequiredService<SocialDomainDbContext>();
        db.AuditLog.Add(AuditEntry.Create(services.GetRequiredService<TimeProvider>().GetUtcNow(), "systeem", AuditActions.UserCreated,
            $"gebruiker:{userName}", AuditResults.Succeeded, "opdrachtregel", new { rollen = new[] { Roles.Administrator } }));
        await db.SaveChangesAsync();
        return [];
    }
}
