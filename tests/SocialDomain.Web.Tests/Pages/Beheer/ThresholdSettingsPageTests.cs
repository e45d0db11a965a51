using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>
/// /beheer/toelichtingsgrenzen (issue 19 item 2): a Beheerder sets a new version of the explanation thresholds through the
/// real form with antiforgery; the version and its audit row are stored together; bad input writes nothing.
/// </summary>
public class ThresholdSettingsPageTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Path = "/beheer/toelichtingsgrenzen";

    private static async Task<HttpClient> AdministratorAsync(DashboardFactory factory)
    {
        await Accounts.CreateAsync(factory, "beheerder", Roles.Administrator);
        var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, "beheerder")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string validFrom, string absolute, string relative, string combination, string reason,
        bool onlyUnfavourable = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.ValidFromYear"] = validFrom, ["Form.Absolute"] = absolute, ["Form.RelativePercent"] = relative, ["Form.Combination"] = combination,
            ["Form.Reason"] = reason, ["__RequestVerificationToken"] = await Accounts.AntiforgeryTokenAsync(client, Path),
        };
        if (onlyUnfavourable)
        {
            fields["Form.OnlyUnfavourable"] = "true";
        }

        return await client.PostAsync(new Uri(Path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Beheerder_SetsThresholds_StoresAVersionWithItsAuditRow_AndSeesItInTheHistory()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdministratorAsync(factory);
        var form = await client.GetStringAsync(new Uri(Path, UriKind.Relative));
        form.Should().Contain("Geldig vanaf begrotingsjaar").And.Contain("Er zijn nog geen toelichtingsgrenzen ingesteld");

        var response = await PostAsync(client, "2020", "€ 250.000", "10", "en", "Financiële verordening 2020, artikel 7", onlyUnfavourable: true);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(Path);
        await using var db = Database.CreateContext();
        var stored = await db.ExplanationThresholdSettings.SingleAsync();
        (stored.ValidFromYear, stored.Absolute, stored.RelativePercent, stored.Combination, stored.OnlyUnfavourable, stored.RecordedBy)
            .Should().Be((2020, 250_000m, 10m, ThresholdCombination.Both, true, "beheerder"));
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ExplanationThresholdsSet);
        (audit.Actor, audit.Object, audit.Result).Should().Be(("beheerder", "toelichtingsgrenzen:2020", AuditResults.Succeeded));
        using var details = JsonDocument.Parse(audit.Details!);
        details.RootElement.GetProperty("omschrijving").GetString().Should().Be("toelichten boven €\u00A0250.000 én 10% (alleen nadelige afwijkingen)");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Path, UriKind.Relative)));
        page.Should().Contain("De toelichtingsgrenzen vanaf 2020 zijn opgeslagen.").And.Contain("Financiële verordening 2020, artikel 7");
    }

    [Fact]
    public async Task NegativeThreshold_IsRefusedWithADutchMessageNextToTheField_AndNothingIsWritten()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdministratorAsync(factory);

        var response = await PostAsync(client, "2020", "-250.000", "-5", "of", "Verordening");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("id=\"fout-Absolute\" class=\"field-error\">De absolute grens mag niet negatief zijn.")
            .And.Contain("id=\"fout-RelativePercent\" class=\"field-error\">De relatieve grens mag niet negatief zijn.");
        await using var db = Database.CreateContext();
        (await db.ExplanationThresholdSettings.CountAsync()).Should().Be(0);
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.ExplanationThresholdsSet)).Should().Be(0);
    }

    [Fact]
    public async Task MissingYearBothThresholdsAndReason_EachGetTheirOwnMessage()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdministratorAsync(factory);

        var response = await PostAsync(client, "", "", "", "of", " ");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("id=\"fout-ValidFromYear\"").And.Contain("Vul een absolute grens (bedrag) of een relatieve grens (percentage) in, of allebei.")
            .And.Contain("id=\"fout-Reason\"");
        await using var db = Database.CreateContext();
        (await db.ExplanationThresholdSettings.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task PolicyAdvisor_CannotOpenOrPostThePage()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, "adviseur")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await client.GetAsync(new Uri(Path, UriKind.Relative));

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        response.Headers.Location?.OriginalString.Should().NotBe(Path);
    }
}
