using System.Net;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Account;

/// <summary>Issue 15 item 7: after logging in a council member lands on the dashboard and sees no link to the staff area.</summary>
public class LandingTests(TestDatabase database) : DatabaseTest(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(Roles.CouncilMember, "/")]
    [InlineData(Roles.PolicyAdvisor, "/beheer")]
    [InlineData(Roles.Controller, "/beheer")]
    public async Task Login_WithoutReturnPage_LandsWhereTheRoleWorks(string role, string landing)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "gebruiker", role);
        using var client = Accounts.Client(factory);

        var login = await Accounts.LoginAsync(client, "gebruiker");
        login.Headers.Location!.OriginalString.Should().Be("/account/start");
        var start = await client.GetAsync(login.Headers.Location);

        start.StatusCode.Should().Be(HttpStatusCode.Redirect);
        start.Headers.Location!.OriginalString.Should().Be(landing);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        if (role == Roles.CouncilMember)
        {
            home.Should().NotContain("href=\"/beheer\"", "a council member has no staff area");
            home.Should().Contain("Uitloggen");
        }
        else
        {
            home.Should().Contain("href=\"/beheer\"");
        }
    }
}
