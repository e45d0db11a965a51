using System.Globalization;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Exports.Tables;

/// <summary>The tables of /begroting as CSV: the page's report (Features/Budget), with the feature's columns.</summary>
public static class BudgetExports
{
    public const string LevelsName = "begroting";
    public const string ChangesName = "begrotingswijzigingen";
    public const string PlanName = "investeringsplan";
    public const string ReserveName = "reserve";
    public const string MovementsName = "reserve-mutaties";
    public const string TaskFieldsName = "begroting-taakvelden";

    public static async Task<IResult> TaskFieldsAsync(HttpContext http, SocialDomainDbContext db, string? jaarText, string? dialect)
    {
        var filters = new FilterReader();
        var jaar = filters.Year(jaarText, "jaar");
        if (filters.HasErrors)
        {
            return ExportResults.BadRequest(filters.ErrorText);
        }

        var (report, problem, csvDialect) = await ReportAsync(http, db, dialect);
        return problem ?? ExportResults.Csv(http, TaskFieldsName, csvDialect, BudgetColumns.TaskFields, BudgetColumns.TaskFieldRecords(report!, jaar),
            jaar?.ToString(CultureInfo.InvariantCulture));
    }

    public static async Task<IResult> LevelsAsync(HttpContext http, SocialDomainDbContext db, string? jaarText, string? dialect)
    {
        var filters = new FilterReader();
        var jaar = filters.Year(jaarText, "jaar");
        if (filters.HasErrors)
        {
            return ExportResults.BadRequest(filters.ErrorText);
        }

        var (report, problem, csvDialect) = await ReportAsync(http, db, dialect);
        if (problem is not null)
        {
            return problem;
        }

        if (jaar is { } y && report!.Years.All(year => year.Year != y))
        {
            return ExportResults.NotFound($"Voor {y} zijn er geen begrotingsgegevens; beschikbaar: {string.Join(", ", report.Years.Select(year => year.Year))}.");
        }

        return ExportResults.Csv(http, LevelsName, csvDialect, BudgetColumns.Levels, BudgetColumns.LevelRecords(report!, jaar), jaar?.ToString(CultureInfo.InvariantCulture));
    }

    public static async Task<IResult> ChangesAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        var (report, problem, csvDialect) = await ReportAsync(http, db, dialect);
        return problem ?? ExportResults.Csv(http, ChangesName, csvDialect, BudgetColumns.Changes, BudgetColumns.ChangeRecords(report!));
    }

    public static async Task<IResult> PlanAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        var (report, problem, csvDialect) = await ReportAsync(http, db, dialect);
        return problem ?? ExportResults.Csv(http, PlanName, csvDialect, BudgetColumns.Plan(report!.PlanYears), BudgetColumns.PlanRecords(report));
    }

    public static async Task<IResult> ReserveAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        var (report, problem, csvDialect) = await ReportAsync(http, db, dialect);
        return problem ?? ExportResults.Csv(http, ReserveName, csvDialect, BudgetColumns.Reserve, BudgetColumns.ReserveRecords(report!));
    }

    public static async Task<IResult> MovementsAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        var (report, problem, csvDialect) = await ReportAsync(http, db, dialect);
        return problem ?? ExportResults.Csv(http, MovementsName, csvDialect, BudgetColumns.Movements, BudgetColumns.MovementRecords(report!));
    }

    private static async Task<(BudgetReport? Report, IResult? Problem, CsvDialect Dialect)> ReportAsync(HttpContext http, SocialDomainDbContext db, string? dialect)
    {
        if (!CsvDialect.TryParse(dialect, out var csvDialect, out var error))
        {
            return (null, ExportResults.BadRequest(error!), csvDialect);
        }

        var report = BudgetReport.Build(await new BudgetQuery(db).LoadAsync(http.RequestAborted));
        return report.HasData ? (report, null, csvDialect) : (null, ExportResults.NotFound(BudgetReport.NoDataMessage), csvDialect);
    }
}
