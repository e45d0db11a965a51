using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Features.Import;

/// <summary>
/// An upload on /beheer/import: the uploaded files through the one importer (<see cref="DatasetImporter"/>), audited
/// with who uploaded which files and what came of it (also when the import is refused).
/// </summary>
public sealed class ImportUpload(SocialDomainDbContext db, TimeProvider clock)
{
    /// <summary>Largest request the upload page accepts.</summary>
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>Reads the uploaded files; a file is named by its name without any client path.</summary>
    public static async Task<IReadOnlyList<ImportFile>> ReadAsync(IEnumerable<IFormFile> uploads, CancellationToken cancellationToken)
    {
        var files = new List<ImportFile>();
        foreach (var file in uploads)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add(new ImportFile(Path.GetFileName(file.FileName), buffer.ToArray()));
        }

        return files;
    }

    public async Task<ImportReport> ImportAsync(IReadOnlyList<ImportFile> files, string actor, string origin, CancellationToken cancellationToken)
    {
        var report = await new DatasetImporter(db).ImportAsync(files, cancellationToken);
        db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), actor, AuditActions.FiguresImported, "bestanden:" + string.Join(",", files.Select(f => f.Name)),
            report.Succeeded ? AuditResults.Succeeded : AuditResults.Refused, origin,
            new { report.RowsRead, report.Inserted, report.Updated, problemen = report.Problems.Count }));
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }
}
