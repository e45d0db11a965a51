using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Serilog;
using SocialDomain.Web.Api;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;

var dutch = CultureInfo.GetCultureInfo("nl-NL");
CultureInfo.DefaultThreadCurrentCulture = dutch;
CultureInfo.DefaultThreadCurrentUICulture = dutch;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateBootstrapLogger();

// "import <paths>", "create-admin <user>" and "migrate" run a command instead of the web app; other arguments go to the host.
var importPaths = args is ["import", .. var rest] ? rest : null;
var adminUser = args is ["create-admin", var user] ? user : null;
var migrateOnly = args is ["migrate"];
var rebuildCatalogue = args is [BenchmarkCatalogueStore.Command];
var builder = WebApplication.CreateBuilder(importPaths is null && adminUser is null && !migrateOnly && !rebuildCatalogue ? args : []);
// The precompressed static files of a build (not published) output live in obj/; the runtime manifest that finds them is
// read in every environment, not only Development (a published app has no such manifest: then this does nothing).
builder.WebHost.UseStaticWebAssets();
builder.Host.UseSerilog((context, services, configuration) => configuration
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: ReliabilityExtensions.ConsoleOutputTemplate, formatProvider: CultureInfo.InvariantCulture));

// In Production the web app needs its real host names and security contact (issue 16); commands (migrate, import) do not serve.
if (importPaths is null && adminUser is null && !migrateOnly && !rebuildCatalogue && builder.Environment.IsProduction()
    && ProductionSettings.Check(builder.Configuration) is { } settingsProblem)
{
    Console.Error.WriteLine(settingsProblem);
    return 1;
}

// The municipality this installation reports for (issue 19): a clear message instead of a start with a wrong code or name.
var municipality = MunicipalityOptions.From(builder.Configuration);
if (MunicipalityOptions.Problem(municipality) is { } municipalityProblem)
{
    Console.Error.WriteLine(municipalityProblem);
    return 1;
}

string connectionString;
try
{
    connectionString = DatabaseSetup.ResolveConnectionString(
        builder.Configuration, builder.Environment, message => Log.Information("{Message}", message));
}
catch (DatabaseNotConfiguredException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"Kan de lokale database niet starten: {ex.Message}");
    return 1;
}

if (DatabaseSetup.Probe(connectionString) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 1;
}

// Pooled: a request rents a reset context instead of building one (docs/performance.md). The context holds no state of its own.
builder.Services.AddDbContextPool<SocialDomainDbContext>(options => options
    .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
    .UseSnakeCaseNamingConvention());

builder.Services.AddHealthChecks()
    .AddCheck<MigrationsHealthCheck>("database", tags: ["ready"]);
builder.AddReliability();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<MunicipalityOptions>().Bind(builder.Configuration.GetSection(MunicipalityOptions.Section))
    .Validate(options => MunicipalityOptions.Problem(options) is null, "Ongeldige instelling van de gemeente (invalid municipality settings).")
    .ValidateOnStart();
builder.Services.AddSingleton(DemoDataset.From(builder.Configuration));
builder.Services.AddSingleton(sp => SocialDomain.Web.Formatting.SourceDocumentNames.For(sp.GetRequiredService<DemoDataset>()));
builder.Services.AddScoped<SocialDomain.Web.Features.Report.CouncilReportQuery>();
builder.Services.AddSingleton<SocialDomain.Web.Features.Report.ReportPdfRenderer>();
builder.AddTrustedProxies();
builder.AddDashboardSecurity();
builder.Services.AddOutputCache(options => options.AddPolicy(DashboardOutputCache.PolicyName, DashboardOutputCache.Configure));
if (builder.Configuration.GetValue("Dashboard:CacheNotifications", true))
{
    builder.Services.AddHostedService(services => new DashboardCacheNotifications(
        connectionString, services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(),
        services.GetRequiredService<ILogger<DashboardCacheNotifications>>()));
}
builder.Services.AddResponseCompression(DashboardOutputCache.ConfigureCompression);
builder.Services.AddErrorPages();
builder.Services.AddOpenDataApi();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/", Policies.ReadDashboard);
    options.Conventions.AllowAnonymousToFolder("/Account");
    options.Conventions.AllowAnonymousToPage("/Fout");
    options.Conventions.AuthorizeFolder("/Beheer", Policies.Staff);
}).AddMvcOptions(options => options.Filters.Add(new NoHandlerPageFilter()))
    .AddMvcOptions(SocialDomain.Web.Formatting.DutchValidation.UseDutchMessages); // no English validation message reaches a user (issue 18)
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    options.DefaultRequestCulture = new RequestCulture(dutch);
    options.SupportedCultures = [dutch];
    options.SupportedUICultures = [dutch];
});

var app = builder.Build();

if (migrateOnly)
{
    // The one-off step of a deployment (docker-compose's migrate job): migrations, roles, first administrator, seed.
    await DatabaseStartup.RunAsync(app.Services, migrate: true, seed: DemoDataset.SeedsOnStartup(app.Configuration));
    Log.Information("Database bijgewerkt");
    return 0;
}

if (rebuildCatalogue)
{
    await DatabaseStartup.RunAsync(app.Services, migrate: app.Configuration.GetValue("Database:MigrateOnStartup", true), seed: false);
    return await BenchmarkCatalogueStore.RunCommandAsync(app.Services, Console.Out);
}

if (importPaths is not null || adminUser is not null)
{
    await DatabaseStartup.RunAsync(app.Services, migrate: app.Configuration.GetValue("Database:MigrateOnStartup", true), seed: false);
    using var scope = app.Services.CreateScope();
    return importPaths is not null
        ? await ImportCommand.RunAsync(app.Services, importPaths, Console.Out, Console.Error)
        : await AdminBootstrap.CreateFromCommandLineAsync(scope.ServiceProvider, adminUser!, Console.In, Console.Out, Console.Error);
}

await DatabaseStartup.RunAsync(app.Services,
    migrate: app.Configuration.GetValue("Database:MigrateOnStartup", true),
    seed: DemoDataset.SeedsOnStartup(app.Configuration));

app.UseForwardedHeaders(); // first: everything after it sees the real client IP, scheme and host (trusted proxies only)
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(ErrorPages.PagePath);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseErrorPages(); // Dutch pages and problem+json for error statuses without a body (issue 18)
app.UseSerilogRequestLogging();
app.UseReliability();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseSecondFactorForAdministrators(); // a Beheerder without a second factor reaches only /account (issue 16)
SocialDomain.Web.Features.Accounts.PasswordChange.UsePasswordChangeWhenRequired(app); // a one-time password is changed first (issue 18)
app.UseAuthorization();
app.UseOutputCache(); // after authentication: signed-in users are never served from the cache (DashboardOutputCache)
app.UseWhen(DashboardOutputCache.IsCompressible, cached => cached.UseResponseCompression());

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
// Static files as endpoints (ADR 0012): fingerprinted URLs with a year's Cache-Control, served precompressed (gzip at
// build, also Brotli at publish). Short-circuited: like UseStaticFiles before, they skip authentication, the
// second-factor redirect, rate limiting and the output cache.
app.MapStaticAssets().ShortCircuit();
app.MapRazorPages().WithStaticAssets();
app.MapOpenApi();
app.MapOpenDataApi();
app.MapExports();
app.MapMunicipalityLogo();
app.MapGet("/.well-known/security.txt", (IConfiguration configuration, TimeProvider clock) => Results.Text(
    $"Contact: {configuration["Security:Contact"]}\nExpires: {clock.GetUtcNow().AddYears(1):yyyy-MM-dd'T'00:00:00.000'Z'}\nPreferred-Languages: nl, en\n",
    "text/plain; charset=utf-8")).AllowAnonymous();

var urls = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : app.Configuration["urls"] ?? "http://localhost:5080";
app.Lifetime.ApplicationStarted.Register(() => Log.Information("Dashboard Sociaal Domein draait op {Urls}", urls));

await app.RunAsync();
return 0;

/// <summary>Entry point; partial so the integration tests can reference it.</summary>
public partial class Program;
