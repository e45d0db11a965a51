using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>
/// Feeds the importer over a thousand mutated versions of small valid files (fixed seed, so every
/// run tries the same cases). No exception may escape, a rejected import must leave every table
/// exactly as it was and explain itself in Dutch with file and line, and an accepted import must be
/// idempotent.
/// </summary>
public partial class ImportFuzzTests(TestDatabase database, ITestOutputHelper output) : DatabaseTest(database)
{
    private const int Seed = 20261125;
    private const int Cases = 1200;

    private static readonly HashSet<string> DutchWords = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "is", "geen", "niet", "ontbreekt", "onbekend", "onbekende", "regel", "regels", "veld", "velden", "kolom",
        "bestand", "dubbele", "waarde", "getal", "leeg", "te", "lang", "past", "bij", "hoort", "kies", "uit", "verwacht", "wijkt", "af",
        "van", "staat", "keer", "heeft", "kopregel", "ligt", "buiten", "bereik", "verplicht", "geldige", "geldig", "reden", "versie",
        "streefwaarde", "bestaat", "al", "moet", "zijn", "twee", "deze", "tekst", "tekens", "maximaal", "gebruik", "bijvoorbeeld",
    };

    [Fact]
    public async Task MutatedImportFiles_NeverCrash_NeverWritePartially_AndAreExplainedInDutch()
    {
        var bases = CsvFuzzer.BaseFiles();
        (await ImportAsync(bases.Select(CsvFuzzer.ToFile).ToList())).Problems.Should().BeEmpty("the base files are valid");
        var current = await TableChecksums.ReadAsync(Database.ConnectionString);

        var fuzzer = new CsvFuzzer(Seed);
        var clock = Stopwatch.StartNew();
        int rejected = 0, accepted = 0;
        var failures = new List<string>();
        for (var number = 1; number <= Cases; number++)
        {
            var fuzzCase = fuzzer.Next(number, bases);
            ImportReport report;
            try
            {
                report = await ImportAsync(fuzzCase.Files);
            }
            catch (Exception ex)
            {
                failures.Add($"#{number} crash ({fuzzCase.Description}): {ex.GetType().Name}: {ex.GetBaseException().Message}");
                current = await TableChecksums.ReadAsync(Database.ConnectionString);
                continue;
            }

            if (!report.Succeeded)
            {
                rejected++;
                failures.AddRange(CheckProblems(fuzzCase, report).Select(p => $"#{number} ({fuzzCase.Description}): {p}"));
                var after = await TableChecksums.ReadAsync(Database.ConnectionString);
                var changed = after.Where(t => current.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
                if (changed.Count > 0)
                {
                    failures.Add($"#{number} partial write ({fuzzCase.Description}): {string.Join(", ", changed)} changed although the import was rejected");
                    current = after;
                }

                continue;
            }

            accepted++;
            var afterFirst = await TableChecksums.ReadAsync(Database.ConnectionString);
            var again = await ImportAsync(fuzzCase.Files);
            var afterSecond = await TableChecksums.ReadAsync(Database.ConnectionString);
            if (!again.Succeeded || again.Inserted != 0 || again.Updated != 0 || !afterSecond.OrderBy(t => t.Key).SequenceEqual(afterFirst.OrderBy(t => t.Key)))
            {
                failures.Add($"#{number} not idempotent ({fuzzCase.Description}): second import succeeded={again.Succeeded}, inserted {again.Inserted}, updated {again.Updated}");
            }

            current = afterSecond;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seed {Seed}: {Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s; rejected {rejected}, accepted {accepted}; ")
            + $"crashes {failures.Count(f => f.Contains(" crash ", StringComparison.Ordinal))}, "
            + $"partial writes {failures.Count(f => f.Contains(" partial write ", StringComparison.Ordinal))}, other findings {failures.Count(f => !f.Contains(" crash ", StringComparison.Ordinal) && !f.Contains(" partial write ", StringComparison.Ordinal))}.");
        foreach (var failure in failures.Take(40))
        {
            output.WriteLine(failure);
        }

        failures.Should().BeEmpty();
        rejected.Should().BeGreaterThan(Cases / 2, "most mutations break a file");
        accepted.Should().BeGreaterThan(0, "some mutations (BOM, swapped whole columns, CRLF, shuffled lines) leave a valid file");
    }

    private static IEnumerable<string> CheckProblems(CsvFuzzer.Case fuzzCase, ImportReport report)
    {
        if (report.Problems.Count == 0)
        {
            yield return "rejected without a problem";
        }

        var names = fuzzCase.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in report.Problems)
        {
            if (!names.Contains(problem.File))
            {
                yield return $"problem names file '{problem.File}', not one of the imported files: {problem}";
            }

            if (problem.Line < 1)
            {
                yield return $"problem without a line number: {problem}";
            }

            if (!LooksDutch(problem.Message))
            {
                yield return $"message is empty or not Dutch: '{problem.Message}'";
            }
        }
    }

    private static bool LooksDutch(string message) =>
        !string.IsNullOrWhiteSpace(message)
        && Words().Matches(message.ToLowerInvariant()).Any(w => DutchWords.Contains(w.Value))
        && !English().IsMatch(message);

    private async Task<ImportReport> ImportAsync(IReadOnlyList<ImportFile> files)
    {
        await using var db = Database.CreateContext();
        return await new DatasetImporter(db).ImportAsync(files);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(the|cannot|must|should|failed|error|not found|object reference)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
