using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>A CSV file read back with CsvHelper: header and rows, with typed accessors per dialect.</summary>
public sealed class CsvTable(CsvDialect dialect, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
{
    public CsvDialect Dialect { get; } = dialect;

    public IReadOnlyList<string> Headers { get; } = headers;

    public IReadOnlyList<string[]> Rows { get; } = rows;

    public int Index(string header)
    {
        var index = Headers.ToList().IndexOf(header);
        index.Should().BeGreaterThanOrEqualTo(0, $"the file has a column '{header}' (it has: {string.Join(" | ", Headers)})");
        return index;
    }

    public string Text(string[] row, string header) => row[Index(header)];

    public IReadOnlyList<string> Column(string header) => Rows.Select(r => r[Index(header)]).ToList();

    /// <summary>A number cell parsed the dialect's way (decimal comma for excel); null for an empty cell.</summary>
    public decimal? Number(string[] row, string header)
    {
        var text = Text(row, header);
        if (text.Length == 0)
        {
            return null;
        }

        text.Should().MatchRegex(Dialect == CsvDialect.Excel ? "^-?[0-9]+(,[0-9]+)?$" : "^-?[0-9]+(\\.[0-9]+)?$", $"'{header}' is a plain number in the {Dialect.Name} dialect");
        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            new NumberFormatInfo { NumberDecimalSeparator = Dialect.DecimalSeparator, NegativeSign = "-" });
    }

    public long? Integer(string[] row, string header) => Text(row, header) is { Length: > 0 } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    public bool? Boolean(string[] row, string header) => Text(row, header) switch
    {
        "ja" => true,
        "nee" => false,
        "" => null,
        var other => throw new FormatException($"'{other}' is not ja/nee"),
    };

    public string[] Row(string header, string value) => Rows.Single(r => r[Index(header)] == value);
}

public static class ExportCsv
{
    /// <summary>Reads a downloaded file: checks the BOM, the CRLF line ends and the delimiter, then parses it with CsvHelper.</summary>
    public static CsvTable Read(byte[] bytes, CsvDialect dialect)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        hasBom.Should().Be(dialect.ByteOrderMark, "the {0} dialect {1} a byte order mark", dialect.Name, dialect.ByteOrderMark ? "has" : "has no");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        text.Should().EndWith("\r\n");
        var firstLine = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        firstLine.Should().Contain(dialect.Delimiter);

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = dialect.Delimiter,
            HasHeaderRecord = true,
            BadDataFound = context => throw new InvalidDataException($"Bad CSV data at row {context.Context.Parser?.Row}: {context.RawRecord}"),
        };
        using var reader = new CsvReader(new StringReader(text), configuration);
        reader.Read().Should().BeTrue();
        reader.ReadHeader();
        var headers = reader.HeaderRecord!.ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
            rows[^1].Length.Should().Be(headers.Count, "every row has as many fields as the header");
        }

        return new CsvTable(dialect, headers, rows);
    }

    public static async Task<(HttpResponseMessage Response, CsvTable Table)> DownloadAsync(HttpClient client, string url, CsvDialect dialect)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await client.GetAsync(new Uri($"{url}{separator}dialect={dialect.Name}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{url} ({dialect.Name}) answered: {Encoding.UTF8.GetString(bytes)}");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        return (response, Read(bytes, dialect));
    }
}

/// <summary>Base for the export tests: the seed data, and clients per role.</summary>
public abstract class ExportTest(TestDatabase database) : DatabaseTest(database)
{
    public static readonly string?[] AllUsers = [null, Roles.CouncilMember, Roles.PolicyAdvisor, Roles.Controller, Roles.Administrator];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    /// <summary>A client logged in with <paramref name="role"/> (anonymous when null); the account is created on first use.</summary>
    public static async Task<HttpClient> ClientAsync(DashboardFactory factory, string? role)
    {
        var client = Accounts.Client(factory);
        if (role is null)
        {
            return client;
        }

        var user = "export-" + role.ToLowerInvariant();
        using (var scope = factory.Services.CreateScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(user) is null)
            {
                await Accounts.CreateAsync(factory, user, role);
            }
        }

        (await Accounts.LoginAsync(client, user)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }
}

/// <summary>Test data helpers.</summary>
public static class ExportData
{
    public const string MeasurementHeader = "kpi_code;period;value;status;source_document;source_section;note";

    public static async Task ImportMeasurementsAsync(TestDatabase database, params string[] rows)
    {
        await using var db = database.CreateContext();
        var report = await new SocialDomain.Web.Import.DatasetImporter(db).ImportAsync(
            [new SocialDomain.Web.Import.ImportFile("measurements.csv", Encoding.UTF8.GetBytes(string.Join("\n", [MeasurementHeader, .. rows]) + "\n"))]);
        report.Problems.Should().BeEmpty();
    }

    public static CsvDialect Dialect(string name) => CsvDialect.All.Single(d => d.Name == name);

    /// <summary>Parses a timestamp cell of the dialect (Amsterdam time).</summary>
    public static DateTimeOffset Timestamp(string text, CsvDialect dialect)
    {
        if (dialect == CsvDialect.Excel)
        {
            text.Should().MatchRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$");
            var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
            return new DateTimeOffset(local, amsterdam.GetUtcOffset(local));
        }

        text.Should().MatchRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$");
        return DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset Seconds(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
