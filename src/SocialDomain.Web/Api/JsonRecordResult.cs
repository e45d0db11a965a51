using System.Text.Json;
using SocialDomain.Web.Exports;

namespace SocialDomain.Web.Api;

/// <summary>One record as a JSON object, with the same columns as the collection.</summary>
public sealed class JsonRecordResult<T>(IReadOnlyList<Column<T>> columns, T record) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(httpContext.Response.Body);
        json.WriteStartObject();
        foreach (var column in columns)
        {
            column.WriteJson(json, record);
        }

        json.WriteEndObject();
        await json.FlushAsync(httpContext.RequestAborted);
    }
}
