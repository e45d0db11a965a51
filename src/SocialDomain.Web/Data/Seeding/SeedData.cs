using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Import;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Data.Seeding;

/// <summary>
/// Loads the source datasets in <c>SeedData/</c> through the importer (idempotent). On the first load
/// (no quarter published yet) it publishes every quarter the source figures fall in: they come from
/// public council documents. Later quarters are published by people, never by a restart.
/// </summary>
public static class SeedData
{
    public const string Publisher = "import";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "SeedData");

    public static async Task<ImportReport> LoadAsync(SocialDomainDbContext db, CancellationToken cancellationToken = default)
    {
        var report = await new DatasetImporter(db).ImportDirectoryAsync(Directory, cancellationToken);
        if (report.Succeeded && !await db.QuarterPublications.AnyAsync(cancellationToken))
        {
            var measurements = await OverviewQuery.LoadMeasurementsAsync(db, cancellationToken);
            foreach (var quarter in OverviewQuery.QuartersWithData(measurements).Order())
            {
                await QuarterPublisher.PublishAsync(db, quarter, Publisher, "opstarten", TimeProvider.System, cancellationToken);
            }
        }

        return report;
    }
}
