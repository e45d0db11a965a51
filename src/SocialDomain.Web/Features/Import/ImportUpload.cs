using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
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

    /// <summary>Why the upload page refuses targets.csv (issue 16): a target changes only through the editor and its rules.</summary>
    public const string TargetsRefused =
        "Streefwaarden worden niet via de upload ingelezen: een streefwaarde wijzigt alleen via de streefwaarde-editor (Beheer › Streefwaarden, /beheer/streefwaarden), "
        + "met de SMART-regels, een reden en de rol beleidsadviseur. Er is niets opgeslagen; haal targets.csv uit de upload.";

    public async Task<ImportReport> ImportAsync(IReadOnlyList<ImportFile> files, string actor, string origin, CancellationToken cancellationToken)
    {
        // A stored import and its audit row share the importer's transaction; a refused import changes nothing and is
        // audited on its own. Target versions come only from the editor: an upload with targets.csv is refused whole.
        var targets = files.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f.Name) == "targets");
        var report = targets is not null ? Refused(new ImportProblem(targets.Name, 0, null, TargetsRefused))
            : await new DatasetImporter(db).ImportAsync(files, cancellationToken, stored => Audit(clock.GetUtcNow(), actor, origin, files, stored));
        if (!report.Succeeded)
        {
            db.AuditLog.Add(Audit(clock.GetUtcNow(), actor, origin, files, report));
            await db.SaveChangesAsync(cancellationToken);
        }

        return report;
    }

    private static ImportReport Refused(ImportProblem problem)
    {
        var report = new ImportReport();
        report.Problems.Add(problem);
        return report;
    }

    /// <summary>
    /// The audit row of an import (upload or command line): the number of files in the object (which has a fixed
    /// size), their names and what came of it in the details.
    /// </summary>
    public static AuditLogEntry Audit(DateTimeOffset timestamp, string actor, string origin, IReadOnlyList<ImportFile> files, ImportReport report) =>
        AuditEntry.Create(timestamp, actor, AuditActions.FiguresImported, $"bestanden:{files.Count}",
            report.Succeeded ? AuditResults.Succeeded : AuditResults.Refused, origin,
            new { bestanden = files.Select(f => f.Name).ToList(), report.RowsRead, report.Inserted, report.Updated, problemen = report.Problems.Count });
}
