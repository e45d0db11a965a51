using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Import;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Data.Seeding;

/// <summary>
/// Loads the source datasets in <c>SeedData/</c> through the importer, into an EMPTY database only: once a database
/// holds data, the seed never writes again, so a restart cannot undo a correction a user made. The load and its audit
/// row (<see cref="AuditActions.SeedLoaded"/>) share one transaction. On that first load it publishes every quarter
/// the source figures fall in: they come from public council documents. Later quarters are published by people.
/// </summary>
public static class SeedData
{
    public const string Publisher = "import";

    /// <summary>Origin of the seed's audit rows.</summary>
    public const string Origin = "opstarten";

    /// <summary>Why a load wrote nothing (also in the start-up log).</summary>
    public const string NotEmpty = "de database bevat al gegevens; de brondata worden alleen in een lege database geladen";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "SeedData");

    /// <summary>True when the database holds any of the seed's kinds of data (or has had a seed load).</summary>
    public static async Task<bool> HasDataAsync(SocialDomainDbContext db, CancellationToken cancellationToken) =>
        await db.Municipalities.AnyAsync(cancellationToken) || await db.Kpis.AnyAsync(cancellationToken)
        || await db.BudgetLines.AnyAsync(cancellationToken) || await db.AuditLog.AnyAsync(a => a.Action == AuditActions.SeedLoaded, cancellationToken);

    public static async Task<ImportReport> LoadAsync(SocialDomainDbContext db, CancellationToken cancellationToken = default)
    {
        if (await HasDataAsync(db, cancellationToken))
        {
            return new ImportReport { SkippedBecause = NotEmpty };
        }

        var report = await new DatasetImporter(db).ImportDirectoryAsync(Directory, cancellationToken,
            stored => AuditEntry.Create(DateTimeOffset.UtcNow, Publisher, AuditActions.SeedLoaded, "brondata", AuditResults.Succeeded, Origin,
                new { stored.RowsRead, stored.Inserted, stored.Updated, stored.Findings }));
        if (report.Succeeded && !await db.QuarterPublications.AnyAsync(cancellationToken))
        {
            foreach (var quarter in (await OverviewQuery.QuartersWithDataAsync(db, cancellationToken)).Order())
            {
                await QuarterPublisher.PublishAsync(db, quarter, Publisher, Origin, TimeProvider.System, cancellationToken);
            }
        }

        return report;
    }
}
