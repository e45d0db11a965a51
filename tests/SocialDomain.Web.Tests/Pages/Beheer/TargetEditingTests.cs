using System.Text.RegularExpressions;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Targets;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>The SMART target editor: validation, history, optimistic concurrency, audit.</summary>
public class TargetEditingTests(TestDatabase database, ITestOutputHelper output) : DatabaseTest(database)
{
    private static readonly SourceReference Source = new("000", "test");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Programmes.Add(new Programme { Code = "2", Name = "Zorg" });
        db.Kpis.Add(new Kpi
        {
            Code = "SP_SCORE", Name = "Rapportcijfer Sociaal Plein", Definition = "Gemiddeld rapportcijfer van klanten.", Unit = KpiUnit.Score,
            Direction = KpiDirection.HigherIsBetter, Frequency = KpiFrequency.Year, Domain = SocialDomainArea.SociaalPlein, ProgrammeCode = "2", Source = Source,
        });
        await db.SaveChangesAsync();
    }

    private static Dictionary<string, string> Form(string token, string rowVersion, string target, string? reason = null) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["Form.RowVersion"] = rowVersion,
        ["Form.BaselineValue"] = "6,4",
        ["Form.BaselinePeriod"] = "2016",
        ["Form.TargetValue"] = target,
        ["Form.Deadline"] = "2030",
        ["Form.ToleranceOnTrack"] = "5",
        ["Form.ToleranceAttention"] = "15",
        ["Form.Rationale"] = "Investeringsvoorstel WINST",
        ["Form.CouncilDecision"] = "Raadsbesluit 26 juni 2019",
        ["Form.ChangeReason"] = reason ?? string.Empty,
        ["Form.ValidFrom"] = "2017",
    };

    private async Task<HttpClient> AdvisorAsync(DashboardFactory factory, string name = "adviseur")
    {
        await Accounts.CreateAsync(factory, name, Roles.PolicyAdvisor);
        var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, name)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task OneThousandWithAPoint_AsAEuroTarget_IsShownBackAsAThousand_AndStoredAs1000OnlyAfterConfirmation()
    {
        await using (var db = Database.CreateContext())
        {
            db.Kpis.Add(new Kpi
            {
                Code = "KOSTEN", Name = "Kosten per cliënt", Definition = "Lasten gedeeld door cliënten.", Unit = KpiUnit.Euro,
                Direction = KpiDirection.LowerIsBetter, Frequency = KpiFrequency.Year, Domain = SocialDomainArea.Wmo, ProgrammeCode = "2", Source = Source,
            });
            await db.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/KOSTEN";
        var fields = Form(await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "1.000");

        var shownBack = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await shownBack.Content.ReadAsStringAsync());

        shownBack.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Nog niet opgeslagen.").And.Contain("Streefwaarde: '1.000' is gelezen als 1.000 (de punt scheidt duizendtallen)");
        await using (var db = Database.CreateContext())
        {
            (await db.KpiTargets.CountAsync(t => t.Kpi!.Code == "KOSTEN")).Should().Be(0, "nothing is stored before the reading is confirmed");
        }

        fields["Form.ConfirmedReadings"] = Regex.Match(html, "name=\"Form.ConfirmedReadings\" value=\"([^\"]*)\"").Groups[1].Value;
        var saved = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(fields));

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var after = Database.CreateContext();
        (await after.KpiTargets.SingleAsync(t => t.Kpi!.Code == "KOSTEN")).TargetValue.Should().Be(1000m);
    }

    [Fact]
    public async Task Advisor_SetsATarget_ThenChangesItWithAReason_AndBothVersionsAreKeptWithAnAuditRow()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";

        var first = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(Form(
            await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "7,0")));
        var second = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(Form(
            await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "6.8", "Nieuwe nulmeting laat zien dat 7,0 niet haalbaar is.")));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        first.Headers.Location!.OriginalString.Should().Be("/kpis/SP_SCORE#streefwaarde");
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        var versions = await db.KpiTargets.OrderBy(t => t.Version).ToListAsync();
        versions.Select(t => (t.Version, t.TargetValue, t.ChangedBy)).Should().Equal((1, 7.0m, "adviseur"), (2, 6.8m, "adviseur"));
        versions[1].ChangeReason.Should().Be("Nieuwe nulmeting laat zien dat 7,0 niet haalbaar is.");
        versions[0].CouncilDecision.Should().Be("Raadsbesluit 26 juni 2019");
        var audit = await db.AuditLog.Where(a => a.Object == "kpi:SP_SCORE").OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Action, a.Result, a.Actor)).Should().Equal(("streefwaarde.vaststellen", "gelukt", "adviseur"), ("streefwaarde.wijzigen", "gelukt", "adviseur"));
        audit.Should().AllSatisfy(a => a.Origin.Should().NotBeNull());
    }

    [Fact]
    public async Task ChangeWithoutReason_OrWithoutDeadline_IsRefusedWithDutchMessages_AndNothingIsStored()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";
        await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(Form(
            await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "7")));

        var form = Form(await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "11");
        form["Form.Deadline"] = "";
        var response = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Geef de reden van de wijziging")
            .And.Contain("Vul de deadline in")
            .And.Contain("Streefwaarde: een rapportcijfer ligt tussen 1 en 10.")
            .And.Contain("Tijdgebonden</strong>: ontbreekt — er is geen deadline");
        await using var db = Database.CreateContext();
        (await db.KpiTargets.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task FiftyParallelEditsOfOneTarget_ExactlyOneWins_RepeatedAHundredTimes_WithNoLostUpdate()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";
        await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(Form(
            await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "7")));
        var token = await Accounts.AntiforgeryTokenAsync(client, page);
        var wins = new List<int>();
        var conflicts = 0;

        for (var round = 0; round < 100; round++)
        {
            var rowVersion = await Accounts.FormValueAsync(client, page, "Form.RowVersion");
            var attempts = Enumerable.Range(0, 50).Select(i => client.PostAsync(new Uri(page, UriKind.Relative),
                new FormUrlEncodedContent(Form(token, rowVersion, $"{5 + (i % 40) / 10m}", $"ronde {round}, poging {i}"))));
            var responses = await Task.WhenAll(attempts);
            wins.Add(responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
            conflicts += responses.Count(r => r.StatusCode == HttpStatusCode.Conflict);
            responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect || r.StatusCode == HttpStatusCode.Conflict);
        }

        output.WriteLine($"100 rondes × 50 gelijktijdige wijzigingen: {wins.Sum()} geslaagd, {conflicts} conflicten");
        wins.Should().AllSatisfy(w => w.Should().Be(1));
        await using var db = Database.CreateContext();
        var versions = await db.KpiTargets.OrderBy(t => t.Version).Select(t => t.Version).ToListAsync();
        versions.Should().Equal(Enumerable.Range(1, 101), "every winning edit became exactly one new version: nothing lost, nothing doubled");
        (await db.AuditLog.CountAsync(a => a.Result == "conflict")).Should().Be(conflicts);
    }

    [Fact]
    public async Task ReplayingTheAuditLog_ReproducesTheFinalTargets()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";
        foreach (var (value, reason) in new[] { ("7", (string?)null), ("7,2", "hoger"), ("6,9", "lager"), ("7,1", "bijgesteld") })
        {
            await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(Form(
                await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), value, reason)));
        }

        await using var db = Database.CreateContext();
        var replayed = (await db.AuditLog.Where(a => a.Action.StartsWith("streefwaarde.") && a.Result == "gelukt").OrderBy(a => a.Id).ToListAsync())
            .GroupBy(a => a.Object)
            .ToDictionary(g => g.Key, g => JsonSerializer.Deserialize<TargetAuditDetails>(g.Last().Details!)!);
        var stored = await db.Kpis.Select(k => new { k.Code, Latest = k.Targets.OrderByDescending(t => t.Version).First() }).ToListAsync();

        replayed.Should().HaveCount(stored.Count);
        foreach (var kpi in stored)
        {
            var r = replayed["kpi:" + kpi.Code];
            (r.Version, r.TargetValue, r.DeadlineYear, r.BaselineValue, r.ChangeReason)
                .Should().Be((kpi.Latest.Version, kpi.Latest.TargetValue, kpi.Latest.DeadlineYear, kpi.Latest.BaselineValue, kpi.Latest.ChangeReason));
        }
    }

    [Fact]
    public async Task TargetOverview_ShowsTheLatestVersionPerKpi_WithALinkToTheEditor()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";
        var before = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/beheer/streefwaarden", UriKind.Relative)));
        foreach (var (value, reason) in new[] { ("7", (string?)null), ("7,25", "hoger") })
        {
            await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(Form(
                await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), value, reason)));
        }

        var after = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/beheer/streefwaarden", UriKind.Relative)));

        before.Should().Contain("<td class=\"num\">0</td>").And.Contain("Vaststellen<span class=\"visually-hidden\"> (Rapportcijfer Sociaal Plein)");
        after.Should().Contain("<td class=\"num\">2</td>").And.Contain("<td>7,25 (versie 2, deadline 2030)</td>").And.Contain("<td>7,25 (versie 2, geldig vanaf 2017)</td>")
            .And.Contain("<a href=\"/beheer/streefwaarde/SP_SCORE\">Wijzigen");
    }

    [Fact]
    public async Task TargetOverview_ShowsTheVersionInForceNow_AndALaterDecidedVersionAsLatest()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";
        var nextYear = (factory.Clock.GetUtcNow().Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (value, reason, validFrom) in new[] { ("7", (string?)null, "2017"), ("7,25", "hoger vanaf volgend jaar", nextYear) })
        {
            var form = Form(await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), value, reason);
            form["Form.ValidFrom"] = validFrom;
            (await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(form))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/beheer/streefwaarden", UriKind.Relative)));

        list.Should().Contain("<td>7,00 (versie 1, deadline 2030)</td>").And.Contain($"<td>7,25 (versie 2, geldig vanaf {nextYear})</td>");
    }

    [Fact]
    public async Task NewVersion_StoresItsStartAndDecision_WithTheAuditRow_AndTheKpiPageShowsThem()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";
        var form = Form(await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "7,0");
        form["Form.ValidFrom"] = "2019-K3";
        form["Form.DecisionDate"] = "26-06-2019";
        form["Form.DecidedBy"] = "council";
        form["Form.DecisionDocument"] = "Raadsvoorstel 2019-123";
        form["Form.DecisionUrl"] = "https://hilversum.raadsinformatie.nl/document/123";

        var response = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(form));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        var stored = await db.KpiTargets.SingleAsync();
        (stored.ValidFromYear, stored.ValidFromQuarter, stored.DecisionDate, stored.DecidedBy, stored.DecisionDocument, stored.DecisionUrl).Should().Be(
            (2019, (int?)3, (DateOnly?)new DateOnly(2019, 6, 26), (DecisionBody?)DecisionBody.Council, "Raadsvoorstel 2019-123", "https://hilversum.raadsinformatie.nl/document/123"));
        var audit = await db.AuditLog.SingleAsync(a => a.Object == "kpi:SP_SCORE");
        var details = JsonSerializer.Deserialize<TargetAuditDetails>(audit.Details!)!;
        (details.ValidFromYear, details.ValidFromQuarter, details.DecisionDate, details.DecidedBy, details.DecisionDocument, details.DecisionUrl).Should().Be(
            (2019, (int?)3, (DateOnly?)new DateOnly(2019, 6, 26), "council", "Raadsvoorstel 2019-123", "https://hilversum.raadsinformatie.nl/document/123"));
        var kpiPage = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/kpis/SP_SCORE", UriKind.Relative)));
        kpiPage.Should().Contain("<td>2019-K3</td>").And.Contain("gemeenteraad, besloten op 26-06-2019, Raadsvoorstel 2019-123")
            .And.Contain(" door adviseur");
    }

    [Fact]
    public async Task StartBeforeTheFirstMeasurement_FutureDecisionDate_AndRelativeUrl_AreRefusedAtTheirFields_AndNothingIsWritten()
    {
        await using (var arrange = Database.CreateContext())
        {
            var kpi = await arrange.Kpis.SingleAsync();
            arrange.KpiMeasurements.Add(new KpiMeasurement { KpiId = kpi.Id, Year = 2018, Value = 7.0m, Status = MeasurementStatus.Final, Source = Source });
            await arrange.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";
        var tomorrow = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var form = Form(await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "7,0");
        form["Form.ValidFrom"] = "2017";
        form["Form.DecisionDate"] = tomorrow;
        form["Form.DecisionUrl"] = "raad.hilversum.nl/besluit";
        var auditBefore = await CountAuditAsync();

        var response = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Geldig vanaf (2017) ligt vóór de eerste meting van deze KPI (2018); kies 2018 of later.")
            .And.Contain($"De besluitdatum ({tomorrow}) ligt in de toekomst")
            .And.Contain("Besluit-URL: 'raad.hilversum.nl/besluit' is geen volledig webadres")
            .And.Contain("aria-describedby=\"hint-geldig Form_ValidFrom-fout\"")
            .And.Contain("<span class=\"field-error\" id=\"Form_ValidFrom-fout\">Geldig vanaf (2017)", "the message stands next to its field (issue 18)");
        await using var db = Database.CreateContext();
        (await db.KpiTargets.CountAsync()).Should().Be(0);
        (await CountAuditAsync()).Should().Be(auditBefore, "a refused form writes no audit row either");
    }

    [Fact]
    public async Task StartAfterTheDeadline_IsRefused_AndNothingIsWritten()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = await AdvisorAsync(factory);
        const string page = "/beheer/streefwaarde/SP_SCORE";
        var form = Form(await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion"), "7,0");
        form["Form.ValidFrom"] = "2031-K1";

        var response = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(form));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("Geldig vanaf (2031-K1) ligt na de deadline (2030)");
        await using var db = Database.CreateContext();
        (await db.KpiTargets.CountAsync()).Should().Be(0);
    }

    private async Task<int> CountAuditAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditLog.CountAsync(a => a.Object == "kpi:SP_SCORE");
    }
}
