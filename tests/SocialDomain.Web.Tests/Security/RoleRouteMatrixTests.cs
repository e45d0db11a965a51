using System.Net;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Security;

/// <summary>Every route × anonymous and each role, against the expected outcome.</summary>
public class RoleRouteMatrixTests(TestDatabase database) : DatabaseTest(database)
{
    internal const string Ok = "200";
    private const string Login = "login";
    private const string Denied = "denied";

    // Columns: anonymous, Raadslid, Beleidsadviseur, Controller, Beheerder.
    /// <summary>Every route with the outcome per column; <see cref="Pages.EveryPageSweepTests"/> opens each page from this list.</summary>
    internal static readonly (string Route, string[] Expected)[] Matrix =
    [
        ("/", [Ok, Ok, Ok, Ok, Ok]),
        ("/kpis", [Ok, Ok, Ok, Ok, Ok]),
        ("/kpis/SP_SCORE", [Ok, Ok, Ok, Ok, Ok]),
        ("/benchmark", [Ok, Ok, Ok, Ok, Ok]),
        ("/begroting", [Ok, Ok, Ok, Ok, Ok]),
        ("/projecten", [Ok, Ok, Ok, Ok, Ok]),
        ("/projecten/W7_ICT", [Ok, Ok, Ok, Ok, Ok]),
        ("/projecten/onbekend", ["404", "404", "404", "404", "404"]),
        ("/reserves", [Ok, Ok, Ok, Ok, Ok]),
        ("/domeinen", [Ok, Ok, Ok, Ok, Ok]),
        ("/domeinen/jeugd", [Ok, Ok, Ok, Ok, Ok]),
        ("/domeinen/wmo", [Ok, Ok, Ok, Ok, Ok]),
        ("/domeinen/participatie", [Ok, Ok, Ok, Ok, Ok]),
        ("/domeinen/voorveld", [Ok, Ok, Ok, Ok, Ok]),
        ("/domeinen/onbekend", ["404", "404", "404", "404", "404"]),
        ("/export", [Ok, Ok, Ok, Ok, Ok]),
        ("/rapportage/2020-K4", [Ok, Ok, Ok, Ok, Ok]),
        ("/account/inloggen", [Ok, Ok, Ok, Ok, Ok]),
        ("/account/tweestapsverificatie", [Login, Ok, Ok, Ok, Ok]),
        ("/beheer", [Login, Denied, Ok, Ok, Ok]),
        ("/beheer/streefwaarden", [Login, Denied, Ok, Denied, Denied]),
        ("/beheer/streefwaarde/SP_SCORE", [Login, Denied, Ok, Denied, Denied]),
        ("/beheer/toelichting", [Login, Denied, Ok, Denied, Denied]),
        ("/beheer/publiceren", [Login, Denied, Ok, Denied, Denied]),
        ("/beheer/import", [Login, Denied, Denied, Ok, Denied]),
        ("/beheer/import?handler=Sjabloon&naam=metingen", [Login, Denied, Denied, Ok, Denied]),
        ("/beheer/gebruikers", [Login, Denied, Denied, Denied, Ok]),
        ("/beheer/gebruikers/onbekend/wachtwoord", [Login, Denied, Denied, Denied, "404"]),
        ("/account/wachtwoord", [Login, Ok, Ok, Ok, Ok]),
        ("/beheer/audit", [Login, Denied, Denied, Denied, Ok]),
        ("/beheer/te-leveren", [Login, Denied, Ok, Ok, Ok]),
        ("/beheer/metingen/SP_SCORE", [Login, Denied, Ok, Ok, Denied]),
        ("/beheer/invoer", [Login, Denied, Ok, Ok, Denied]),
        ("/beheer/kpis", [Login, Denied, Ok, Denied, Ok]),
        ("/beheer/kpis/nieuw", [Login, Denied, Ok, Denied, Ok]),
        ("/beheer/kpis/SP_SCORE/bewerken", [Login, Denied, Ok, Denied, Ok]),
        ("/beheer/programmas", [Login, Denied, Ok, Denied, Ok]),
        ("/beheer/taakvelden", [Login, Denied, Ok, Denied, Ok]),
        ("/beheer/begroting", [Login, Denied, Ok, Ok, Denied]),
        ("/beheer/begroting?corrigeer=1", [Login, Denied, Ok, Ok, Denied]),
        ("/beheer/toelichtingsgrenzen", [Login, Denied, Denied, Denied, Ok]),
    ];

    /// <summary>The columns of <see cref="Matrix"/>: anonymous, then each role.</summary>
    internal static readonly string?[] Users = [null, Roles.CouncilMember, Roles.PolicyAdvisor, Roles.Controller, Roles.Administrator];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task EveryRoute_GivesEachRoleExactlyTheExpectedAccess()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        var unexpected = new List<string>();
        for (var u = 0; u < Users.Length; u++)
        {
            using var client = Accounts.Client(factory);
            if (Users[u] is { } role)
            {
                await Accounts.CreateAsync(factory, "gebruiker-" + role.ToLowerInvariant(), role);
                (await Accounts.LoginAsync(client, "gebruiker-" + role.ToLowerInvariant())).StatusCode.Should().Be(HttpStatusCode.Redirect);
            }

            foreach (var (route, expected) in Matrix)
            {
                var response = await client.GetAsync(new Uri(route, UriKind.Relative));
                var outcome = Classify(response);
                if (outcome != expected[u])
                {
                    unexpected.Add($"{Users[u] ?? "anoniem"} GET {route}: verwacht {expected[u]}, kreeg {outcome} ({(int)response.StatusCode})");
                }
            }
        }

        unexpected.Should().BeEmpty();
    }

    [Fact]
    public async Task WithThePublicDashboardOff_AnonymousVisitorsMustLogIn_AndCouncilMembersStillRead()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Dashboard:Public"] = "false" });
        using var anonymous = Accounts.Client(factory);
        foreach (var route in new[] { "/", "/kpis", "/kpis/SP_SCORE", "/benchmark", "/begroting" })
        {
            Classify(await anonymous.GetAsync(new Uri(route, UriKind.Relative))).Should().Be(Login, route);
        }

        using var council = Accounts.Client(factory);
        await Accounts.CreateAsync(factory, "raadslid", Roles.CouncilMember);
        await Accounts.LoginAsync(council, "raadslid");
        foreach (var route in new[] { "/", "/kpis", "/kpis/SP_SCORE", "/benchmark", "/begroting" })
        {
            Classify(await council.GetAsync(new Uri(route, UriKind.Relative))).Should().Be(Ok, route);
        }
    }

    private static string Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Ok,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/inloggen", StringComparison.Ordinal) == true => Login,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/geen-toegang", StringComparison.Ordinal) == true => Denied,
        HttpStatusCode.Forbidden => Denied,
        _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
