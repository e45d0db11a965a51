using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Wiring for operating the dashboard (docs/operations.md): the retrying execution strategy, the
/// graceful-shutdown time, correlation ids in the logs, the 503 page for database outages and a guard
/// against NUL characters in query strings.
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
        // DatabaseUnavailableMiddleware logs one warning per request and the strategy one per retry instead, and
        // unhandled errors are still logged by the exception handler.
        services.ConfigureDbContext<SocialDomainDbContext>(options => options
            .UseNpgsql(npgsql => npgsql.ExecutionStrategy(dependencies => new DashboardExecutionStrategy(dependencies)))
            .ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug))));

        if (string.IsNullOrEmpty(builder.Configuration["shutdownTimeoutSeconds"]))
        {
            services.Configure<HostOptions>(options => options.ShutdownTimeout = DefaultShutdownTimeout);
        }

        // Outermost middleware (before the exception handler and request logging), so that every
        // log line of a request, including the exception handler's, carries the correlation id.
        services.AddTransient<IStartupFilter, CorrelationIdStartupFilter>();
        return builder;
    }

    /// <summary>
    /// The 503 page for database outages, and a 400 for a NUL in the query string. Call after the
    /// exception handler (so this sees a database exception first) and after request logging (so the
    /// request log shows the 503, not a 500).
    /// </summary>
    public static IApplicationBuilder UseReliability(this IApplicationBuilder app) => app
        .UseMiddleware<DatabaseUnavailableMiddleware>()
        .UseMiddleware<QueryStringGuardMiddleware>()
        .UseMiddleware<MethodGuardMiddleware>();

    private sealed class CorrelationIdStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<CorrelationIdMiddleware>();
            next(app);
        };
    }
}
