using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>
/// Opens the Dutch-Excel export in LibreOffice Calc (headless, Dutch locale, ';' and UTF-8 as Excel would take them)
/// and checks in the converted workbook that numbers arrived as numbers, in the right columns, and text as text.
/// Needs Debian's libreoffice-calc (.ci/run installs it).
/// </summary>
public partial class LibreOfficeTests(TestDatabase database, ITestOutputHelper output) : ExportTest(database)
{
    // CSV import filter: separator ';' (59), text delimiter '"' (34), UTF-8 (76), from line 1, standard cell formats,
    // language Dutch (Netherlands) (1043), quoted fields not forced to text, no "special number" (date) detection.
    private const string CsvFilter = "CSV:59,34,76,1,,1043,false,false";

    [Fact]
    public async Task DutchExcelExport_OpensInCalc_WithNumbersAsNumbersAndTextAsText()
    {
        var soffice = FindSoffice();
        soffice.Should().NotBeNull("LibreOffice Calc is needed for this test: apt-get install -y libreoffice-calc (.ci/run installs it)");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);

        var checks = new (string Url, IEnumerable<(string Header, ColumnType Type)> Columns)[]
        {
            ("/export/benchmark-ranglijst.csv?veld=jeugd&jaar=2018-jaarrekening", BenchmarkTables.RankingColumns.Select(c => (c.Header, c.Type))),
            ("/export/begrotingen.csv", BudgetDataset.Columns.Select(c => (c.Header, c.Type))),
            ("/export/metingen.csv", SocialDomain.Web.Features.Kpis.MeasurementDataset.Columns.Select(c => (c.Header, c.Type))),
        };

        var work = Directory.CreateTempSubdirectory("socialdomain-lo-");
        try
        {
            foreach (var (url, columns) in checks)
            {
                var bytes = await controller.GetByteArrayAsync(new Uri(url, UriKind.Relative));
                var csv = ExportCsv.Read(bytes, CsvDialect.Excel);
                var name = Path.GetFileNameWithoutExtension(new Uri("http://x" + url).AbsolutePath);
                var csvPath = Path.Combine(work.FullName, name + ".csv");
                await File.WriteAllBytesAsync(csvPath, bytes);

                var sheet = await ConvertAsync(soffice!, csvPath, work.FullName);

                sheet.Should().HaveCount(csv.Rows.Count + 1, $"{name}: every CSV line is one spreadsheet row");
                sheet[0].Select(c => c.Value).Should().Equal(csv.Headers, $"{name}: the header row arrives as text in its columns");
                var types = columns.ToDictionary(c => c.Header, c => c.Type);
                var numbers = 0;
                for (var r = 0; r < csv.Rows.Count; r++)
                {
                    for (var c = 0; c < csv.Headers.Count; c++)
                    {
                        var expected = csv.Rows[r][c];
                        var cell = sheet[r + 1].ElementAtOrDefault(c);
                        if (expected.Length == 0)
                        {
                            (cell?.Value ?? string.Empty).Should().BeEmpty();
                            continue;
                        }

                        if (types[csv.Headers[c]] is ColumnType.Number or ColumnType.Integer)
                        {
                            cell!.IsNumber.Should().BeTrue($"{name} row {r + 2} column '{csv.Headers[c]}' ({expected}) is a number in Calc");
                            decimal.Parse(cell.Value, NumberStyles.Float, CultureInfo.InvariantCulture).Should().Be(csv.Number(csv.Rows[r], csv.Headers[c])!.Value);
                            numbers++;
                        }
                        else if (DigitsOnly().IsMatch(expected))
                        {
                            // A code of digits only (programme "2", source document "003") is read as a number by Calc and
                            // Excel alike; documented in docs/exports-and-api.md (use rfc4180 or the import wizard to keep "003").
                            decimal.Parse(cell!.Value, NumberStyles.Float, CultureInfo.InvariantCulture).Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            cell!.IsNumber.Should().BeFalse($"{name} row {r + 2} column '{csv.Headers[c]}' ({expected}) stays text");
                            cell.Value.Should().Be(expected);
                        }
                    }
                }

                numbers.Should().BePositive();
                output.WriteLine($"{name}: {csv.Rows.Count} rows, {numbers} numeric cells checked in LibreOffice Calc");
            }
        }
        finally
        {
            TestDatabase.RemoveQuietly(work.FullName);
        }
    }

    private static string? FindSoffice() =>
        new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    /// <summary>Converts the CSV to .xlsx with headless Calc and reads the first sheet: per row, the cells with their type.</summary>
    private static async Task<List<List<SheetCell>>> ConvertAsync(string soffice, string csvPath, string work)
    {
        var outDir = Path.Combine(work, "out");
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{Path.Combine(work, "profile")}",
                     $"--infilter={CsvFilter}", "--convert-to", "xlsx", "--outdir", outDir, csvPath,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = work;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("LibreOffice did not finish converting within 120 seconds.");
        }

        var xlsx = Path.Combine(outDir, Path.GetFileNameWithoutExtension(csvPath) + ".xlsx");
        File.Exists(xlsx).Should().BeTrue($"soffice converted the file (exit {process.ExitCode}): {await stdout} {await stderr}");

        using var zip = ZipFile.OpenRead(xlsx);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Root!.Elements(ns + "si").Select(si => string.Concat(si.Descendants(ns + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var rows = new List<List<SheetCell>>();
        foreach (var row in sheet.Descendants(ns + "row"))
        {
            var cells = new List<SheetCell>();
            foreach (var c in row.Elements(ns + "c"))
            {
                var column = ColumnIndex((string)c.Attribute("r")!);
                while (cells.Count < column)
                {
                    cells.Add(new SheetCell(false, string.Empty));
                }

                var type = (string?)c.Attribute("t") ?? "n";
                var value = c.Element(ns + "v")?.Value ?? string.Concat(c.Descendants(ns + "t").Select(t => t.Value));
                cells.Add(type switch
                {
                    "s" => new SheetCell(false, shared[int.Parse(value, CultureInfo.InvariantCulture)]),
                    "n" when value.Length > 0 => new SheetCell(true, value),
                    _ => new SheetCell(false, value),
                });
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (ch - 'A' + 1);
        }

        return index - 1;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex DigitsOnly();

    private sealed record SheetCell(bool IsNumber, string Value);
}
