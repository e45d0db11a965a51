using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>The real app, on the test database, with start-up migration and seeding left to the tests.</summary>
public sealed class DashboardFactory(string connectionString) : WebApplicationFactory<Program>
{
    /// <summary>Counts every database command the app runs (see <see cref="CommandCounter"/>).</summary>
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:SocialDomain", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedOnStartup", "false");
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<SocialDomainDbContext>(options => options.AddInterceptors(Commands)));
    }
}
