using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>
/// /beheer/begroting (issue 19 item 2): the real forms with antiforgery; an added amount and a correction are new rows with
/// an audit row; a correction keeps the old row; bad input writes nothing (rules: docs/calculations.md, "Begrotingscyclus invoeren").
/// </summary>
public class BudgetMaintenanceTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Page = "/beheer/begroting";
    private int _originalId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Programmes.Add(new Programme { Code = "2", Name = "Zorg" });
        db.TaskFields.Add(new TaskField { Code = "6.72", Name = "Maatwerkdienstverlening 18-", Domain = SocialDomainArea.Jeugd, ProgrammeCode = "2" });
        var line = new BudgetLine
        {
            Scope = BudgetScope.TaskField, ScopeCode = "6.72", Name = "Maatwerkdienstverlening 18-", ProgrammeCode = "2", TaskFieldCode = "6.72", Year = 2019,
            Stage = BudgetStage.OriginalBudget, Measure = BudgetMeasure.Expenses, Amount = 12_158_000m, RecordedBy = "import", Source = new SourceReference("Begr2019", "p. 12"),
        };
        db.BudgetLines.Add(line);
        await db.SaveChangesAsync();
        _originalId = line.Id;
    }

    private static async Task<HttpClient> LoginAsync(DashboardFactory factory, string name = "adviseur", string role = Roles.PolicyAdvisor)
    {
        await Accounts.CreateAsync(factory, name, role);
        var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, name)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Accounts.AntiforgeryTokenAsync(client, page);
        var separator = page.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return await client.PostAsync(new Uri($"{page}{separator}handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Entry(string taskField = "6.72", string category = "lasten", string stage = "wijziging", string amount = "300.000",
        string number = "2019-07", string date = "2019-07-04", string reason = "Extra jeugdhulp", string periodEnd = "") => new()
    {
        ["Form.Year"] = "2019", ["Form.Programme"] = "2", ["Form.TaskField"] = taskField, ["Form.Category"] = category, ["Form.Stage"] = stage,
        ["Form.PeriodEnd"] = periodEnd, ["Form.ChangeNumber"] = number, ["Form.ChangeDate"] = date, ["Form.ChangeReason"] = reason, ["Form.Amount"] = amount,
        ["Form.SourceDocument"] = "RB 2019-07", ["Form.SourceSection"] = "besluit",
    };

    private async Task<(List<BudgetLine> Lines, List<AuditLogEntry> Audit)> StoredAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.BudgetLines.AsNoTracking().OrderBy(l => l.Id).ToListAsync(),
            await db.AuditLog.AsNoTracking().Where(a => a.Action.StartsWith("begroting.")).ToListAsync());
    }

    [Fact]
    public async Task Add_ThroughTheRealForm_StoresTheLine_WithItsAuditRow()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory);
        WebUtility.HtmlDecode(await advisor.GetStringAsync(new Uri(Page, UriKind.Relative))).Should().Contain("6.72 Maatwerkdienstverlening 18-").And.Contain("€\u00A012.158.000");

        var response = await PostAsync(advisor, Page, "Toevoegen", Entry());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/beheer/begroting?jaar=2019");
        var (lines, audit) = await StoredAsync();
        var added = lines.Should().HaveCount(2).And.Subject.Last();
        (added.Stage, added.Amount, added.ChangeNumber, added.ChangeDate, added.ChangeReason, added.RecordedBy, added.ReplacesId)
            .Should().Be((BudgetStage.Change, 300_000m, "2019-07", new DateOnly(2019, 7, 4), "Extra jeugdhulp", "adviseur", (int?)null));
        var row = audit.Should().ContainSingle().Subject;
        (row.Action, row.Actor, row.Result, row.Object).Should().Be((AuditActions.BudgetLineEntered, "adviseur", AuditResults.Succeeded, "begroting 6.72 2019 wijziging lasten"));
    }

    [Fact]
    public async Task Add_Baten_AreStoredNegative_AndANewSocialDomainTaskFieldIsAdded()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await LoginAsync(factory, "controller", Roles.Controller);

        var response = await PostAsync(controller, Page, "Toevoegen", Entry("6.6", "baten", "primitieve_begroting", "250000", "", "", ""));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (lines, _) = await StoredAsync();
        lines.Last().Amount.Should().Be(-250_000m);
        await using var db = Database.CreateContext();
        (await db.TaskFields.SingleAsync(t => t.Code == "6.6")).Domain.Should().Be(SocialDomainArea.Wmo);
    }

    [Fact]
    public async Task Correct_StoresANewRowReplacingTheOld_WhichStaysAndShowsInTheHistory()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var controller = await LoginAsync(factory, "controller", Roles.Controller);
        var page = $"{Page}?corrigeer={_originalId}";
        WebUtility.HtmlDecode(await controller.GetStringAsync(new Uri(page, UriKind.Relative))).Should().Contain("Regel corrigeren: 6.72");

        var response = await PostAsync(controller, page, "Corrigeren", new()
        {
            ["Correction.Id"] = _originalId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Correction.Amount"] = "12.258.000",
            ["Correction.Reason"] = "Begroting na amendement", ["Correction.SourceDocument"] = "Begr2019", ["Correction.SourceSection"] = "p. 12 (amendement)",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (lines, audit) = await StoredAsync();
        lines.Select(l => (l.Amount, l.ReplacesId, l.CorrectionReason)).Should().Equal((12_158_000m, null, null), (12_258_000m, _originalId, "Begroting na amendement"));
        var row = audit.Should().ContainSingle().Subject;
        row.Action.Should().Be(AuditActions.BudgetLineCorrected);
        using var details = JsonDocument.Parse(row.Details!);
        details.RootElement.GetProperty("was").GetDecimal().Should().Be(12_158_000m);
        details.RootElement.GetProperty("bedrag").GetDecimal().Should().Be(12_258_000m);
        var shown = WebUtility.HtmlDecode(await controller.GetStringAsync(new Uri($"{Page}?jaar=2019", UriKind.Relative)));
        shown.Should().Contain("Geschiedenis (1)").And.Contain("€\u00A012.258.000").And.Contain("€\u00A012.158.000, vastgelegd door import");
    }

    [Fact]
    public async Task Correct_WithoutReason_IsRefused_AndWritesNothing()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory);
        var page = $"{Page}?corrigeer={_originalId}";

        var response = await PostAsync(advisor, page, "Corrigeren", new()
        {
            ["Correction.Id"] = _originalId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Correction.Amount"] = "12258000",
            ["Correction.Reason"] = " ", ["Correction.SourceDocument"] = "Begr2019",
        });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("Reden correctie: verplicht; zeg waarom het bedrag anders is.");
        var (lines, audit) = await StoredAsync();
        lines.Should().ContainSingle();
        audit.Should().BeEmpty();
    }

    public static TheoryData<Dictionary<string, string>, string> BadEntries => new()
    {
        { Entry(taskField: "6.9"), "Taakveld: '6.9' is geen taakveld van de IV3-indeling (BBV); gebruik een code zoals 6.72." },
        { Entry(taskField: "0.1"), "Taakveld: 0.1 Bestuur valt buiten het sociaal domein (hoofdtaak 6)" },
        { Entry(number: ""), "Wijzigingsnummer: verplicht bij een begrotingswijziging (zoals 2019-07)." },
        { Entry(stage: "realisatie", number: "", date: "", reason: "", periodEnd: "2099-01-31"), "Peildatum: 31-1-2099 ligt niet in het jaar 2019." },
        { Entry(amount: "3OO.000"), "Bedrag: '3OO.000' is geen getal" },
        { Entry(stage: "primitieve_begroting", number: "", date: "", reason: ""), "Bedrag: voor deze regel is al €\u00A012.158.000 opgeslagen; gebruik 'Corrigeren' bij die regel." },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task Add_BadInput_IsRefusedNextToTheField_AndWritesNothing(Dictionary<string, string> fields, string message)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory);

        var response = await PostAsync(advisor, Page, "Toevoegen", fields);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message);
        var (lines, audit) = await StoredAsync();
        lines.Should().ContainSingle();
        audit.Should().BeEmpty();
    }

    [Fact]
    public async Task Add_AmendedBudgetThatDoesNotSum_WithTheStoredLines_IsRefused()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await LoginAsync(factory);
        (await PostAsync(advisor, Page, "Toevoegen", Entry())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await PostAsync(advisor, Page, "Toevoegen", Entry(stage: "gewijzigde_begroting", amount: "12.558.000", number: "", date: "", reason: ""));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("een verschil van +€\u00A0100.000");
        (await StoredAsync()).Lines.Should().HaveCount(2);
    }
}
