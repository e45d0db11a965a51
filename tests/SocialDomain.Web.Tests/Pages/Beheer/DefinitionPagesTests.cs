using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>
/// /beheer/kpis, /beheer/kpis/nieuw, /beheer/kpis/{code}/bewerken, /beheer/programmas (issue 15 item 3): the real forms with
/// antiforgery; every change a stored version (or before/after) with an audit row; stale edits and bad input write nothing.
/// </summary>
public class DefinitionPagesTests(TestDatabase database) : DatabaseTest(database)
{
    private const string EditPage = "/beheer/kpis/WMO_Q/bewerken";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Programmes.AddRange(new Programme { Code = "2", Name = "Zorg" }, new Programme { Code = "3", Name = "Werken" });
        var kpi = new Kpi
        {
            Code = "WMO_Q", Name = "Wmo binnen de termijn", Definition = "Aandeel besluiten binnen de termijn.", Unit = KpiUnit.Percent,
            Direction = KpiDirection.HigherIsBetter, Frequency = KpiFrequency.Quarter, Domain = SocialDomainArea.Wmo, ProgrammeCode = "2",
            Source = new SourceReference("000", "test"),
        };
        kpi.DefinitionVersions.Add(DefinitionEditor.Snapshot(kpi, 1, new Period(2020), "migratie", DateTimeOffset.UtcNow, null));
        db.Kpis.Add(kpi);
        await db.SaveChangesAsync();
    }

    private static async Task<HttpClient> LoginAsync(DashboardFactory factory, string name, string role = Roles.PolicyAdvisor)
    {
        await Accounts.CreateAsync(factory, name, role);
        var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, name)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string? handler = null)
    {
        fields["__RequestVerificationToken"] = await Accounts.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync(new Uri(handler is null ? path : $"{path}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Definition(string owner = "Team Wmo", string name = "Wmo binnen de termijn", string validFrom = "2026-K2",
        string? reason = "Definitie aangescherpt.", string direction = "higher_is_better", string bandLow = "", string bandHigh = "", uint? rowVersion = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = name, ["Form.Definition"] = "Aandeel besluiten binnen acht weken.", ["Form.Unit"] = "percent", ["Form.Direction"] = direction,
            ["Form.BandLow"] = bandLow, ["Form.BandHigh"] = bandHigh, ["Form.Frequency"] = "quarter", ["Form.Domain"] = "wmo", ["Form.Owner"] = owner,
            ["Form.Programme"] = "2", ["Form.TaskField"] = "", ["Form.ValidFrom"] = validFrom,
        };
        if (reason is not null)
        {
            fields["Form.Reason"] = reason;
        }

        if (rowVersion is { } rv)
        {
            fields["Form.RowVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    private async Task<uint> RowVersionAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Kpis.Where(k => k.Code == "WMO_Q").Select(k => k.RowVersion).SingleAsync();
    }

    [Fact]
    public async Task NewKpi_ThroughTheRealForm_StoresVersionOne_AndAnAuditRow()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur");
        var fields = Definition(reason: null);
        fields["Form.Code"] = "WMO_NEW";

        var response = await PostAsync(advisor, "/beheer/kpis/nieuw", fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/beheer/kpis");
        await using var db = Database.CreateContext();
        var version = await db.KpiDefinitionVersions.SingleAsync(v => v.Kpi!.Code == "WMO_NEW");
        (version.Version, version.Owner, version.ValidFrom, version.ChangedBy).Should().Be((1, "Team Wmo", Period.OfQuarter(2026, 2), "adviseur"));
        var audit = await db.AuditLog.SingleAsync(a => a.Object == "kpi:WMO_NEW");
        (audit.Action, audit.Result, audit.Actor).Should().Be((AuditActions.KpiCreated, AuditResults.Succeeded, "adviseur"));
    }

    [Fact]
    public async Task Edit_AddsVersionTwo_UpdatesTheKpiRow_AndAuditsBeforeAndAfter()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur");
        var rowVersion = uint.Parse(await Accounts.FormValueAsync(advisor, EditPage, "Form.RowVersion"), System.Globalization.CultureInfo.InvariantCulture);

        var response = await PostAsync(advisor, EditPage, Definition(name: "Wmo-besluiten binnen acht weken", rowVersion: rowVersion));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        var versions = await db.KpiDefinitionVersions.Where(v => v.Kpi!.Code == "WMO_Q").OrderBy(v => v.Version).ToListAsync();
        versions.Select(v => (v.Version, v.Name)).Should().Equal((1, "Wmo binnen de termijn"), (2, "Wmo-besluiten binnen acht weken"));
        versions[1].Reason.Should().Be("Definitie aangescherpt.");
        (await db.Kpis.SingleAsync(k => k.Code == "WMO_Q")).Owner.Should().Be("Team Wmo");
        var audit = await db.AuditLog.SingleAsync(a => a.Object == "kpi:WMO_Q");
        audit.Action.Should().Be(AuditActions.KpiChanged);
        using var details = JsonDocument.Parse(audit.Details!);
        details.RootElement.GetProperty("voor").GetProperty("Name").GetString().Should().Be("Wmo binnen de termijn");
        details.RootElement.GetProperty("na").GetProperty("Name").GetString().Should().Be("Wmo-besluiten binnen acht weken");
    }

    [Fact]
    public async Task AStaleEdit_GetsTheConflictPage_AndWritesNoVersion()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var first = await LoginAsync(factory, "adviseur1");
        using var second = await LoginAsync(factory, "adviseur2");
        var stale = await RowVersionAsync();
        (await PostAsync(first, EditPage, Definition(rowVersion: stale))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var late = await PostAsync(second, EditPage, Definition(owner: "Iemand anders", reason: "Andere lezing.", rowVersion: stale));

        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()).Should().Contain("Iemand anders heeft deze KPI intussen gewijzigd");
        await using var db = Database.CreateContext();
        (await db.KpiDefinitionVersions.CountAsync(v => v.Kpi!.Code == "WMO_Q")).Should().Be(2);
        (await db.Kpis.SingleAsync(k => k.Code == "WMO_Q")).Owner.Should().Be("Team Wmo");
        (await db.AuditLog.CountAsync(a => a.Result == AuditResults.Conflict && a.Actor == "adviseur2")).Should().Be(1);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Form.Owner", "", "Eigenaar: verplicht" },
        { "Form.Name", new string('x', 201), "Naam: hooguit 200 tekens" },
        { "Form.BandLow", "90", "Bovengrens: moet groter zijn dan de ondergrens" },
        { "Form.ValidFrom", "2026-K5", "Geldig vanaf: '2026-K5' is geen periode" },
        { "Form.Reason", "", "Reden van de wijziging: verplicht" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadDefinitionInput_GetsADutchMessageNamingTheField_AndWritesNothing(string field, string value, string message)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur");
        var fields = Definition(rowVersion: await RowVersionAsync());
        if (field == "Form.BandLow")
        {
            fields["Form.Direction"] = "within_band";
            fields["Form.BandHigh"] = "80";
        }

        fields[field] = value;
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var response = await PostAsync(advisor, EditPage, fields);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Theory]
    [InlineData("2026-2", "Archiveren vanaf: '2026-2' is geen kwartaal")]
    [InlineData("2026", "Archiveren vanaf: '2026' is geen kwartaal")]
    [InlineData("", "Archiveren vanaf: verplicht")]
    public async Task AMalformedArchiveQuarter_GetsADutchMessage_AndWritesNothing(string quarter, string message)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur");
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var response = await PostAsync(advisor, EditPage, new() { ["Archive.ArchiveFrom"] = quarter, ["Archive.Reason"] = "Vervalt.", ["Archive.RowVersion"] = $"{await RowVersionAsync()}" },
            "Archiveren");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Archive_ThroughTheForm_IsStoredAndAudited_AndTheKpiPageSaysSince()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur");

        var response = await PostAsync(advisor, EditPage, new() { ["Archive.ArchiveFrom"] = "2026-K2", ["Archive.Reason"] = "Vervangen door een nieuwe KPI.", ["Archive.RowVersion"] = $"{await RowVersionAsync()}" },
            "Archiveren");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        var kpi = await db.Kpis.SingleAsync(k => k.Code == "WMO_Q");
        (kpi.ArchivedFromYear, kpi.ArchivedFromQuarter).Should().Be((2026, 2));
        (await db.AuditLog.SingleAsync(a => a.Object == "kpi:WMO_Q")).Action.Should().Be(AuditActions.KpiArchived);
        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync(new Uri("/kpis/WMO_Q", UriKind.Relative)));
        page.Should().Contain("gearchiveerd vanaf 2026-K2").And.Contain("Definitiegeschiedenis");
        var list = WebUtility.HtmlDecode(await advisor.GetStringAsync(new Uri("/beheer/kpis", UriKind.Relative)));
        list.Should().Contain("gearchiveerd vanaf 2026-K2").And.Contain("eigenaar ontbreekt");
    }

    [Fact]
    public async Task ProgrammeRename_KeepsTheOldNameInTheAudit_AndAssignsAdvisors()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur");
        string advisorId;
        await using (var db = Database.CreateContext())
        {
            advisorId = await db.Users.Where(u => u.UserName == "adviseur").Select(u => u.Id).SingleAsync();
        }

        var rowVersion = await Accounts.FormValueAsync(advisor, "/beheer/programmas", "Form.RowVersion");
        var response = await PostAsync(advisor, "/beheer/programmas",
            new() { ["Form.Code"] = "2", ["Form.Name"] = "Zorg en welzijn", ["Form.Advisors"] = advisorId, ["Form.RowVersion"] = rowVersion }, "Wijzigen");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var check = Database.CreateContext();
        (await check.Programmes.SingleAsync(p => p.Code == "2")).Name.Should().Be("Zorg en welzijn");
        (await check.UserProgrammes.SingleAsync()).ProgrammeCode.Should().Be("2");
        var audit = await check.AuditLog.SingleAsync(a => a.Object == "programma:2");
        using var details = JsonDocument.Parse(audit.Details!);
        details.RootElement.GetProperty("voor").GetProperty("naam").GetString().Should().Be("Zorg");
        details.RootElement.GetProperty("na").GetProperty("naam").GetString().Should().Be("Zorg en welzijn");
    }

    [Fact]
    public async Task AnAdvisorAssignedToAnotherProgramme_IsRefusedEntry_WithADutchMessage()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory, "adviseur");
        using var controller = await LoginAsync(factory, "controller", Roles.Controller);
        await using (var db = Database.CreateContext())
        {
            var id = await db.Users.Where(u => u.UserName == "adviseur").Select(u => u.Id).SingleAsync();
            db.UserProgrammes.Add(new UserProgramme { UserId = id, ProgrammeCode = "3" });
            await db.SaveChangesAsync();
        }

        var before = await TableChecksums.ReadAsync(Database.ConnectionString);
        var refused = await PostAsync(advisor, "/beheer/metingen/WMO_Q", new() { ["Form.Period"] = "2021-K1", ["Form.Value"] = "80" }, "Invoeren");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("U bent toegewezen aan programma 3").And.Contain("WMO_Q");
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
        (await PostAsync(controller, "/beheer/metingen/WMO_Q", new() { ["Form.Period"] = "2021-K1", ["Form.Value"] = "80" }, "Invoeren"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, "a controller enters for every KPI");
    }
}
