using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Features.Findings;

namespace SocialDomain.Web.Api;

/// <summary>
/// The read-only open-data API, versioned under /api/v1 and described at /openapi/v1.json (docs/exports-and-api.md).
/// Every collection is filterable and paged (pagina, paginagrootte up to 10.000) and answers JSON, or CSV on
/// request (formaat=csv or Accept: text/csv). The records carry the same columns as the CSV exports, computed by the
/// same code. Access follows the pages: policy ReadDashboard, published data for everyone, unpublished measurements
/// and draft commentary only for roles that may see them (<see cref="Roles.MaySeeUnpublished"/>).
/// </summary>
public static class OpenDataApi
{
    public const string Prefix = "/api/v1";

    /// <summary>Dataset name of /api/v1/kwartalen/{kwartaal}.</summary>
    public const string QuarterStatusName = "kwartaalstatus";

    /// <summary>Services: the OpenAPI document, and 401/403 instead of login redirects for the API.</summary>
    public static IServiceCollection AddOpenDataApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", OpenApiDocumentation.Configure);

        // A program gets 401/403, not a redirect to the Dutch login page (pages keep their redirects).
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var toLogin = options.Events.OnRedirectToLogin;
            var toDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Status(context.Response, StatusCodes.Status401Unauthorized) : toLogin(context);
            options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request) ? Status(context.Response, StatusCodes.Status403Forbidden) : toDenied(context);
        });
        return services;
    }

    public static WebApplication MapOpenDataApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization(Policies.ReadDashboard).WithTags("Open data");

        api.MapGet("/kpis", (HttpContext http, SocialDomainDbContext db, string? domein, string? programma, string? zoek,
                int? pagina, int? paginagrootte, string? formaat, string? dialect) =>
            {
                var filters = new FilterReader();
                var filter = new KpiFilter(filters.Domain(domein), filters.Code(programma, "programma"), filters.Code(zoek, "zoek"));
                return QueryPageAsync(http, db, filters, KpiCatalogue.Name, KpiCatalogue.Columns, KpiCatalogue.Query(db, filter), pagina, paginagrootte, formaat, dialect);
            })
            .WithName("Kpis")
            .WithMetadata(Metadata(KpiCatalogue.Name, "KPI-definities", "De KPI-catalogus met definitie, eenheid, richting, frequentie, bron, eigenaar en wettelijke norm.", KpiCatalogue.Columns));

        api.MapGet("/kpis/{code}", async (HttpContext http, SocialDomainDbContext db, string code, string? formaat, string? dialect) =>
            {
                if (ApiParameters.Validate(1, 1, formaat, dialect, http.Request, out var request) is { } error)
                {
                    return Problem(error);
                }

                var kpi = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                    KpiCatalogue.Query(db, new KpiFilter(Code: code)), http.RequestAborted);
                if (kpi is null)
                {
                    return Results.Problem(title: "Niet gevonden", detail: $"Er is geen KPI met de code '{code}'.", statusCode: StatusCodes.Status404NotFound);
                }

                return request.Csv
                    ? ExportResults.Csv(http, KpiCatalogue.Name, request.Dialect, KpiCatalogue.Columns, [kpi], kpi.Code)
                    : new JsonRecordResult<KpiDefinition>(KpiCatalogue.Columns, kpi);
            })
            .WithName("Kpi")
            .WithMetadata(Metadata(KpiCatalogue.Name, "Eén KPI", "De definitie van één KPI (404 als de code niet bestaat).", KpiCatalogue.Columns, isCollection: false));

        api.MapGet("/metingen", async (HttpContext http, SocialDomainDbContext db, IConfiguration configuration, string? kpi, string? periode, int? jaar,
                string? domein, string? synthetisch, int? pagina, int? paginagrootte, string? formaat, string? dialect) =>
            {
                var filters = new FilterReader();
                var filter = DatasetFilters.Measurements(filters, kpi, periode, () => filters.Year(jaar, "jaar"), domein, synthetisch,
                    publishedOnly: !Visibility.MaySeeUnpublished(http.User));
                if (Check(http, filters, pagina, paginagrootte, formaat, dialect, out var request) is { } problem)
                {
                    return problem;
                }

                long total;
                await using (var connection = await ExportConnection.OpenAsync(db, configuration, http.RequestAborted))
                {
                    total = await MeasurementDataset.CountAsync(connection, filter, http.RequestAborted);
                }

                var paging = Paging(http, request, total);
                return Page(http, request, paging, MeasurementDataset.Name, MeasurementDataset.Columns,
                    ct => MeasurementDataset.StreamOnOwnConnectionAsync(db, configuration, filter, paging.Offset, request.PageSize, ct));
            })
            .WithName("Metingen")
            .WithMetadata(Metadata(MeasurementDataset.Name, "Metingen",
                "Metingen van de KPI's met publicatiestatus en de waarde bij publicatie. Zonder rol die ongepubliceerde gegevens mag zien: alleen metingen tot en met het laatst gepubliceerde kwartaal.",
                MeasurementDataset.Columns));

        api.MapGet("/streefwaarden", (HttpContext http, SocialDomainDbContext db, string? kpi, string? domein,
                int? pagina, int? paginagrootte, string? formaat, string? dialect) =>
            {
                var filters = new FilterReader();
                var filter = DatasetFilters.Targets(filters, kpi, domein);
                return QueryPageAsync(http, db, filters, TargetDataset.Name, TargetDataset.Columns, TargetDataset.Query(db, filter, TargetVersion.CurrentQuarter(http.RequestServices.GetRequiredService<TimeProvider>())), pagina, paginagrootte, formaat, dialect);
            })
            .WithName("Streefwaarden")
            .WithMetadata(Metadata(TargetDataset.Name, "Streefwaarden met historie", "Elke versie van elke streefwaarde (append-only): waarde, geldig vanaf, besluit (datum, wie, document), deadline, nulmeting, toleranties, reden, wie vastlegde.", TargetDataset.Columns));

        api.MapGet("/toelichtingen", async (HttpContext http, SocialDomainDbContext db, string? kpi, string? kwartaal, int? jaar, string? alleVersies,
                int? pagina, int? paginagrootte, string? formaat, string? dialect) =>
            {
                var filters = new FilterReader();
                var filter = DatasetFilters.Commentaries(filters, kpi, kwartaal, () => filters.Year(jaar, "jaar"), alleVersies,
                    publishedOnly: !Visibility.MaySeeUnpublished(http.User));
                return await QueryPageAsync(http, db, filters, CommentaryDataset.Name, CommentaryDataset.Columns, CommentaryDataset.Query(db, filter), pagina, paginagrootte, formaat, dialect);
            })
            .WithName("Toelichtingen")
            .WithMetadata(Metadata(CommentaryDataset.Name, "Toelichtingen",
                "Toelichtingen per KPI per kwartaal met versienummer, status, auteur, laatste wijziging en publicatie; met alleVersies=ja elke opgeslagen versie (append-only). Zonder rol die ongepubliceerde gegevens mag zien: alleen gepubliceerde toelichtingen (en versies) van gepubliceerde kwartalen; medewerkers zien ook concepten.",
                CommentaryDataset.Columns));

        api.MapGet("/kwartalen/{kwartaal}", async (HttpContext http, SocialDomainDbContext db, string kwartaal, string? stand, string? versie,
                int? pagina, int? paginagrootte, string? formaat, string? dialect) =>
            {
                if (Check(http, new FilterReader(), pagina, paginagrootte, formaat, dialect, out var request) is { } problem)
                {
                    return problem;
                }

                // The overview feature for this reader: the public and council members get the quarter's snapshot.
                var showsUnpublished = Visibility.MaySeeUnpublished(http.User);
                var report = OverviewReport.Build(await OverviewQuery.LoadAsync(db, kwartaal, showsUnpublished, http.RequestAborted, stand, versie, fullHistory: true), showsUnpublished);
                if (report.PublicationProblem is { } publicationProblem)
                {
                    return Problem(publicationProblem + ".");
                }

                if (OverviewSelection.Parse(kwartaal) is null)
                {
                    return Problem($"'{kwartaal}' is geen kwartaal; gebruik bijvoorbeeld 2020-K4.");
                }

                if (report.Selection.ExportMessage is { } message || report.SelectedQuarter is null)
                {
                    return Results.Problem(title: "Niet gevonden", detail: report.Selection.ExportMessage ?? $"Kwartaal {kwartaal} is niet beschikbaar.", statusCode: StatusCodes.Status404NotFound);
                }

                return ListPage(http, request, QuarterStatusName, OverviewColumns.Columns, OverviewColumns.Rows(report, null, null));
            })
            .WithName("Kwartaalstatus")
            .WithMetadata(Metadata(QuarterStatusName, "Status van alle KPI's in één kwartaal",
                "Wat het kwartaaloverzicht toont, per KPI: waarde en periode, streefwaarde die in het kwartaal geldt (versie, waarde), status, oordeel wettelijke norm, "
                + "de getoonde publicatie (versie en datum) en wat na publicatie is gewijzigd (\"gewijzigd na publicatie: nu …, bij publicatie …\"). Zonder rol die "
                + "ongepubliceerde gegevens mag zien: alleen gepubliceerde kwartalen, zoals gepubliceerd. stand=jjjj-mm-dd geeft het kwartaal zoals het op die dag "
                + "was gepubliceerd; versie=n een eerdere publicatie. 404 als het kwartaal niet beschikbaar is.",
                OverviewColumns.Columns));

        api.MapGet("/benchmark", async (HttpContext http, SocialDomainDbContext db, string? domein, string? taakveld, int? jaar, string? fase, string? gemeente,
                int? pagina, int? paginagrootte, string? formaat, string? dialect) =>
            {
                var filters = new FilterReader();
                var filter = DatasetFilters.Benchmark(filters, domein, taakveld, () => filters.Year(jaar, "jaar"), fase, gemeente);
                if (Check(http, filters, pagina, paginagrootte, formaat, dialect, out var request) is { } problem)
                {
                    return problem;
                }

                // Rank, percentile and the recomputed average need whole columns: compute them all, then page.
                var rows = await BenchmarkDataset.StreamAsync(db, filter, http.RequestAborted).ToListAsync(http.RequestAborted);
                return ListPage(http, request, BenchmarkDataset.Name, BenchmarkDataset.Columns, rows);
            })
            .WithName("Benchmark")
            .WithMetadata(Metadata(BenchmarkDataset.Name, "Benchmark G40",
                "Waarnemingen in € per inwoner (saldo zoals gedrukt) met het herberekende G40-gemiddelde, de afwijking daarvan in netto lasten, rang en percentiel (rang 1 = laagste netto lasten), berekend met SocialDomain.Core zoals op de benchmarkpagina.",
                BenchmarkDataset.Columns));

        api.MapGet("/begrotingen", async (HttpContext http, SocialDomainDbContext db, int? jaar, string? fase, string? niveau, string? programma, string? taakveld,
                int? pagina, int? paginagrootte, string? formaat, string? dialect) =>
            {
                var filters = new FilterReader();
                var filter = DatasetFilters.Budgets(filters, filters.Year(jaar, "jaar"), fase, niveau, programma, taakveld);
                if (Check(http, filters, pagina, paginagrootte, formaat, dialect, out var request) is { } problem)
                {
                    return problem;
                }

                var rows = await BudgetDataset.LoadAsync(db, filter, http.RequestAborted);
                return ListPage(http, request, BudgetDataset.Name, BudgetDataset.Columns, rows);
            })
            .WithName("Begrotingen")
            .WithMetadata(Metadata(BudgetDataset.Name, "Begrotingsregels met afwijkingen",
                "Elke begrotingsregel; op realisatieregels de afwijking ten opzichte van de (gewijzigde) begroting zoals op de begrotingspagina. Lasten positief, baten negatief.",
                BudgetDataset.Columns));

        api.MapGet("/datakwaliteit", (HttpContext http, SocialDomainDbContext db, string? dataset,
                int? pagina, int? paginagrootte, string? formaat, string? dialect) =>
            {
                var filters = new FilterReader();
                var filter = new FindingFilter(filters.Code(dataset, "dataset"));
                return QueryPageAsync(http, db, filters, FindingDataset.Name, FindingDataset.Columns, FindingDataset.Query(db, filter), pagina, paginagrootte, formaat, dialect);
            })
            .WithName("Datakwaliteit")
            .WithMetadata(Metadata(FindingDataset.Name, "Datakwaliteitsbevindingen", "Verschillen tussen vermelde en uit de onderdelen herberekende cijfers.", FindingDataset.Columns));

        return app;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static ApiDatasetMetadata Metadata<T>(string dataset, string summary, string description, ColumnSet<T> columns, bool isCollection = true) =>
        new(dataset, summary, description, columns.Select(c => new ApiColumn(c.Name, c.Type, c.Description, c.Header)).ToList(), isCollection);

    private static IResult Problem(string detail) =>
        Results.Problem(title: "Ongeldig verzoek", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult? Check(HttpContext http, FilterReader filters, int? page, int? pageSize, string? format, string? dialect, out ApiRequest request)
    {
        var error = ApiParameters.Validate(page, pageSize, format, dialect, http.Request, out request);
        var all = filters.Errors.Concat(error is null ? [] : [error]).ToList();
        return all.Count > 0 ? Problem(string.Join(" ", all)) : null;
    }

    private static ApiPaging Paging(HttpContext http, ApiRequest request, long total) =>
        new(request.Page, request.PageSize, total, http.Request.PathBase + http.Request.Path,
            http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal));

    private static IResult Page<T>(HttpContext http, ApiRequest request, ApiPaging paging, string dataset, ColumnSet<T> columns, Func<CancellationToken, IAsyncEnumerable<T>> rows)
    {
        if (!request.Csv)
        {
            return new JsonPageResult<T>(dataset, columns, paging, rows);
        }

        var csv = ExportResults.Csv(http, dataset, request.Dialect, columns, rows,
            "pagina-" + paging.Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        paging.AddHeaders(csv.Headers);
        return csv;
    }

    private static IResult ListPage<T>(HttpContext http, ApiRequest request, string dataset, ColumnSet<T> columns, IReadOnlyList<T> rows)
    {
        var paging = Paging(http, request, rows.Count);
        var page = rows.Skip((int)Math.Min(paging.Offset, int.MaxValue)).Take(request.PageSize).ToList();
        return Page(http, request, paging, dataset, columns, _ => page.ToAsyncEnumerable());
    }

    private static async Task<IResult> QueryPageAsync<T>(HttpContext http, SocialDomainDbContext db, FilterReader filters, string dataset, ColumnSet<T> columns,
        IQueryable<T> query, int? page, int? pageSize, string? format, string? dialect)
    {
        if (Check(http, filters, page, pageSize, format, dialect, out var request) is { } problem)
        {
            return problem;
        }

        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.LongCountAsync(query, http.RequestAborted);
        var paging = Paging(http, request, total);
        var pageQuery = query.Skip((int)Math.Min(paging.Offset, int.MaxValue)).Take(request.PageSize);
        return Page(http, request, paging, dataset, columns, ct => StreamingQuery.Stream(db, pageQuery, ct));
    }
}
