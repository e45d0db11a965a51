using System.Net;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Exports;

/// <summary>What a role may not see, it cannot export: every export × anonymous and each role.</summary>
public class ExportAccessTests(TestDatabase database) : ExportTest(database)
{
    private const string Ok = "200";
    private const string Login = "login";
    private const string Denied = "denied";

    [Fact]
    public async Task EveryExport_GivesEachRoleExactlyTheExpectedAccess()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        var unexpected = new List<string>();
        foreach (var role in AllUsers)
        {
            using var client = await ClientAsync(factory, role);
            foreach (var export in ExportCatalogue.All)
            {
                var expected = export.Access switch
                {
                    ExportAccess.Dashboard => Ok,
                    ExportAccess.Bulk => role switch { null => Login, Roles.Controller or Roles.Administrator => Ok, _ => Denied },
                    _ => role switch { null => Login, Roles.Administrator => Ok, _ => Denied },
                };
                var outcome = Classify(await client.GetAsync(new Uri(Url(export), UriKind.Relative)));
                if (outcome != expected)
                {
                    unexpected.Add($"{role ?? "anoniem"} GET {Url(export)}: verwacht {expected}, kreeg {outcome}");
                }
            }
        }

        unexpected.Should().BeEmpty();
    }

    [Fact]
    public async Task WithThePublicDashboardOff_AnonymousVisitorsMustLogIn_AndCouncilMembersStillExport()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Dashboard:Public"] = "false" });
        using var anonymous = await ClientAsync(factory, null);
        using var council = await ClientAsync(factory, Roles.CouncilMember);
        foreach (var export in ExportCatalogue.All.Where(e => e.Access == ExportAccess.Dashboard))
        {
            Classify(await anonymous.GetAsync(new Uri(Url(export), UriKind.Relative))).Should().Be(Login, export.Name);
            Classify(await council.GetAsync(new Uri(Url(export), UriKind.Relative))).Should().Be(Ok, export.Name);
        }
    }

    [Fact]
    public async Task UnpublishedData_IsNotExportable_ByThePublicOrCouncil()
    {
        await ExportData.ImportMeasurementsAsync(Database, "WMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var council = await ClientAsync(factory, Roles.CouncilMember);
        using var advisor = await ClientAsync(factory, Roles.PolicyAdvisor);

        var councilDefault = await council.GetAsync(new Uri("/export/kwartaaloverzicht.csv", UriKind.Relative));
        councilDefault.Content.Headers.ContentDisposition!.FileName.Should().StartWith("kwartaaloverzicht_2020-K4_", "the latest published quarter");
        var staffDefault = await advisor.GetAsync(new Uri("/export/kwartaaloverzicht.csv", UriKind.Relative));
        staffDefault.Content.Headers.ContentDisposition!.FileName.Should().StartWith("kwartaaloverzicht_2021-K1_");
        var refused = await council.GetAsync(new Uri("/export/kwartaaloverzicht.csv?kwartaal=2021-K1", UriKind.Relative));
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("niet beschikbaar (niet gepubliceerd)");
        (await council.GetStringAsync(new Uri("/export/kpi-metingen.csv?kpi=WMO_LEADTIME_WITHIN_TERM", UriKind.Relative))).Should().NotContain("2021-K1");
    }

    [Fact]
    public async Task BulkDownloads_AreWrittenToTheAuditLog()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await ClientAsync(factory, Roles.Controller);
        (await controller.GetAsync(new Uri("/export/metingen.csv?jaar=2020&dialect=rfc4180", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var db = Database.CreateContext();
        var entry = db.AuditLog.Single(a => a.Action == "export.downloaden");
        entry.Actor.Should().Be("export-controller");
        entry.Object.Should().Be("export:metingen");
        entry.Details.Should().Contain("\"jaar\": 2020").And.Contain("rfc4180");
    }

    private static string Url(ExportDefinition export) => export.Path + (export.Parameters.Any(p => p.Required) ? "?kpi=SP_SCORE" : string.Empty);

    private static string Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK when response.Content.Headers.ContentType?.MediaType == "text/csv" => Ok,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/inloggen", StringComparison.Ordinal) == true => Login,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/geen-toegang", StringComparison.Ordinal) == true => Denied,
        HttpStatusCode.Forbidden => Denied,
        _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
