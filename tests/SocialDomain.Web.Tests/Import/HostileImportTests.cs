using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.Import;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Import;

/// <summary>
/// Oversized and hostile uploads (issue 16 item 2): a size limit with a Dutch message, a streamed parse, and a problem
/// list that stops after <see cref="ImportProblems.Limit"/> with "… en nog N problemen". The measured figures go to the
/// test output (and docs/operations.md).
/// </summary>
public class HostileImportTests(TestDatabase database, ITestOutputHelper output) : DatabaseTest(database)
{
    private const string Header = "kpi_code;period;value;status;source_document;source_section";

    /// <summary>A measurements file of <paramref name="rows"/> rows that each have a value that is no number.</summary>
    private static byte[] BadRows(int rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            text.Append("SP_SCORE;2020;x").Append(i % 10).Append(";final;0;0\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task UploadOverTwentyMegabytes_IsRefusedWithADutchMessage_AndNoServerError()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var response = await ImportPage.UploadAsync(client, [("measurements.csv", BadRows(800_000))]);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await ImportPage.HtmlAsync(await client.GetAsync(response.Headers.Location));
        page.Should().Contain(ImportUpload.TooLarge);
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task NineteenMegabytesOfBadRows_GiveASmallPageQuickly_WithTheRestCounted()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ImportPage.ControllerAsync(factory);
        await using (var db = Database.CreateContext())
        {
            (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        }

        const int rows = 19 * 1024 * 1024 / 27;
        var file = BadRows(rows);
        file.Length.Should().BeInRange(19 * 1024 * 1024 - 1024, ImportUpload.MaxUploadBytes - 1024);
        var clock = Stopwatch.StartNew();

        var response = await ImportPage.UploadAsync(client, [("measurements.csv", file)]);
        var html = await response.Content.ReadAsStringAsync();
        clock.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Length / 1024.0 / 1024.0:0.0} MB, {rows:N0} bad rows: {clock.Elapsed.TotalSeconds:0.0} s, page {html.Length / 1024.0:0} KB"));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Length.Should().BeLessThan(300_000, "the page lists at most 200 problems");
        var text = WebUtility.HtmlDecode(html);
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"Import geweigerd: ([\d.]+) problemen").Groups[1].Value, NumberStyles.AllowThousands, dutch);
        total.Should().BeGreaterThanOrEqualTo(rows, "every row has a value that is no number");
        text.Should().Contain($"… en nog {(total - ImportProblems.Limit).ToString("N0", dutch)} problemen");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task MillionRowImport_IsReadStreaming_WithBoundedMemory()
    {
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        var file = new ImportFile("measurements.csv", BadRows(1_000_000));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5);
            }
        });
        var clock = Stopwatch.StartNew();

        var report = await new DatasetImporter(db).ImportAsync([file], preview: true);

        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var peakMegabytes = (peak - baseline) / 1024.0 / 1024.0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"1,000,000 rows ({file.Content.Length / 1024.0 / 1024.0:0.0} MB): {clock.Elapsed.TotalSeconds:0.0} s, peak managed heap +{peakMegabytes:0} MB over the file itself"));
        report.Problems.Count.Should().BeGreaterThanOrEqualTo(1_000_000, "every row has a value that is no number");
        report.Problems.ToList().Should().HaveCount(ImportProblems.Limit);
        report.RowsRead["measurements"].Should().Be(1_000_000);
        peakMegabytes.Should().BeLessThan(150, "rows are parsed as they are read and dropped once the problem list is full");
    }
}
