using SocialDomain.Web.Data;
using SocialDomain.Web.Exports.Tables;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Security;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Features.Findings;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Exports;

/// <summary>
/// The CSV exports under /export/{name}.csv (see <see cref="ExportCatalogue"/> and docs/exports-and-api.md). Table
/// exports follow the ReadDashboard policy and the page's visibility; bulk exports need Controller or Beheerder;
/// the audit log needs Beheerder (policy ManageUsers). A missing right gives the same answer as a page: a redirect to
/// the login page, or to "geen toegang".
/// </summary>
public static class ExportEndpoints
{
    public static WebApplication MapExports(this WebApplication app)
    {
        var exports = app.MapGroup("/export").ExcludeFromDescription();

        var tables = exports.MapGroup(string.Empty).RequireAuthorization(Policies.ReadDashboard);
        tables.MapGet($"/{OverviewExport.Name}.csv", (HttpContext http, SocialDomainDbContext db, string? kwartaal, string? programma, string? domein, string? dialect, string? stand, string? versie) =>
            OverviewExport.HandleAsync(http, db, kwartaal, programma, domein, dialect, stand, versie));
        tables.MapGet($"/{KpiCatalogue.Name}.csv", (HttpContext http, SocialDomainDbContext db, string? zoek, string? domein, string? dialect) =>
            KpiExports.CatalogueAsync(http, db, zoek, domein, dialect));
        tables.MapGet($"/{KpiExports.MeasurementsName}.csv", (HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect, string? stand) =>
            KpiExports.MeasurementsAsync(http, db, kpi, dialect, stand));
        tables.MapGet($"/{KpiExports.TargetsName}.csv", (HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect, string? stand) =>
            KpiExports.TargetsAsync(http, db, kpi, dialect, stand));
        tables.MapGet($"/{KpiExports.ReferencesName}.csv", (HttpContext http, SocialDomainDbContext db, string? kpi, string? dialect, string? stand) =>
            KpiExports.ReferencesAsync(http, db, kpi, dialect, stand));
        tables.MapGet($"/{BenchmarkExports.RankingName}.csv", (HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
            BenchmarkExports.RankingAsync(http, db, veld, jaar, gemeente, dialect));
        tables.MapGet($"/{BenchmarkExports.ReferencesName}.csv", (HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
            BenchmarkExports.ReferencesAsync(http, db, veld, jaar, gemeente, dialect));
        tables.MapGet($"/{BenchmarkExports.SeriesName}.csv", (HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
            BenchmarkExports.SeriesAsync(http, db, veld, jaar, gemeente, dialect));
        tables.MapGet($"/{BenchmarkExports.PeersName}.csv", (HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
            BenchmarkExports.PeersAsync(http, db, veld, jaar, gemeente, dialect));
        tables.MapGet($"/{BenchmarkExports.CharacteristicsName}.csv", (HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
            BenchmarkExports.CharacteristicsAsync(http, db, veld, jaar, gemeente, dialect));
        tables.MapGet($"/{BenchmarkExports.FindingsName}.csv", (HttpContext http, SocialDomainDbContext db, string? veld, string? jaar, string? gemeente, string? dialect) =>
            BenchmarkExports.FindingsAsync(http, db, veld, jaar, gemeente, dialect));
        tables.MapGet($"/{BudgetExports.LevelsName}.csv", (HttpContext http, SocialDomainDbContext db, string? jaar, string? dialect) =>
            BudgetExports.LevelsAsync(http, db, jaar, dialect));
        tables.MapGet($"/{BudgetExports.TaskFieldsName}.csv", (HttpContext http, SocialDomainDbContext db, string? jaar, string? dialect) =>
            BudgetExports.TaskFieldsAsync(http, db, jaar, dialect));
        tables.MapGet($"/{BudgetExports.ChangesName}.csv", (HttpContext http, SocialDomainDbContext db, string? dialect) =>
            BudgetExports.ChangesAsync(http, db, dialect));
        tables.MapGet($"/{BudgetExports.PlanName}.csv", (HttpContext http, SocialDomainDbContext db, string? dialect) =>
            BudgetExports.PlanAsync(http, db, dialect));
        tables.MapGet($"/{BudgetExports.ReserveName}.csv", (HttpContext http, SocialDomainDbContext db, string? dialect) =>
            BudgetExports.ReserveAsync(http, db, dialect));
        tables.MapGet($"/{BudgetExports.MovementsName}.csv", (HttpContext http, SocialDomainDbContext db, string? dialect) =>
            BudgetExports.MovementsAsync(http, db, dialect));

        var bulk = exports.MapGroup(string.Empty).RequireAuthorization(policy => policy.RequireRole(Roles.Controller, Roles.Administrator));
        bulk.MapGet($"/{MeasurementDataset.Name}.csv", (HttpContext http, SocialDomainDbContext db, IConfiguration configuration,
                string? kpi, string? periode, string? jaar, string? domein, string? synthetisch, string? dialect) =>
            BulkExports.MeasurementsAsync(http, db, configuration, kpi, periode, jaar, domein, synthetisch, dialect));
        bulk.MapGet($"/{TargetDataset.Name}.csv", (HttpContext http, SocialDomainDbContext db, string? kpi, string? domein, string? dialect) =>
            BulkExports.TargetsAsync(http, db, kpi, domein, dialect));
        bulk.MapGet($"/{CommentaryDataset.Name}.csv", (HttpContext http, SocialDomainDbContext db, string? kpi, string? kwartaal, string? jaar, string? alleVersies,
                string? dialect) =>
            BulkExports.CommentariesAsync(http, db, kpi, kwartaal, jaar, alleVersies, dialect));
        bulk.MapGet($"/{BudgetDataset.Name}.csv", (HttpContext http, SocialDomainDbContext db, string? jaar, string? fase, string? niveau, string? programma, string? taakveld, string? dialect) =>
            BulkExports.BudgetsAsync(http, db, jaar, fase, niveau, programma, taakveld, dialect));
        bulk.MapGet($"/{BenchmarkDataset.Name}.csv", (HttpContext http, SocialDomainDbContext db, string? domein, string? taakveld, string? jaar, string? fase, string? gemeente, string? dialect) =>
            BulkExports.BenchmarkAsync(http, db, domein, taakveld, jaar, fase, gemeente, dialect));
        bulk.MapGet($"/{FindingDataset.Name}.csv", (HttpContext http, SocialDomainDbContext db, string? dataset, string? dialect) =>
            BulkExports.FindingsAsync(http, db, dataset, dialect));

        exports.MapGet($"/{AuditLogDataset.Name}.csv", (HttpContext http, SocialDomainDbContext db, IConfiguration configuration, string? van, string? tot, string? zoek, string? dialect) =>
                BulkExports.AuditLogAsync(http, db, configuration, van, tot, zoek, dialect))
            .RequireAuthorization(Policies.ManageUsers);
        return app;
    }
}
