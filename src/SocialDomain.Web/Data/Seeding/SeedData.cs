using SocialDomain.Web.Import;

namespace SocialDomain.Web.Data.Seeding;

/// <summary>Loads the source datasets in <c>SeedData/</c> through the importer (idempotent).</summary>
public static class SeedData
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "SeedData");

    public static async Task<ImportReport> LoadAsync(SocialDomainDbContext db, CancellationToken cancellationToken = default) =>
        await new DatasetImporter(db).ImportDirectoryAsync(Directory, cancellationToken);
}
