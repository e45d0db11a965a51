using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Commentary;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using SocialDomain.Web.Features.G40Benchmark;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>The open-data API: the OpenAPI document, every endpoint for anonymous and each role, visibility, paging, CSV.</summary>
public class OpenDataApiTests(TestDatabase database) : ExportTest(database)
{
    /// <summary>Every endpoint with the parameters the OpenAPI document must list.</summary>
    private static readonly (string Path, string Sample, string[] Parameters)[] Endpoints =
    [
        ("/api/v1/kpis", "/api/v1/kpis", ["domein", "programma", "zoek", "pagina", "paginagrootte", "formaat", "dialect"]),
        ("/api/v1/kpis/{code}", "/api/v1/kpis/SP_SCORE", ["code", "formaat", "dialect"]),
        ("/api/v1/metingen", "/api/v1/metingen", ["kpi", "periode", "jaar", "domein", "synthetisch", "pagina", "paginagrootte", "formaat", "dialect"]),
        ("/api/v1/streefwaarden", "/api/v1/streefwaarden", ["kpi", "domein", "pagina", "paginagrootte", "formaat", "dialect"]),
        ("/api/v1/toelichtingen", "/api/v1/toelichtingen", ["kpi", "kwartaal", "jaar", "alleVersies", "pagina", "paginagrootte", "formaat", "dialect"]),
        ("/api/v1/benchmark", "/api/v1/benchmark", ["domein", "taakveld", "jaar", "fase", "gemeente", "pagina", "paginagrootte", "formaat", "dialect"]),
        ("/api/v1/begrotingen", "/api/v1/begrotingen", ["jaar", "fase", "niveau", "programma", "taakveld", "pagina", "paginagrootte", "formaat", "dialect"]),
        ("/api/v1/datakwaliteit", "/api/v1/datakwaliteit", ["dataset", "pagina", "paginagrootte", "formaat", "dialect"]),
        ("/api/v1/kwartalen/{kwartaal}", "/api/v1/kwartalen/2020-K4", ["kwartaal", "stand", "versie", "pagina", "paginagrootte", "formaat", "dialect"]),
    ];

    /// <summary>The endpoints that answer one record rather than a page.</summary>
    private static bool IsSingleRecord(string path) => path == "/api/v1/kpis/{code}";

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpointAndParameter_WithTheRecordSchemas()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);
        var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        paths.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(Endpoints.Select(e => e.Path), "the document lists the API, and only the API");
        document.RootElement.GetProperty("info").GetProperty("title").GetString().Should().Contain("Open data");
        foreach (var (path, _, parameters) in Endpoints)
        {
            var get = paths.GetProperty(path).GetProperty("get");
            var listed = get.GetProperty("parameters").EnumerateArray().ToList();
            listed.Select(p => p.GetProperty("name").GetString()).Should().BeEquivalentTo(parameters, path);
            listed.Should().OnlyContain(p => p.GetProperty("description").GetString()!.Length > 0, $"every parameter of {path} is described");
            listed.Single(p => p.GetProperty("name").GetString() == parameters[0]).GetProperty("in").GetString().Should().Be(path.Contains('{', StringComparison.Ordinal) ? "path" : "query");
            get.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
            var content = get.GetProperty("responses").GetProperty("200").GetProperty("content");
            content.TryGetProperty("text/csv", out _).Should().BeTrue();
            var schema = content.GetProperty("application/json").GetProperty("schema");
            var record = IsSingleRecord(path) ? schema : schema.GetProperty("properties").GetProperty("gegevens").GetProperty("items");
            record.GetProperty("properties").EnumerateObject().Should().NotBeEmpty();
            if (!IsSingleRecord(path))
            {
                schema.GetProperty("properties").GetProperty("paginering").GetProperty("properties").TryGetProperty("totaal", out _).Should().BeTrue();
                get.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "paginagrootte")
                    .GetProperty("description").GetString().Should().Contain("10000");
            }
        }

        var benchmark = paths.GetProperty("/api/v1/benchmark").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("properties").GetProperty("gegevens").GetProperty("items").GetProperty("properties");
        benchmark.EnumerateObject().Select(p => p.Name).Should().Equal(BenchmarkDataset.Columns.Select(c => c.Name));
        benchmark.GetProperty("rang").GetProperty("type").EnumerateArray().Select(t => t.GetString()).Should().Contain("integer");
        benchmark.GetProperty("afwijkingG40Procent").GetProperty("type").EnumerateArray().Select(t => t.GetString()).Should().Contain("number");
    }

    [Fact]
    public async Task EveryEndpoint_AnswersAnonymousAndEveryRole_AndNeedsALoginWhenThePublicDashboardIsOff()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        foreach (var role in AllUsers)
        {
            using var client = await ClientAsync(factory, role);
            foreach (var (_, sample, _) in Endpoints)
            {
                var response = await client.GetAsync(new Uri(sample, UriKind.Relative));
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{role ?? "anoniem"} GET {sample}");
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                json.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
            }
        }

        await using var closed = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Dashboard:Public"] = "false" });
        using var anonymous = await ClientAsync(closed, null);
        using var council = await ClientAsync(closed, Roles.CouncilMember);
        foreach (var (_, sample, _) in Endpoints)
        {
            (await anonymous.GetAsync(new Uri(sample, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized, sample);
            (await council.GetAsync(new Uri(sample, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, sample);
        }

        (await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "the description itself holds no data");
    }

    [Fact]
    public async Task UnpublishedMeasurementsAndDraftCommentary_AreForStaffOnly()
    {
        await ExportData.ImportMeasurementsAsync(Database, "WMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;");
        await using (var db = Database.CreateContext())
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == "WMO_LEADTIME_WITHIN_TERM");
            var published = NewCommentary.Create(kpi.Id, Period.OfQuarter(2020, 4), "Gepubliceerde toelichting", CommentaryStatus.Published, "adviseur", DateTimeOffset.UtcNow);
            // A later draft of the published commentary: readers keep version 1.
            published.Versions.Add(new KpiCommentaryVersion { Version = 2, Text = "Nieuw concept", Status = CommentaryStatus.Draft, Author = "collega", CreatedAt = DateTimeOffset.UtcNow });
            db.KpiCommentaries.AddRange(
                published,
                NewCommentary.Create(kpi.Id, Period.OfQuarter(2020, 3), "Concept", CommentaryStatus.Draft, "adviseur", DateTimeOffset.UtcNow),
                NewCommentary.Create(kpi.Id, Period.OfQuarter(2021, 1), "Gepubliceerd maar kwartaal niet", CommentaryStatus.Published, "adviseur", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        foreach (var role in AllUsers)
        {
            using var client = await ClientAsync(factory, role);
            var staff = role is Roles.PolicyAdvisor or Roles.Controller or Roles.Administrator;
            var measurements = await JsonAsync(client, "/api/v1/metingen?kpi=WMO_LEADTIME_WITHIN_TERM");
            measurements.Select(m => m.GetProperty("periode").GetString()).Contains("2021-K1").Should().Be(staff, role ?? "anoniem");
            var commentary = await JsonAsync(client, "/api/v1/toelichtingen");
            (string?, int)[] heads = staff ? [("Concept", 1), ("Gepubliceerde toelichting", 1), ("Gepubliceerd maar kwartaal niet", 1)] : [("Gepubliceerde toelichting", 1)];
            commentary.Select(c => (c.GetProperty("tekst").GetString(), c.GetProperty("versie").GetInt32())).Should().BeEquivalentTo(heads, role ?? "anoniem");
            var versions = await JsonAsync(client, "/api/v1/toelichtingen?alleVersies=ja&kwartaal=2020-K4");
            // Datasets name the role, never the login name (issue 16), for staff too.
            (int, string?, string?)[] expectedVersions = staff ? [(1, "published", "beleidsadviseur"), (2, "draft", "beleidsadviseur")] : [(1, "published", "beleidsadviseur")];
            versions.Select(c => (c.GetProperty("versie").GetInt32(), c.GetProperty("statusCode").GetString(), c.GetProperty("auteur").GetString()))
                .Should().Equal(expectedVersions, role ?? "anoniem");
        }
    }

    [Fact]
    public async Task Collections_ArePaged_UpTo10000PerPage_WithMetadataAndLinks()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await ClientAsync(factory, null);
        await using var db = Database.CreateContext();
        var total = await db.BenchmarkObservations.CountAsync();

        var all = await client.GetAsync(new Uri("/api/v1/benchmark?paginagrootte=10000", UriKind.Relative));
        all.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var json = JsonDocument.Parse(await all.Content.ReadAsStringAsync()))
        {
            json.RootElement.GetProperty("gegevens").GetArrayLength().Should().Be(total).And.BeGreaterThan(2000);
            json.RootElement.GetProperty("paginering").GetProperty("totaal").GetInt64().Should().Be(total);
            json.RootElement.GetProperty("paginering").GetProperty("volgende").ValueKind.Should().Be(JsonValueKind.Null);
        }

        // Walk the pages by their links: together they are the whole collection, once.
        var seen = new List<string>();
        var next = "/api/v1/benchmark?domein=jeugd&paginagrootte=500";
        var pages = 0;
        while (next is not null)
        {
            var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            response.Headers.GetValues("X-Total-Count").Single().Should().NotBeNullOrEmpty();
            response.Headers.GetValues("Link").Single().Should().Contain("rel=\"first\"");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            seen.AddRange(json.RootElement.GetProperty("gegevens").EnumerateArray().Select(r =>
                $"{r.GetProperty("gemeenteCode")}/{r.GetProperty("taakveldCode")}/{r.GetProperty("jaar")}/{r.GetProperty("faseCode")}"));
            json.RootElement.GetProperty("paginering").GetProperty("pagina").GetInt32().Should().Be(++pages);
            next = json.RootElement.GetProperty("paginering").GetProperty("volgende").GetString();
        }

        var jeugd = await db.BenchmarkObservations.CountAsync(o => o.Domain == SocialDomainArea.Jeugd);
        seen.Should().HaveCount(jeugd).And.OnlyHaveUniqueItems();
        pages.Should().Be((jeugd + 499) / 500);

        var tooLarge = await client.GetAsync(new Uri("/api/v1/metingen?paginagrootte=10001", UriKind.Relative));
        tooLarge.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        tooLarge.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await tooLarge.Content.ReadAsStringAsync()).Should().Contain("paginagrootte");
        (await client.GetAsync(new Uri("/api/v1/metingen?domein=onbekend", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/api/v1/metingen?periode=2020-K9", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/api/v1/kpis/BESTAAT_NIET", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var one = await JsonSingleAsync(client, "/api/v1/kpis/SP_SCORE");
        one.GetProperty("kpiCode").GetString().Should().Be("SP_SCORE");
    }

    [Fact]
    public async Task Csv_OnRequest_HasTheSameColumnsAndValuesAsTheExport()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);

        var byQuery = await controller.GetAsync(new Uri("/api/v1/benchmark?formaat=csv&paginagrootte=10000", UriKind.Relative));
        byQuery.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var api = ExportCsv.Read(await byQuery.Content.ReadAsByteArrayAsync(), CsvDialect.Rfc4180);
        var (_, export) = await ExportCsv.DownloadAsync(controller, "/export/benchmark.csv", CsvDialect.Rfc4180);
        api.Headers.Should().Equal(export.Headers);
        api.Rows.Select(r => string.Join(",", r)).Should().Equal(export.Rows.Select(r => string.Join(",", r)), "same rows, same computed columns, same order");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/metingen?dialect=excel", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var byAccept = await controller.SendAsync(request);
        byAccept.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var measurements = ExportCsv.Read(await byAccept.Content.ReadAsByteArrayAsync(), CsvDialect.Excel);
        measurements.Headers.Should().Equal(SocialDomain.Web.Features.Kpis.MeasurementDataset.Columns.Select(c => c.Header));
        byAccept.Headers.GetValues("X-Total-Count").Single().Should().Be(measurements.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // JSON carries the same record: Hilversum, Jeugd totaal, 2018 jaarrekening.
        var hilversum = (await JsonAsync(controller, "/api/v1/benchmark?gemeente=GM0402&domein=jeugd&taakveld=totaal&jaar=2018&fase=jaarrekening")).Single();
        hilversum.GetProperty("rang").GetInt32().Should().Be(1);
        hilversum.GetProperty("percentiel").GetDecimal().Should().Be(100m);
        hilversum.GetProperty("saldoPerInwoner").GetDecimal().Should().Be(-191.4m);
        Math.Round(hilversum.GetProperty("afwijkingG40EuroPerInwoner").GetDecimal(), 2).Should().Be(-89.68m);
        var exportRow = export.Rows.Single(r => export.Text(r, "Gemeente-code") == "GM0402" && export.Text(r, "Domein-code") == "jeugd"
            && export.Text(r, "Taakveld-code") == string.Empty && export.Integer(r, "Jaar") == 2018 && export.Text(r, "Fase-code") == "jaarrekening");
        export.Number(exportRow, "Afwijking van G40-gemiddelde (%)").Should().Be(hilversum.GetProperty("afwijkingG40Procent").GetDecimal());
    }

    private static async Task<List<JsonElement>> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("gegevens").EnumerateArray().ToList();
    }

    private static async Task<JsonElement> JsonSingleAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
