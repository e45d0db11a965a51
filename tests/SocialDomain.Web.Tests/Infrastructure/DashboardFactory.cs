using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>The real app, on the test database, with start-up migration and seeding left to the tests.</summary>
public sealed class DashboardFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>The clock the app uses; tests move it to test session limits.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Counts every database command the app runs (see <see cref="CommandCounter"/>).</summary>
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:SocialDomain", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedOnStartup", "false");
        builder.UseSetting("Security:LoginAttemptsPerMinute", "10000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SocialDomainDbContext>(options => options.AddInterceptors(Commands));
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
