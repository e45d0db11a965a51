using System.Net;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Security;

/// <summary>Publishing freezes what the council sees; corrections are marked; drafts stay with staff.</summary>
public class PublicationTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    private const string MeasurementHeader = "kpi_code;period;value;status;source_document;source_section;note";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    private async Task ImportMeasurementsAsync(params string[] rows)
    {
        await using var db = Database.CreateContext();
        var report = await new DatasetImporter(db).ImportAsync([new ImportFile("measurements.csv", Encoding.UTF8.GetBytes(string.Join("\n", [MeasurementHeader, .. rows]) + "\n"))]);
        report.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task PublishedQuarter_DoesNotChangeWhenAFigureIsCorrected_AndTheCorrectionIsMarked()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = Accounts.Client(factory);
        var before = await anonymous.GetStringAsync(new Uri("/?kwartaal=2020-K4", UriKind.Relative));

        await ImportMeasurementsAsync("WMO_LEADTIME_WITHIN_TERM;2020;62;final;004;correctie;");
        // This import bypasses the app, like the import command; the import page evicts the anonymous pages itself.
        await factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(DashboardOutputCache.Tag, CancellationToken.None);
        var after = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/?kwartaal=2020-K4", UriKind.Relative)));
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var staff = Accounts.Client(factory);
        await Accounts.LoginAsync(staff, "adviseur");
        var staffView = WebUtility.HtmlDecode(await staff.GetStringAsync(new Uri("/?kwartaal=2020-K4", UriKind.Relative)));
        var kpiPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/kpis/WMO_LEADTIME_WITHIN_TERM", UriKind.Relative)));

        WebUtility.HtmlDecode(before).Should().Contain("60%");
        after.Should().Contain("60%").And.Contain("gewijzigd na publicatie: nu 62% (2020), bij publicatie 60%");
        staffView.Should().Contain("62%").And.NotContain("gewijzigd na publicatie");
        kpiPage.Should().Contain("gewijzigd na publicatie (was 60%)");
    }

    [Fact]
    public async Task PublishingAQuarter_EvictsTheOverviewAnonymousReadersGetFromTheCache()
    {
        await ImportMeasurementsAsync("WMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        using var anonymous = Accounts.Client(factory);
        (await anonymous.GetStringAsync(new Uri("/", UriKind.Relative))).Should().NotContain("2021-K1");
        (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).Headers.Age.Should().NotBeNull("the overview is now in the output cache");

        using var advisor = Accounts.Client(factory);
        await Accounts.LoginAsync(advisor, "adviseur");
        var token = await Accounts.AntiforgeryTokenAsync(advisor, "/beheer/publiceren");
        (await advisor.PostAsync(new Uri("/beheer/publiceren", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Quarter"] = "2021-K1",
        }))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var after = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/", UriKind.Relative)));
        after.Should().Contain("<option value=\"2021-K1\" selected=\"selected\">").And.Contain("75%");
    }

    [Fact]
    public async Task UnpublishedQuarter_IsVisibleToStaffOnly_UntilItIsPublished()
    {
        await ImportMeasurementsAsync("WMO_LEADTIME_WITHIN_TERM;2021-K1;75;provisional;004;nieuw;");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        await Accounts.CreateAsync(factory, "raadslid", Roles.CouncilMember);
        using var advisor = Accounts.Client(factory);
        await Accounts.LoginAsync(advisor, "adviseur");
        using var council = Accounts.Client(factory);
        await Accounts.LoginAsync(council, "raadslid");

        (await council.GetStringAsync(new Uri("/", UriKind.Relative))).Should().NotContain("2021-K1");
        (await council.GetStringAsync(new Uri("/kpis/WMO_LEADTIME_WITHIN_TERM", UriKind.Relative))).Should().NotContain("2021-K1");
        (await advisor.GetStringAsync(new Uri("/", UriKind.Relative))).Should().Contain("2021-K1").And.Contain("concept: nog niet gepubliceerd");

        var token = await Accounts.AntiforgeryTokenAsync(advisor, "/beheer/publiceren");
        var published = await advisor.PostAsync(new Uri("/beheer/publiceren", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Quarter"] = "2021-K1",
        }));

        published.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var councilView = WebUtility.HtmlDecode(await council.GetStringAsync(new Uri("/", UriKind.Relative)));
        councilView.Should().Contain("<option value=\"2021-K1\" selected=\"selected\">").And.Contain("75%").And.Contain("gepubliceerd op");
    }

    [Fact]
    public async Task AdvisorChangesATargetInTheBrowser_AndACouncilMemberSeesItInTheTargetHistory()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        await Accounts.CreateAsync(app.Factory, "adviseur", Roles.PolicyAdvisor);
        await Accounts.CreateAsync(app.Factory, "raadslid", Roles.CouncilMember);

        var advisorContext = await browser.Browser.NewContextAsync();
        var advisor = await advisorContext.NewPageAsync();
        await advisor.GotoAsync(app.Url("/account/inloggen"));
        await advisor.GetByLabel("Gebruikersnaam").FillAsync("adviseur");
        await advisor.GetByLabel("Wachtwoord").FillAsync(Accounts.Password);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        (await Accessibility.SeriousViolationsAsync(advisor)).Should().BeEmpty();
        await advisor.GotoAsync(app.Url("/kpis/SP_HIRED_SHARE"));
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Streefwaarde wijzigen" }).ClickAsync();
        (await advisor.Locator("#smart-lijst").InnerTextAsync()).Should().Contain("Tijdgebonden");
        await advisor.GetByLabel("Streefwaarde (%)").FillAsync("12");
        await advisor.GetByLabel("Deadline (periode)").FillAsync("2030");
        await advisor.GetByLabel("Raadsbesluit").FillAsync("Raadsbesluit 26 juni 2019");
        await advisor.GetByLabel("Reden van de wijziging (verplicht)").FillAsync("Inhuur blijkt structureel nodig voor de wachtlijst.");
        await advisor.GetByLabel("Geldig vanaf (verplicht)").FillAsync("2021");
        await advisor.GetByLabel("Besluitdatum").FillAsync("26-06-2019");
        await advisor.GetByLabel("Besloten door").SelectOptionAsync("council");
        (await Accessibility.SeriousViolationsAsync(advisor)).Should().BeEmpty();
        await Screenshots.SaveAsync(advisor, "06-streefwaarde-editor");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        advisor.Url.Should().EndWith("/kpis/SP_HIRED_SHARE#streefwaarde");

        var councilContext = await browser.Browser.NewContextAsync();
        var council = await councilContext.NewPageAsync();
        await council.GotoAsync(app.Url("/account/inloggen"));
        await council.GetByLabel("Gebruikersnaam").FillAsync("raadslid");
        await council.GetByLabel("Wachtwoord").FillAsync(Accounts.Password);
        await council.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await council.GotoAsync(app.Url("/kpis/SP_HIRED_SHARE"));

        (await council.Locator("#streefwaarde-antwoord").InnerTextAsync()).Should().StartWith("Ja, 1 keer.").And.Contain("10%").And.Contain("12%");
        var latest = await council.Locator("#streefwaarde-historie tbody tr").Last.InnerTextAsync();
        latest.Should().Contain("12%").And.Contain("adviseur").And.Contain("Inhuur blijkt structureel nodig").And.Contain("2021")
            .And.Contain("gemeenteraad, besloten op 26-06-2019");
        await advisorContext.CloseAsync();
        await councilContext.CloseAsync();
    }
}
