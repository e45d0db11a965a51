using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Wiring for operating the dashboard (docs/operations.md): the retrying execution strategy, the
/// graceful-shutdown time, correlation ids in the logs and the 503 page for database outages.
/// The connection-string time limits are added in <see cref="DatabaseSetup.ResolveConnectionString"/>.
/// </summary>
public static class ReliabilityExtensions
{
    /// <summary>Console log line: time, level, the request's correlation id (empty outside requests), message.</summary>
    public const string ConsoleOutputTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {CorrelationId} {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// How long the host waits for in-flight requests when it is asked to stop (SIGTERM, Ctrl+C).
    /// Below Docker's default 10-second grace period before SIGKILL. The standard host setting
    /// <c>shutdownTimeoutSeconds</c> (e.g. <c>DOTNET_shutdownTimeoutSeconds</c>) overrides it.
    /// </summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(8);

    public static WebApplicationBuilder AddReliability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Composes with AddDbContext in Program.cs (order does not matter): only the strategy and log levels are set here.
        // During an outage every attempt would log a connection error and a failed query with a full stack trace;
        // DatabaseUnavailableMiddleware logs one warning per request instead, and unhandled errors are still logged
        // by the exception handler. Retries are raised to warnings, so that a flaky database shows up.
        services.ConfigureDbContext<SocialDomainDbContext>(options => options
            .UseNpgsql(npgsql => npgsql.ExecutionStrategy(dependencies => new DashboardExecutionStrategy(dependencies)))
            .ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.ExecutionStrategyRetrying, LogLevel.Warning))));

        if (string.IsNullOrEmpty(builder.Configuration["shutdownTimeoutSeconds"]))
        {
            services.Configure<HostOptions>(options => options.ShutdownTimeout = DefaultShutdownTimeout);
        }

        // Outermost middleware (before the exception handler and request logging), so that every
        // log line of a request, including the exception handler's, carries the correlation id.
        services.AddTransient<IStartupFilter, CorrelationIdStartupFilter>();
        return builder;
    }

    /// <summary>The 503 page for database outages; call right after the exception handler.</summary>
    public static IApplicationBuilder UseReliability(this IApplicationBuilder app) =>
        app.UseMiddleware<DatabaseUnavailableMiddleware>();

    private sealed class CorrelationIdStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<CorrelationIdMiddleware>();
            next(app);
        };
    }
}
