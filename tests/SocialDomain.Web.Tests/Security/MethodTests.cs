using System.Net;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Security;

/// <summary>Issue 16 item 2: unsupported methods answer 405, for anyone, never 500.</summary>
public class MethodTests(TestDatabase database) : DatabaseTest(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("TRACE", "/kpis/SP_SCORE")]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/api/v1/kpis")]
    [InlineData("PATCH", "/beheer")]
    [InlineData("OPTIONS", "/export")]
    public async Task AnUnsupportedMethod_Answers405(string method, string path)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = Accounts.Client(factory);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().NotBeEmpty("a 405 names the methods that are allowed");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.PolicyAdvisor)]
    public async Task APostToAReadOnlyPage_WithAValidToken_Answers405(string? role)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = Accounts.Client(factory);
        if (role is not null)
        {
            await Accounts.CreateAsync(factory, "gebruiker", role);
            await Accounts.LoginAsync(client, "gebruiker");
        }

        var token = await Accounts.AntiforgeryTokenAsync(client, "/account/inloggen");
        using var response = await client.PostAsync(new Uri("/kpis/SP_SCORE", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }
}
