using System.Net;
using System.Text.Json;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>Issue 18 item 3: Dutch error pages with navigation for pages, problem+json for the API, in every environment.</summary>
public class ErrorPageTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/bestaat-niet", "Pagina niet gevonden")]
    [InlineData("/kpis/BESTAAT_NIET", "Pagina niet gevonden")]
    public async Task AnUnknownAddress_GetsTheDutch404Page_WithNavigation(string url, string title)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain($"<h1>{title}</h1>").And.Contain($"Foutcode 404 bij {url}").And.Contain("<a href=\"/kpis\">Alle KPI's</a>")
            .And.Contain("<nav aria-label=\"Hoofdmenu\">");
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Development")]
    public async Task ABadPageNumberOnTheApi_IsADutchProblem_InEveryEnvironment(string environment)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { ["environment"] = environment });
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/metingen?pagina=abc", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("title").GetString().Should().Be("Ongeldig verzoek");
        problem.RootElement.GetProperty("detail").GetString().Should().Be("pagina: 'abc' is geen geheel getal.");
        body.Should().NotContain("Exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task AnUnknownApiAddress_IsAProblemJson404()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/bestaat-niet", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Pagina niet gevonden");
    }

    [Fact]
    public async Task TooManyLoginAttempts_GetTheDutch429Page()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Security:LoginAttemptsPerMinute"] = "1" });
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "niemand", "fout-wachtwoord-123");

        var response = await Accounts.LoginAsync(client, "niemand", "fout-wachtwoord-123");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        html.Should().Contain("<h1>Te veel verzoeken</h1>").And.Contain("Wacht een minuut");
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The404Page_HasNoSeriousAccessibilityViolations_AndNoSidewaysScrolling(int width, int height)
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(app.Url("/bestaat-niet"));

        response!.Status.Should().Be(404);
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Pagina niet gevonden");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue();
        await context.CloseAsync();
    }
}
