using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using SocialDomain.Web.Tests.Security;

namespace SocialDomain.Web.Tests.Setup;

/// <summary>
/// Issue 19 item 1: the municipality comes from configuration (Municipality:Code/Name), the Hilversum documents are a
/// labelled demo dataset (Database:DemoData), and without it a Beheerder is guided to set up.
/// </summary>
public partial class MunicipalityConfigurationTests(TestDatabase database) : DatabaseTest(database)
{
    /// <summary>Amsterdam without the demo dataset, as an installation for another municipality runs.</summary>
    private static readonly Dictionary<string, string?> Amsterdam = new()
    {
        ["Municipality:Code"] = "GM0363",
        ["Municipality:Name"] = "Amsterdam",
        ["Database:DemoData"] = "false",
    };

    private static readonly string?[] Users = RoleRouteMatrixTests.Users;

    [Fact]
    public async Task AnotherMunicipality_WithoutTheDemo_NoPageExportOrApiDocumentMentionsHilversum_AndItIsTheBenchmarkHome()
    {
        await ArrangeOwnDataAsync();
        await using var factory = new DashboardFactory(Database.ConnectionString, Amsterdam);
        var mentions = new List<string>();
        void Check(string what, string body)
        {
            if (body.Contains("hilversum", StringComparison.OrdinalIgnoreCase))
            {
                mentions.Add($"{what}: …{Around(body, "hilversum")}…");
            }
        }

        // Every public and staff page of the matrix, by every column that may open it.
        var pages = 0;
        for (var u = 0; u < Users.Length; u++)
        {
            using var client = await ClientAsync(factory, Users[u], "amsterdam");
            foreach (var (route, expected) in RoleRouteMatrixTests.Matrix.Where(r => r.Expected[u] == RoleRouteMatrixTests.Ok))
            {
                var response = await client.GetAsync(new Uri(route, UriKind.Relative));
                // Without the demo nothing is published, so the council report of the matrix's quarter does not exist.
                response.StatusCode.Should().Be(route.StartsWith("/rapportage/", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, $"{Users[u] ?? "anoniem"} GET {route}");
                Check($"{Users[u] ?? "anoniem"} GET {route}", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
                pages++;
            }
        }

        using var administrator = await ClientAsync(factory, Roles.Administrator, "amsterdam-export");
        using var controller = await ClientAsync(factory, Roles.Controller, "amsterdam-export");

        // Every import template (the municipality's examples are its own).
        foreach (var format in DatasetFormats.All)
        {
            Check($"sjabloon {format.DutchName}", await controller.GetStringAsync(new Uri(SocialDomain.Web.Features.Setup.SetupChecklist.Template(format.DutchName), UriKind.Relative)));
        }

        (await controller.GetStringAsync(new Uri(SocialDomain.Web.Features.Setup.SetupChecklist.Template("gemeenten"), UriKind.Relative)))
            .Should().Contain("GM0363").And.Contain("Amsterdam");

        // Every table and bulk export.
        foreach (var export in ExportCatalogue.All)
        {
            var url = export.Path + (export.Parameters.Any(p => p.Required) ? "?kpi=SP_SCORE" : string.Empty);
            var response = await administrator.GetAsync(new Uri(url, UriKind.Relative));
            ((int)response.StatusCode).Should().BeLessThan(500, url);
            Check(url, await response.Content.ReadAsStringAsync());
        }

        // The OpenAPI document and every API endpoint the app maps, as JSON and CSV.
        Check("/openapi/v1.json", await administrator.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var apiRoutes = ApiRoutes(factory);
        apiRoutes.Should().Contain("/api/v1/benchmark").And.Contain("/api/v1/kpis/SP_SCORE");
        foreach (var route in apiRoutes)
        {
            foreach (var format in new[] { "json", "csv" })
            {
                var response = await administrator.GetAsync(new Uri($"{route}?formaat={format}", UriKind.Relative));
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{route} ({format})");
                Check($"{route} ({format})", await response.Content.ReadAsStringAsync());
            }
        }

        pages.Should().BeGreaterThan(50, "every column of the matrix opened its pages");
        mentions.Should().BeEmpty();

        // The benchmark's home is the configured municipality, also in its exports; its peers include non-G40 municipalities.
        using var anonymous = Accounts.Client(factory);
        var benchmark = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/benchmark", UriKind.Relative)));
        SelectedHome().Match(benchmark).Groups["code"].Value.Should().Be("GM0363");
        benchmark.Should().Contain("Amsterdam: Jeugd totaal, 2019 jaarrekening").And.Contain("niet gerangschikt: geen G40-gemeente");
        benchmark.Should().Contain("Dashboard Sociaal Domein <span class=\"brand-sub\">Gemeente Amsterdam</span>");
        (await anonymous.GetStringAsync(new Uri("/export/benchmark-zoals-wij.csv", UriKind.Relative))).Should().Contain("Amsterdam").And.Contain("Rotterdam");
        (await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).Should().Contain("Open data Dashboard Sociaal Domein (gemeente Amsterdam)");
    }

    [Fact]
    public async Task WithTheDemoDataset_EveryPageShowsTheDemoLabel_AndWithoutItNone()
    {
        await using (var db = Database.CreateContext())
        {
            (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        }

        await using var demo = new DashboardFactory(Database.ConnectionString);
        var unlabelled = new List<string>();
        for (var u = 0; u < Users.Length; u++)
        {
            using var client = await ClientAsync(demo, Users[u], "demo");
            foreach (var (route, _) in RoleRouteMatrixTests.Matrix.Where(r => r.Expected[u] == RoleRouteMatrixTests.Ok && !r.Route.Contains("handler=", StringComparison.Ordinal)))
            {
                var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(route, UriKind.Relative)));
                if (!html.Contains("id=\"demo-label\"", StringComparison.Ordinal) || !html.Contains(DemoDataset.Label, StringComparison.Ordinal))
                {
                    unlabelled.Add($"{Users[u] ?? "anoniem"} GET {route}");
                }
            }
        }

        unlabelled.Should().BeEmpty();
        using (var anonymous = Accounts.Client(demo))
        {
            var notFound = await anonymous.GetAsync(new Uri("/bestaat-niet", UriKind.Relative));
            notFound.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await notFound.Content.ReadAsStringAsync()).Should().Contain("id=\"demo-label\"", "error pages use the layout too");
        }

        await using var own = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Database:DemoData"] = "false" });
        using var reader = Accounts.Client(own);
        var start = await reader.GetStringAsync(new Uri("/", UriKind.Relative));
        start.Should().NotContain("demo-label").And.Contain("Gemeente Hilversum", "the configured name is still Hilversum's");
    }

    [Fact]
    public async Task WithoutTheDemo_StartupLoadsNothing_ThePublicPageSaysThereAreNoFigures_AndBeheerGuidesTheSetUp()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?>(Amsterdam) { ["Database:SeedOnStartup"] = "true" });
        using var anonymous = Accounts.Client(factory);
        var start = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/", UriKind.Relative)));

        await using (var db = Database.CreateContext())
        {
            (await db.Municipalities.AnyAsync()).Should().BeFalse("no G40 seed without the demo dataset, even with SeedOnStartup");
            (await db.Kpis.AnyAsync()).Should().BeFalse("no Hilversum seed without the demo dataset");
        }

        start.Should().Contain("Er staan nog geen cijfers van Gemeente Amsterdam in dit dashboard").And.NotContain("demo-label");

        using var staff = Accounts.Client(factory);
        await Accounts.CreateAsync(factory, "inrichter", Roles.PolicyAdvisor, Roles.Controller, Roles.Administrator);
        (await Accounts.LoginAsync(staff, "inrichter")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var beheer = WebUtility.HtmlDecode(await staff.GetStringAsync(new Uri("/beheer", UriKind.Relative)));
        var steps = SetupStep().Matches(beheer).Select(m => (Id: m.Groups["id"].Value, Done: m.Groups["state"].Value == "status-on-track")).ToList();
        steps.Select(s => s.Id).Should().Equal("inrichten-programmas", "inrichten-kpis", "inrichten-cijfers", "inrichten-benchmark", "inrichten-publiceren");
        steps.Should().OnlyContain(s => !s.Done);

        // Every link of the checklist opens an existing page or template.
        var checklist = beheer[beheer.IndexOf("id=\"inrichten-checklist\"", StringComparison.Ordinal)..];
        checklist = checklist[..checklist.IndexOf("</section>", StringComparison.Ordinal)];
        var links = ChecklistLinks().Matches(checklist).Select(m => m.Groups["href"].Value).Distinct().ToList();
        links.Should().Contain("/beheer/import").And.Contain("/beheer/kpis/nieuw").And.Contain("/beheer/programmas").And.Contain("/beheer/import?handler=Sjabloon&naam=metingen");
        foreach (var link in links)
        {
            (await staff.GetAsync(new Uri(link, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, link);
        }

        // A step is done once its data is there.
        await ImportAsync(("programmes.csv", "code;name\n1;Sociaal domein\n"), ("task_fields.csv", "code;name;domain;programme\n6.72;Maatwerkdienstverlening 18-;jeugd;1\n"));
        var after = WebUtility.HtmlDecode(await staff.GetStringAsync(new Uri("/beheer", UriKind.Relative)));
        SetupStep().Matches(after).Select(m => m.Groups["state"].Value).Should().Equal(
            "status-on-track", "status-attention", "status-attention", "status-attention", "status-attention");

        // With the demo dataset on there is no checklist.
        await using var demo = new DashboardFactory(Database.ConnectionString);
        using var demoStaff = Accounts.Client(demo);
        await Accounts.LoginAsync(demoStaff, "inrichter");
        (await demoStaff.GetStringAsync(new Uri("/beheer", UriKind.Relative))).Should().NotContain("inrichten-checklist");
    }

    [Theory]
    [InlineData("GM0363", "Amsterdam", null)]
    [InlineData("GM363", "Amsterdam", "Municipality:Code 'GM363' is geen CBS-gemeentecode")]
    [InlineData("0363", "Amsterdam", "expected GM followed by four digits")]
    [InlineData("gm0363", "Amsterdam", "verwacht GM gevolgd door vier cijfers")]
    [InlineData("GM0363", " ", "Municipality:Name ontbreekt")]
    public void Settings_AreCheckedBeforeTheAppStarts(string code, string name, string? problem)
    {
        var message = MunicipalityOptions.Problem(new MunicipalityOptions { Code = code, Name = name });

        if (problem is null)
        {
            message.Should().BeNull();
        }
        else
        {
            message.Should().Contain(problem).And.StartWith("Ongeldige instelling van de gemeente (invalid municipality settings)");
        }
    }

    [Fact]
    public void Logo_MustBeAnExistingImageFile_OrAnHttpsAddress_WhichTheContentSecurityPolicyThenAllows()
    {
        var file = Path.Combine(Path.GetTempPath(), $"logo-{Guid.NewGuid():N}.svg");
        File.WriteAllText(file, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        try
        {
            MunicipalityOptions.Problem(new() { Code = "GM0363", Name = "Amsterdam", LogoPath = file }).Should().BeNull();
            MunicipalityOptions.Problem(new() { Code = "GM0363", Name = "Amsterdam", LogoPath = file + ".txt" }).Should().Contain("Municipality:LogoPath");
            MunicipalityOptions.Problem(new() { Code = "GM0363", Name = "Amsterdam", LogoUrl = "http://example.org/logo.svg" }).Should().Contain("Municipality:LogoUrl");
            new MunicipalityOptions { LogoUrl = "https://cdn.example.org/a/logo.svg" }.LogoOrigin.Should().Be("https://cdn.example.org");
            new MunicipalityOptions { LogoPath = file }.LogoSource.Should().Be(MunicipalityOptions.LogoRoute);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ConfiguredLogoFile_IsServedAndShownInTheHeader_AndALogoAddressIsAllowedByTheContentSecurityPolicy()
    {
        var file = Path.Combine(Path.GetTempPath(), $"logo-{Guid.NewGuid():N}.svg");
        await File.WriteAllTextAsync(file, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
        try
        {
            await using var withFile = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?>(Amsterdam) { ["Municipality:LogoPath"] = file, ["Municipality:Contact"] = "info@amsterdam.invalid" });
            using var client = Accounts.Client(withFile);
            var start = await client.GetStringAsync(new Uri("/", UriKind.Relative));
            start.Should().Contain("<img class=\"brand-logo\" src=\"/gemeente/logo\" alt=\"\" />").And.Contain("Contact: info@amsterdam.invalid");
            var logo = await client.GetAsync(new Uri(MunicipalityOptions.LogoRoute, UriKind.Relative));
            logo.StatusCode.Should().Be(HttpStatusCode.OK);
            logo.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");

            await using var withUrl = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?>(Amsterdam) { ["Municipality:LogoUrl"] = "https://cdn.example.org/amsterdam/logo.svg" });
            using var other = Accounts.Client(withUrl);
            var response = await other.GetAsync(new Uri("/", UriKind.Relative));
            (await response.Content.ReadAsStringAsync()).Should().Contain("src=\"https://cdn.example.org/amsterdam/logo.svg\"");
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("img-src 'self' data: https://cdn.example.org;");
            (await other.GetAsync(new Uri(MunicipalityOptions.LogoRoute, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The503Page_NamesTheConfiguredMunicipality_AndLabelsTheDemo(bool demo)
    {
        var services = new ServiceCollection()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new MunicipalityOptions { Code = "GM0363", Name = "Amsterdam" }))
            .AddSingleton(new DemoDataset(demo))
            .BuildServiceProvider();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        await DatabaseUnavailableMiddleware.WriteUnavailableAsync(context);

        context.Response.StatusCode.Should().Be(503);
        var page = WebUtility.HtmlDecode(Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
        page.Should().Contain("<span class=\"brand-sub\">Gemeente Amsterdam</span>");
        page.Contains(DemoDataset.Label, StringComparison.Ordinal).Should().Be(demo);
        page.Contains("Hilversum", StringComparison.Ordinal).Should().Be(demo, "only the demo label names the demo's source");
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("true", "true", true)]
    [InlineData("true", "false", false)]
    [InlineData("false", "true", false)]
    [InlineData("false", null, false)]
    public void SeedOnStartup_LoadsTheSeedOnlyWhileTheDemoDatasetIsOn(string? demoData, string? seedOnStartup, bool seeds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DemoData"] = demoData, ["Database:SeedOnStartup"] = seedOnStartup })
            .Build();

        DemoDataset.SeedsOnStartup(configuration).Should().Be(seeds);
    }

    /// <summary>
    /// The installation's own data through the real importer: a programme and a KPI with one measurement (published), and a
    /// small benchmark of Amsterdam and four other municipalities. Invented test figures, no Hilversum.
    /// </summary>
    private async Task ArrangeOwnDataAsync()
    {
        const string Source = "test;testgegevens, regel 1";
        await ImportAsync(
            ("programmes.csv", "code;name\n1;Sociaal domein\n"),
            ("kpis.csv", "code;name;definition;unit;direction;frequency;domain;programme;source_document;source_section\n"
                + $"SP_SCORE;Rapportcijfer dienstverlening;Gemiddeld rapportcijfer (1-10) uit het klanttevredenheidsonderzoek.;score;higher_is_better;year;sociaal_plein;1;{Source}\n"),
            ("measurements.csv", $"kpi_code;period;value;status;source_document;source_section\nSP_SCORE;2024;7.1;final;{Source}\n"),
            ("entities.csv", "code;name;kind;is_g40;is_g4\n"
                + "GM0363;Amsterdam;municipality;nee;ja\nGM0599;Rotterdam;municipality;nee;ja\n"
                + "GM0014;Groningen;municipality;ja;nee\nGM0546;Leiden;municipality;ja;nee\nGM0268;Nijmegen;municipality;ja;nee\n"),
            ("characteristics.csv", "entity_code;snapshot;population;pct_low_income;pct_youth_0_19;pct_youth_with_youth_care;pct_aged_65_74;pct_aged_75_plus;source_document;source_section\n"
                + $"GM0363;2024-01;880000;25.0;19.5;9.0;8.0;5.5;{Source}\nGM0599;2024-01;660000;27.0;21.0;10.5;8.5;6.0;{Source}\n"
                + $"GM0014;2024-01;235000;24.0;18.0;9.5;8.0;5.0;{Source}\nGM0546;2024-01;127000;20.0;17.5;8.0;8.5;5.5;{Source}\n"
                + $"GM0268;2024-01;180000;23.0;18.5;9.5;8.0;5.5;{Source}\n"),
            ("benchmark_observations.csv", "entity_code;domain;task_field;year;stage;value;source_document;source_section\n"
                + $"GM0363;jeugd;totaal;2019;jaarrekening;-310.5;{Source}\nGM0599;jeugd;totaal;2019;jaarrekening;-330;{Source}\n"
                + $"GM0014;jeugd;totaal;2019;jaarrekening;-290;{Source}\nGM0546;jeugd;totaal;2019;jaarrekening;-250;{Source}\n"
                + $"GM0268;jeugd;totaal;2019;jaarrekening;-270;{Source}\n"),
            // A collective project under the code the route matrix opens (/projecten/W7_ICT), and an own reserve.
            ("projects.csv", "code;name;source_document;source_section;parent_code\n"
                + $"W7_ICT;Digitale dienstverlening Amsterdam;{Source};\nW7A;Digitale dienstverlening - Portaal;{Source};W7_ICT\n"),
            ("project_budgets.csv", $"project_code;year;amount;funding;source_document;source_section\nW7A;2024;120000;Algemene reserve Amsterdam;{Source}\n"),
            ("reserve_movements.csv", "reserve;year;kind;amount;source_document;source_section\n"
                + $"Algemene reserve Amsterdam;2024;beginstand;500000;{Source}\nAlgemene reserve Amsterdam;2024;onttrekking;-120000;{Source}\n"
                + $"Algemene reserve Amsterdam;2024;eindstand;380000;{Source}\n"));
        await using var db = Database.CreateContext();
        await QuarterPublisher.PublishAsync(db, new Period(2024, 4), "test", "test", TimeProvider.System, CancellationToken.None);
    }

    private async Task ImportAsync(params (string Name, string Text)[] files)
    {
        await using var db = Database.CreateContext();
        var report = await new DatasetImporter(db).ImportAsync(files.Select(f => new ImportFile(f.Name, Encoding.UTF8.GetBytes(f.Text))).ToList());
        report.Problems.Should().BeEmpty();
        report.Succeeded.Should().BeTrue();
    }

    /// <summary>Every GET route under /api/v1 the app maps, with its route values filled in from the arranged data.</summary>
    private static List<string> ApiRoutes(DashboardFactory factory)
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(r => r.Replace("{code}", "SP_SCORE", StringComparison.Ordinal).Replace("{kwartaal}", "2024-K4", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        routes.Should().NotContain(r => r.Contains('{'), "every route value is filled in");
        return routes;
    }

    private static async Task<HttpClient> ClientAsync(DashboardFactory factory, string? role, string prefix)
    {
        var client = Accounts.Client(factory);
        if (role is not null)
        {
            var user = $"{prefix}-{role.ToLowerInvariant()}";
            await Accounts.CreateAsync(factory, user, role);
            (await Accounts.LoginAsync(client, user)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        return client;
    }

    private static string Around(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        return text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 140));
    }

    [GeneratedRegex("<option value=\"(?<code>GM[0-9]{4})\" selected=\"selected\">")]
    private static partial Regex SelectedHome();

    [GeneratedRegex("<li id=\"(?<id>inrichten-[a-z]+)\" class=\"(?<state>status-[a-z-]+)\">")]
    private static partial Regex SetupStep();

    [GeneratedRegex("<a href=\"(?<href>/[^\"]+)\">")]
    private static partial Regex ChecklistLinks();
}
