using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Features.Import;

/// <summary>The outcome of an upload's first step: the preview's report and, when nothing is wrong, the draft to confirm.</summary>
public sealed record ImportPreview(ImportReport Report, Guid? DraftId);

/// <summary>
/// An upload on /beheer/import, in two steps. <see cref="PreviewAsync"/> runs the one importer (<see cref="DatasetImporter"/>)
/// as a dry run (applied in a transaction that is rolled back) to count what would be new and changed, and keeps the
/// files as an <see cref="ImportDraft"/> bound to the uploader for <see cref="DraftLifetime"/>; <see cref="ConfirmAsync"/>
/// imports the draft for real, with its audit row and the draft's removal in the same transaction. A refused import
/// changes nothing and is audited on its own.
/// </summary>
public sealed class ImportUpload(SocialDomainDbContext db, TimeProvider clock)
{
    /// <summary>Largest request the upload page accepts (all files together).</summary>
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>The message of an upload over <see cref="MaxUploadBytes"/>.</summary>
    public const string TooLarge = "De bestanden zijn samen groter dan 20 MB; er is niets gelezen of opgeslagen. Splits de import in kleinere bestanden.";

    /// <summary>The message when the draft to confirm is gone (expired, confirmed already or someone else's).</summary>
    public const string DraftGone = "Dit importvoorbeeld bestaat niet meer (verlopen, al bevestigd of geannuleerd); er is niets opgeslagen. Upload de bestanden opnieuw.";

    /// <summary>How long an uploaded import waits for its confirmation.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromHours(1);

    /// <summary>Reads the uploaded files (each into one array of its own size); a file is named by its name without any client path.</summary>
    public static async Task<IReadOnlyList<ImportFile>> ReadAsync(IEnumerable<IFormFile> uploads, CancellationToken cancellationToken)
    {
        var files = new List<ImportFile>();
        foreach (var file in uploads)
        {
            var content = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content, cancellationToken);
            files.Add(new ImportFile(Path.GetFileName(file.FileName), content));
        }

        return files;
    }

    /// <summary>Why the upload page refuses targets.csv (issue 16): a target changes only through the editor and its rules.</summary>
    public const string TargetsRefused =
        "Streefwaarden worden niet via de upload ingelezen: een streefwaarde wijzigt alleen via de streefwaarde-editor (Beheer › Streefwaarden, /beheer/streefwaarden), "
        + "met de SMART-regels, een reden en de rol beleidsadviseur. Er is niets opgeslagen; haal het bestand met streefwaarden uit de upload.";

    /// <summary>Checks the files and counts what an import would change, writing nothing but the draft (or, refused, the audit row).</summary>
    public async Task<ImportPreview> PreviewAsync(IReadOnlyList<ImportFile> files, string actor, string origin, CancellationToken cancellationToken)
    {
        // Target versions come only from the editor: an upload with targets is refused whole.
        var report = TargetsIn(files) is { } targets ? Refused(new ImportProblem(targets.Name, 0, null, TargetsRefused))
            : await new DatasetImporter(db, clock).ImportAsync(files, cancellationToken, preview: true);
        if (!report.Succeeded)
        {
            await AuditRefusedAsync(files, actor, origin, report, cancellationToken);
            return new ImportPreview(report, null);
        }

        var now = clock.GetUtcNow();
        await db.ImportDrafts.Where(d => d.Owner == actor || d.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var draft = new ImportDraft { Id = Guid.NewGuid(), Owner = actor, CreatedAt = now, ExpiresAt = now + DraftLifetime, Content = Pack(files) };
        db.ImportDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportPreview(report, draft.Id);
    }

    /// <summary>Imports a draft of <paramref name="actor"/>: the data, its audit row and the draft's removal in one transaction.</summary>
    public async Task<ImportReport> ConfirmAsync(Guid draftId, string actor, string origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var draft = await db.ImportDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId && d.Owner == actor && d.ExpiresAt > now, cancellationToken);
        if (draft is null)
        {
            var gone = new ImportReport();
            gone.Problems.Add(new ImportProblem("–", 0, null, DraftGone));
            return gone;
        }

        var files = Unpack(draft.Content);
        ImportReport report;
        try
        {
            // The audit callback runs inside the import's transaction: the draft goes with the same commit, and a second
            // confirmation of the same draft (another tab, another instance) finds no row to delete and rolls back.
            report = await new DatasetImporter(db, clock).ImportAsync(files, cancellationToken, stored =>
            {
                db.ImportDrafts.Remove(new ImportDraft { Id = draft.Id, Owner = draft.Owner, Content = [] });
                return Audit(clock.GetUtcNow(), actor, origin, files, stored);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var gone = new ImportReport();
            gone.Problems.Add(new ImportProblem("–", 0, null, DraftGone));
            return gone;
        }

        if (!report.Succeeded)
        {
            await AuditRefusedAsync(files, actor, origin, report, cancellationToken);
        }

        return report;
    }

    private static ImportReport Refused(ImportProblem problem)
    {
        var report = new ImportReport();
        report.Problems.Add(problem);
        return report;
    }

    /// <summary>The file of the targets dataset, by its English or Dutch name; null when the upload has none.</summary>
    private static ImportFile? TargetsIn(IReadOnlyList<ImportFile> files) => files.FirstOrDefault(f => DatasetFormats.ForFile(f.Name)?.Name == "targets");

    /// <summary>Drops a draft of <paramref name="actor"/> (the preview's "Annuleren").</summary>
    public Task CancelAsync(Guid draftId, string actor, CancellationToken cancellationToken) =>
        db.ImportDrafts.Where(d => d.Id == draftId && d.Owner == actor).ExecuteDeleteAsync(cancellationToken);

    /// <summary>An import straight away, without preview (kept for callers that confirm elsewhere, such as tests).</summary>
    public async Task<ImportReport> ImportAsync(IReadOnlyList<ImportFile> files, string actor, string origin, CancellationToken cancellationToken)
    {
        var report = TargetsIn(files) is { } targets ? Refused(new ImportProblem(targets.Name, 0, null, TargetsRefused))
            : await new DatasetImporter(db, clock).ImportAsync(files, cancellationToken, stored => Audit(clock.GetUtcNow(), actor, origin, files, stored));
        if (!report.Succeeded)
        {
            await AuditRefusedAsync(files, actor, origin, report, cancellationToken);
        }

        return report;
    }

    private async Task AuditRefusedAsync(IReadOnlyList<ImportFile> files, string actor, string origin, ImportReport report, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.AuditLog.Add(Audit(clock.GetUtcNow(), actor, origin, files, report));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The audit row of an import (upload or command line): the number of files in the object (which has a fixed
    /// size); in the details their names, what came of it per dataset and, for changed rows, the values before and after
    /// (the first <see cref="ImportReport.ChangesListed"/>, with the total).
    /// </summary>
    public static AuditLogEntry Audit(DateTimeOffset timestamp, string actor, string origin, IReadOnlyList<ImportFile> files, ImportReport report) =>
        AuditEntry.Create(timestamp, actor, AuditActions.FiguresImported, $"bestanden:{files.Count}",
            report.Succeeded ? AuditResults.Succeeded : AuditResults.Refused, origin,
            new
            {
                bestanden = files.Select(f => f.Name).ToList(),
                report.RowsRead,
                report.Inserted,
                report.Updated,
                problemen = report.Problems.Count,
                perDataset = report.Datasets.ToDictionary(d => d.Key, d => new { nieuw = d.Value.New, gewijzigd = d.Value.Changed }),
                wijzigingenTotaal = report.ChangeCount,
                wijzigingen = report.Changes.Select(c => new
                {
                    dataset = c.Table,
                    sleutel = c.Key,
                    kolommen = c.Columns.ToDictionary(v => v.Key, v => new { voor = v.Value.Before, na = v.Value.After }),
                }),
            });

    private static byte[] Pack(IReadOnlyList<ImportFile> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                using var entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest).Open();
                entry.Write(file.Content);
            }
        }

        return buffer.ToArray();
    }

    private static List<ImportFile> Unpack(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        return zip.Entries.Select(entry =>
        {
            var bytes = new byte[entry.Length];
            using var stream = entry.Open();
            stream.ReadExactly(bytes);
            return new ImportFile(entry.FullName, bytes);
        }).ToList();
    }
}
