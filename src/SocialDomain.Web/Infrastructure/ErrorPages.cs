using System.Globalization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Dutch answers for every error status (issue 18 item 3): pages get the Dutch error page with navigation
/// (<c>/Fout/{code}</c>, re-executed so the address and status stay), the API gets problem+json, and bad query input
/// never reaches the developer exception page. Responses that already carry a body (export and API messages, the
/// database-outage page) are left as they are.
/// </summary>
public static class ErrorPages
{
    public const string PagePath = "/Fout";

    /// <summary>The query parameters of the API that must be whole numbers.</summary>
    private static readonly string[] WholeNumberParameters = ["pagina", "paginagrootte", "jaar"];

    /// <summary>Title and explanation of an error status, in Dutch.</summary>
    public static (string Title, string Text) Describe(int status) => status switch
    {
        400 => ("Ongeldig verzoek", "Een waarde in het adres of in het formulier kon niet worden gelezen. Controleer het adres of ga terug en probeer het opnieuw."),
        403 => ("Geen toegang", "U hebt geen toegang tot deze pagina. Log in met een account dat deze pagina mag zien."),
        404 => ("Pagina niet gevonden", "Op dit adres staat geen pagina. Misschien is de link verouderd of bestaat de KPI of het kwartaal niet."),
        405 => ("Niet toegestaan", "Deze pagina kan op deze manier niet worden gebruikt."),
        413 => ("Te groot", "Het verzonden bestand of formulier is te groot."),
        429 => ("Te veel verzoeken", "Er zijn te veel pogingen gedaan. Wacht een minuut en probeer het dan opnieuw."),
        503 => ("Tijdelijk niet beschikbaar", "Het dashboard is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw."),
        _ => ("Er ging iets mis", "Deze pagina kon niet worden getoond. Probeer het later opnieuw. Blijft het probleem bestaan, neem dan contact op met de beheerder."),
    };

    public static IServiceCollection AddErrorPages(this IServiceCollection services)
    {
        // A value that does not bind (?pagina=abc) is a 400 in every environment, never an exception page.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails.Detail is null)
            {
                var (title, text) = Describe(status);
                context.ProblemDetails.Title = title;
                context.ProblemDetails.Detail = status == StatusCodes.Status400BadRequest ? BadQueryDetail(context.HttpContext.Request.Query) : text;
            }
        });
        return services;
    }

    /// <summary>Dutch pages for page requests and problem+json for the API, for responses without a body.</summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(context => IsApi(context.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request.Path), pages => pages.UseStatusCodePagesWithReExecute(PagePath + "/{0}"));
        return app;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Which whole-number parameters could not be read, e.g. "pagina: 'abc' is geen geheel getal".</summary>
    public static string BadQueryDetail(IQueryCollection query)
    {
        var bad = WholeNumberParameters
            .Where(name => query.TryGetValue(name, out var values) && values.Any(v => !int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            .Select(name => $"{name}: '{SocialDomain.Core.Domain.TextLimits.Shown(query[name].ToString())}' is geen geheel getal")
            .ToList();
        return bad.Count == 0
            ? "Een parameter van de vraag heeft een ongeldige waarde; zie /openapi/v1.json voor de toegestane waarden."
            : string.Join("; ", bad) + ".";
    }

}
