using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialDomain.Web.Exports;

namespace SocialDomain.Web.Api;

/// <summary>
/// The OpenAPI document of the open-data API (/openapi/v1.json): Dutch title and descriptions, every parameter
/// described, and the response schema of every endpoint built from the same column definitions that write the
/// records, so the document cannot drift from the data.
/// </summary>
public static class OpenApiDocumentation
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
        options.AddDocumentTransformer((document, context, _) =>
        {
            var municipality = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.MunicipalityOptions>>().Value;
            document.Info = new OpenApiInfo
            {
                Title = $"Open data Dashboard Sociaal Domein (gemeente {municipality.Name})",
                Version = "v1",
                Description = """
                    Alleen-lezen API met de cijfers van het dashboard sociaal domein: KPI's, metingen, streefwaarden met historie,
                    toelichtingen met hun versies (alleVersies=ja), de G40-benchmark (met afwijking van het herberekende G40-gemiddelde, rang en percentiel),
                    begrotingsregels met afwijkingen en datakwaliteitsbevindingen; per kwartaal (/api/v1/kwartalen/{kwartaal}) de status
                    van alle KPI's zoals het kwartaaloverzicht die toont, voor het publiek uit de bevroren publicatie, met wat daarna
                    is gewijzigd. stand=jjjj-mm-dd geeft de cijfers zoals ze op die dag waren gepubliceerd.

                    Gepubliceerde gegevens zijn openbaar zolang het publieke dashboard aan staat; anders is inloggen nodig (401).
                    Metingen na het laatst gepubliceerde kwartaal en concept-toelichtingen zijn alleen zichtbaar voor de rollen
                    Beleidsadviseur, Controller en Beheerder.

                    Elke collectie heeft de parameters pagina en paginagrootte (standaard 100, hoogstens 10.000) en geeft
                    pagineringsgegevens terug (in de JSON onder 'paginering', en in de headers X-Total-Count en Link).
                    JSON is de standaard; CSV met formaat=csv of Accept: text/csv, met dezelfde kolommen (kopregel in het
                    Nederlands) in dialect rfc4180 (standaard) of excel. Bedragen en waarden zijn getallen; een ontbrekende
                    waarde is null (JSON) of een leeg veld (CSV), nooit 0. Tijdstippen: ISO 8601 in Europe/Amsterdam.
                    """,
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiDatasetMetadata>().FirstOrDefault();
            if (metadata is null)
            {
                return Task.CompletedTask;
            }

            operation.Summary = metadata.Summary;
            operation.Description = metadata.Description;
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Name is { } name && ApiParameters.Descriptions.TryGetValue(name, out var text))
                {
                    parameter.Description = text;
                }
            }

            var record = RecordSchema(metadata);
            var body = metadata.IsCollection ? PageSchema(record) : record;
            operation.Responses ??= new OpenApiResponses();
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = metadata.IsCollection ? "Een pagina records, met pagineringsgegevens." : "Het record.",
                Headers = metadata.IsCollection
                    ? new Dictionary<string, IOpenApiHeader>
                    {
                        ["X-Total-Count"] = new OpenApiHeader { Description = "Totaal aantal records dat aan de filters voldoet.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                        ["Link"] = new OpenApiHeader { Description = "Links naar de eerste, vorige, volgende en laatste pagina (RFC 8288).", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    }
                    : null,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = body },
                    ["text/csv"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Description = "CSV met een kopregel met de Nederlandse kolomnamen: " + string.Join(", ", metadata.Columns.Select(c => c.Header)) + ".",
                        },
                    },
                },
            };
            operation.Responses["400"] = Problem("Ongeldige parameter; de Nederlandse melding staat in 'detail'.");
            operation.Responses["401"] = new OpenApiResponse { Description = "Inloggen nodig: het publieke dashboard staat uit." };
            if (!metadata.IsCollection)
            {
                operation.Responses["404"] = Problem("Niet gevonden.");
            }

            return Task.CompletedTask;
        });
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                        ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
        },
    };

    private static OpenApiSchema RecordSchema(ApiDatasetMetadata metadata) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"Een record van '{metadata.Dataset}'. Dezelfde kolommen als de CSV-export.",
        Properties = metadata.Columns.ToDictionary(c => c.Name, c => (IOpenApiSchema)ColumnSchema(c)),
        Required = metadata.Columns.Select(c => c.Name).ToHashSet(),
    };

    private static OpenApiSchema ColumnSchema(ApiColumn column)
    {
        var (type, format) = column.Type switch
        {
            ColumnType.Number => (JsonSchemaType.Number, null),
            ColumnType.Integer => (JsonSchemaType.Integer, "int64"),
            ColumnType.Boolean => (JsonSchemaType.Boolean, null),
            ColumnType.Date => (JsonSchemaType.String, "date"),
            ColumnType.Timestamp => (JsonSchemaType.String, "date-time"),
            _ => (JsonSchemaType.String, (string?)null),
        };
        return new OpenApiSchema
        {
            Type = type | JsonSchemaType.Null,
            Format = format,
            Description = $"{column.Description} (CSV-kolom \"{column.Header}\")",
        };
    }

    private static OpenApiSchema PageSchema(OpenApiSchema record) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "paginering", "gegevens" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["paginering"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Pagineringsgegevens.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["pagina"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Deze pagina (vanaf 1)." },
                    ["paginagrootte"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Records per pagina." },
                    ["totaal"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Totaal aantal records." },
                    ["paginas"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Aantal pagina's." },
                    ["eerste"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Link naar de eerste pagina." },
                    ["vorige"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Link naar de vorige pagina, of null." },
                    ["volgende"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Link naar de volgende pagina, of null." },
                    ["laatste"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Link naar de laatste pagina." },
                },
                Examples = [new JsonObject { ["pagina"] = 1, ["paginagrootte"] = 100, ["totaal"] = 46, ["paginas"] = 1 }],
            },
            ["gegevens"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = record, Description = "De records van deze pagina." },
        },
    };
}
