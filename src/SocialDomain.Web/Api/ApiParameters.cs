using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;
using SocialDomain.Web.Exports;

namespace SocialDomain.Web.Api;

/// <summary>The query parameters every collection of the open-data API takes, with their Dutch descriptions.</summary>
public static class ApiParameters
{
    public const string Page = "pagina";
    public const string PageSize = "paginagrootte";
    public const string Format = "formaat";
    public const string Dialect = CsvDialect.QueryParameter;

    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 10_000;

    /// <summary>Descriptions of every parameter name used by the API, for the OpenAPI document.</summary>
    public static readonly FrozenDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Page] = "Paginanummer, vanaf 1 (standaard 1).",
        [PageSize] = $"Aantal records per pagina: 1 tot en met {MaxPageSize} (standaard {DefaultPageSize}).",
        [Format] = "json (standaard) of csv. Zonder formaat geeft de Accept-header de doorslag: text/csv geeft CSV.",
        [Dialect] = "Alleen bij csv: rfc4180 (standaard voor de API: komma, decimale punt, UTF-8 zonder BOM) of excel (puntkomma, decimale komma, UTF-8 met BOM).",
        ["kpi"] = "KPI-code, bijvoorbeeld SP_SCORE.",
        ["periode"] = "Precies deze periode: een jaar (2020) of een kwartaal (2020-K4).",
        ["kwartaal"] = "Een kwartaal, bijvoorbeeld 2020-K4.",
        ["jaar"] = "Jaar, bijvoorbeeld 2020.",
        ["domein"] = "Domein als code: wmo, jeugd, werk_inkomen, sociaal_plein, voorveld of sociaal_domein.",
        ["programma"] = "Nummer van het begrotingsprogramma, bijvoorbeeld 2.",
        ["zoek"] = "Zoekterm in naam, definitie of code.",
        ["synthetisch"] = "ja = alleen synthetische (gegenereerde) metingen, nee = alleen metingen uit de bronnen.",
        ["alleVersies"] = "ja = elke opgeslagen versie van elke toelichting (zonder medewerkersrol alleen de gepubliceerde versies van gepubliceerde kwartalen); nee (standaard) = per kwartaal de tekst die lezers zien.",
        ["taakveld"] = "IV3-taakveld, bijvoorbeeld 6.72; bij de benchmark 'totaal' voor de domeintotalen.",
        ["fase"] = "Benchmark: jaarrekening of begroting. Begroting: primitieve_begroting, gewijzigde_begroting, realisatie of wijziging.",
        ["gemeente"] = "CBS-code van een gemeente (GM gevolgd door vier cijfers) of de code van een gemiddelde (G40, G4, NL, GK1–GK8).",
        ["niveau"] = "programme, task_field, lot of total.",
        ["dataset"] = "Dataset van de bevinding, bijvoorbeeld g40.",
        ["code"] = "KPI-code, bijvoorbeeld SP_SCORE.",
        ["stand"] = "Datum (jjjj-mm-dd): de cijfers zoals ze aan het eind van die dag (Europe/Amsterdam) waren gepubliceerd. Vóór de eerste publicatie of geen datum: 400.",
        ["versie"] = "Publicatieversie van het kwartaal: 1 = de eerste publicatie, hoger = een correctie; leeg = de nieuwste.",
    }.ToFrozenDictionary();

    /// <summary>Validates paging and format; returns a Dutch error or null.</summary>
    public static string? Validate(int? page, int? pageSize, string? format, string? dialect, HttpRequest request, out ApiRequest result)
    {
        var errors = new List<string>();
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1 || p > 10_000_000)
        {
            errors.Add($"'{Page}' moet een geheel getal van 1 of meer zijn.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add($"'{PageSize}' moet tussen 1 en {MaxPageSize} liggen.");
        }

        var csv = format?.Trim().ToLowerInvariant() switch
        {
            null or "" => PrefersCsv(request),
            "json" => false,
            "csv" => true,
            _ => (bool?)null,
        };
        if (csv is null)
        {
            errors.Add($"Onbekend formaat '{format!.Trim()}': kies json of csv.");
        }

        var csvDialect = CsvDialect.Rfc4180;
        if (!string.IsNullOrWhiteSpace(dialect) && !CsvDialect.TryParse(dialect, out csvDialect, out var dialectError))
        {
            errors.Add(dialectError!);
        }

        result = new ApiRequest(p, size, csv == true, csvDialect);
        return errors.Count == 0 ? null : string.Join(" ", errors);
    }

    /// <summary>True when the Accept header asks for text/csv more than for JSON (a tie gives JSON).</summary>
    public static bool PrefersCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
        {
            return false;
        }

        double Quality(string mediaType) => accept
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1d).DefaultIfEmpty(-1d).Max();
        var csv = Quality("text/csv");
        return csv > 0 && csv > Quality("application/json");
    }
}

/// <summary>The validated common parameters of an API request.</summary>
public sealed record ApiRequest(int Page, int PageSize, bool Csv, CsvDialect Dialect);

/// <summary>Endpoint metadata: which dataset an endpoint returns (the OpenAPI transformer builds its schema from the columns).</summary>
public sealed record ApiDatasetMetadata(string Dataset, string Summary, string Description, IReadOnlyList<ApiColumn> Columns, bool IsCollection = true);

/// <summary>A column as the OpenAPI document describes it.</summary>
public sealed record ApiColumn(string Name, ColumnType Type, string Description, string Header);
