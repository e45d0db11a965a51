using System.Net;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Security;

public class SecurityBaselineTests(TestDatabase database) : DatabaseTest(database)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/kpis")]
    [InlineData("/account/inloggen")]
    [InlineData("/css/site.css")]
    [InlineData("/health/live")]
    [InlineData("/bestaat-niet")]
    [InlineData("/.well-known/security.txt")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = Accounts.Client(factory);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task AuthenticatedPages_AreNotStored()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "adviseur");

        var response = await client.GetAsync(new Uri("/beheer", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRejected()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var client = Accounts.Client(factory);

        var response = await client.PostAsync(new Uri("/account/inloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "adviseur",
            ["Input.Password"] = Accounts.Password,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").Should().BeFalse("no session is started without the token");
    }

    [Fact]
    public async Task FiveFailedLogins_LockTheAccount_EvenForTheRightPassword()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var client = Accounts.Client(factory);

        for (var i = 0; i < 5; i++)
        {
            (await Accounts.LoginAsync(client, "adviseur", "fout-wachtwoord-" + i)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var response = await Accounts.LoginAsync(client, "adviseur");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the form is shown again instead of a redirect");
        html.Should().Contain("tijdelijk geblokkeerd");
    }

    [Fact]
    public async Task TooManyLoginAttempts_Get429()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Security:LoginAttemptsPerMinute"] = "3" });
        using var client = Accounts.Client(factory);

        // Only attempts count (issue 13): opening the login page ten times locks nobody out.
        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync(new Uri("/account/inloggen", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Accounts.LoginAsync(client, "niemand", "een-fout-wachtwoord-123")).StatusCode);
        }

        statuses.Should().StartWith([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK]).And.EndWith(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Passwords_NeedTwelveCharacters_ButNoCompositionRules()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services);

        var tooShort = await AdminBootstrap.CreateAsync(scope.ServiceProvider, "kort", "elf-tekens!");
        var longSimple = await AdminBootstrap.CreateAsync(scope.ServiceProvider, "lang", "alleenkleineletters");

        tooShort.Should().Equal("Het wachtwoord moet minstens 12 tekens lang zijn.");
        longSimple.Should().BeEmpty();
    }

    [Fact]
    public async Task Session_EndsAfterThirtyMinutesIdle()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "adviseur");
        (await client.GetAsync(new Uri("/beheer", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        (await client.GetAsync(new Uri("/beheer", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Session_EndsAfterTwelveHours_EvenWhenActive()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "adviseur");

        var statuses = new List<HttpStatusCode>();
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromHours(12.5); elapsed += TimeSpan.FromMinutes(20))
        {
            statuses.Add((await client.GetAsync(new Uri("/beheer", UriKind.Relative))).StatusCode);
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        statuses.Take(30).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.OK), "activity every 20 minutes keeps the session for 10 hours");
        statuses.Last().Should().Be(HttpStatusCode.Redirect, "after 12 hours the session ends regardless");
    }
}
