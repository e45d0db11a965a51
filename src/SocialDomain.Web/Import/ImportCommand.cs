using SocialDomain.Core.Calculations;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Import;

namespace SocialDomain.Web.Import;

/// <summary>
/// Command-line entry point: <c>dotnet run --project src/SocialDomain.Web -- import &lt;file-or-folder&gt;...</c>.
/// Prints every problem (file, line, column, message) and exits 1, or prints what was written and exits 0.
/// </summary>
public static class ImportCommand
{
    /// <summary>Origin of a command-line import in the audit log.</summary>
    public const string Origin = "opdrachtregel";

    /// <summary>Who ran it: the operating-system account, as the audit log's actor.</summary>
    private static string Actor => "opdrachtregel:" + Environment.UserName;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        if (paths.Count == 0)
        {
            await error.WriteLineAsync("Gebruik: import <bestand.csv of map> [...]");
            return 2;
        }

        var files = new List<ImportFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .Select(f => new ImportFile(Path.GetRelativePath(path, f), File.ReadAllBytes(f))));
            }
            else if (File.Exists(path))
            {
                files.Add(new ImportFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path)));
            }
            else
            {
                await error.WriteLineAsync($"Bestand of map niet gevonden: {Path.GetFullPath(path)} (relatieve paden gelden vanaf {Environment.CurrentDirectory}).");
                return 2;
            }
        }

        using var scope = services.CreateScope();
        var importer = new DatasetImporter(scope.ServiceProvider.GetRequiredService<SocialDomainDbContext>());
        var report = await importer.ImportAsync(files, default,
            stored => ImportUpload.Audit(DateTimeOffset.UtcNow, Actor, Origin, files, stored));
        if (!report.Succeeded)
        {
            var db = scope.ServiceProvider.GetRequiredService<SocialDomainDbContext>();
            db.AuditLog.Add(ImportUpload.Audit(DateTimeOffset.UtcNow, Actor, Origin, files, report));
            await db.SaveChangesAsync();
            foreach (var problem in report.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            await error.WriteLineAsync($"Import afgewezen: {DutchPlural.Count(report.Problems.Count, "probleem", "problemen")}; er is niets opgeslagen.");
            return 1;
        }

        await output.WriteLineAsync(Summary(report));
        return 0;
    }

    public static string Summary(ImportReport report) =>
        $"Import geslaagd: {string.Join(", ", report.RowsRead.Select(r => $"{r.Key} {DutchPlural.Count(r.Value, "regel", "regels")}"))} gelezen; "
        + $"{DutchFormat.Count(report.Inserted)} toegevoegd, {DutchFormat.Count(report.Updated)} bijgewerkt; "
        + $"{DutchPlural.Count(report.Findings, "datakwaliteitsbevinding", "datakwaliteitsbevindingen")}."
        + string.Concat(report.Notices.Select(n => " " + n));
}
