using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SocialDomain.Web.Data;

/// <summary>
/// Used by <c>dotnet ef</c> only, so that adding a migration needs no running database.
/// Set SOCIALDOMAIN_DESIGN_CONNECTION to run <c>dotnet ef database update</c> against a real one.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SocialDomainDbContext>
{
    public SocialDomainDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("SOCIALDOMAIN_DESIGN_CONNECTION")
            ?? "Host=127.0.0.1;Port=54329;Username=postgres;Database=socialdomain";
        var options = new DbContextOptionsBuilder<SocialDomainDbContext>()
            .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options;
        return new SocialDomainDbContext(options);
    }
}
