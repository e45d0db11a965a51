using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Exports;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>Publishing with care: a preview of what the council will see, a confirmation, and corrigenda with a note.</summary>
public class PublishPageTests(TestDatabase database, BrowserFixture browser) : ExportTest(database), IClassFixture<BrowserFixture>
{
    private const string Kpi = "WMO_LEADTIME_WITHIN_TERM";

    private static async Task<HttpClient> AdvisorAsync(DashboardFactory factory)
    {
        await Accounts.CreateAsync(factory, "adviseur", Roles.PolicyAdvisor);
        var client = Accounts.Client(factory);
        (await Accounts.LoginAsync(client, "adviseur")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, string quarter, string? note)
    {
        var token = await Accounts.AntiforgeryTokenAsync(client, $"/beheer/publiceren?kwartaal={quarter}");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Quarter"] = quarter };
        if (note is not null)
        {
            form["Note"] = note;
        }

        return await client.PostAsync(new Uri("/beheer/publiceren", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Preview_ShowsWhatWillBeFrozen_AndNamesKpisWithoutValueCommentaryOrWithDraftCommentary()
    {
        await ExportData.ImportMeasurementsAsync(Database, $"{Kpi};2021-K1;75;provisional;004;nieuw;");
        await using (var db = Database.CreateContext())
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == Kpi);
            var now = DateTimeOffset.UtcNow;
            var commentary = new KpiCommentary { KpiId = kpi.Id, Year = 2021, Quarter = 1, Text = "Nog niet af", Status = CommentaryStatus.Draft, Author = "adviseur", UpdatedAt = now };
            commentary.Versions.Add(new KpiCommentaryVersion { Version = 1, Text = commentary.Text, Status = CommentaryStatus.Draft, Author = "adviseur", CreatedAt = now });
            db.KpiCommentaries.Add(commentary);
            await db.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await AdvisorAsync(factory);
        var html = WebUtility.HtmlDecode(await advisor.GetStringAsync(new Uri("/beheer/publiceren?kwartaal=2021-K1", UriKind.Relative)));

        await using var check = Database.CreateContext();
        var wmo = await check.Kpis.SingleAsync(k => k.Code == Kpi);
        var others = await check.Kpis.Where(k => k.Code != Kpi).Select(k => k.Name).ToListAsync();
        var attention = html[html.IndexOf("id=\"aandachtspunten\"", StringComparison.Ordinal)..html.IndexOf("id=\"voorbeeld-tabel\"", StringComparison.Ordinal)];
        var lines = attention.Split("<li>");
        lines.Single(l => l.StartsWith("Zonder waarde", StringComparison.Ordinal)).Should().NotContain(wmo.Name, "Wmo has a 2021-K1 measurement")
            .And.Contain(others[0], "the other KPIs have none for 2021-K1");
        lines.Single(l => l.StartsWith("Met een toelichting die nog concept is", StringComparison.Ordinal)).Should().Contain("(1)").And.Contain(wmo.Name);
        lines.Single(l => l.StartsWith("Zonder toelichting", StringComparison.Ordinal)).Should().Contain(wmo.Name, "a draft is not published commentary");
        html.Should().Contain("75% (2021-K1)").And.Contain("Bevestig: publiceer 2021-K1");
        (await check.QuarterPublications.CountAsync(p => p.Year == 2021)).Should().Be(0, "a preview writes nothing");
    }

    [Fact]
    public async Task Corrigendum_WithoutNote_IsRefusedInDutchAtTheField_AndNothingIsWritten()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await AdvisorAsync(factory);
        await using var before = Database.CreateContext();
        var publications = await before.QuarterPublications.CountAsync();
        var audits = await before.AuditLog.CountAsync(a => a.Action == AuditActions.QuarterPublished);

        var response = await PublishAsync(advisor, "2020-K4", "   ");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("<span class=\"field-error\" id=\"Note-fout\"><span class=\"field-validation-error\" data-valmsg-for=\"Note\" data-valmsg-replace=\"true\">" + QuarterPublisher.NoteRequired);
        await using var after = Database.CreateContext();
        (await after.QuarterPublications.CountAsync()).Should().Be(publications);
        (await after.AuditLog.CountAsync(a => a.Action == AuditActions.QuarterPublished)).Should().Be(audits);
    }

    [Fact]
    public async Task Corrigendum_WithNote_IsVersionTwo_AndBothVersionsStayReadable()
    {
        await ExportData.ImportMeasurementsAsync(Database, $"{Kpi};2020;62;final;004;correctie;");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await AdvisorAsync(factory);

        var response = await PublishAsync(advisor, "2020-K4", "Wmo-cijfer 2020 gecorrigeerd");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        var versions = await db.QuarterPublications.Where(p => p.Year == 2020 && p.Quarter == 4).OrderBy(p => p.Version).ToListAsync();
        versions.Select(v => v.Version).Should().Equal(1, 2);
        versions[1].Note.Should().Be("Wmo-cijfer 2020 gecorrigeerd");
        var audit = await db.AuditLog.Where(a => a.Action == AuditActions.QuarterPublished && a.Object == "kwartaal:2020-K4").OrderBy(a => a.Id).LastAsync();
        audit.Actor.Should().Be("adviseur");
        JsonDocument.Parse(audit.Details!).RootElement.GetProperty("versie").GetInt32().Should().Be(2);

        using var council = await ClientAsync(factory, Roles.CouncilMember);
        var v1 = Label(versions[0]);
        var v2 = Label(versions[1]);
        var newest = WebUtility.HtmlDecode(await council.GetStringAsync(new Uri("/?kwartaal=2020-K4", UriKind.Relative)));
        newest.Should().Contain($"U ziet <strong>{v2}</strong>").And.Contain("Correctie: Wmo-cijfer 2020 gecorrigeerd").And.Contain(v1)
            .And.Contain("62%").And.NotContain("Waarde gewijzigd na publicatie");
        var first = WebUtility.HtmlDecode(await council.GetStringAsync(new Uri("/?kwartaal=2020-K4&versie=1", UriKind.Relative)));
        first.Should().Contain($"U ziet <strong>{v1}</strong>").And.Contain("Waarde gewijzigd na publicatie: nu 62% (2020), bij publicatie 60%");
        var kpiPage = WebUtility.HtmlDecode(await council.GetStringAsync(new Uri($"/kpis/{Kpi}", UriKind.Relative)));
        kpiPage.Should().Contain(v1).And.Contain(v2).And.Contain("Wmo-cijfer 2020 gecorrigeerd");
        var (_, csv) = await ExportCsv.DownloadAsync(council, "/export/kwartaaloverzicht.csv?kwartaal=2020-K4&versie=1", Web.Exports.CsvDialect.Rfc4180);
        csv.Number(csv.Row("KPI-code", Kpi), "Waarde").Should().Be(60m);
        csv.Integer(csv.Row("KPI-code", Kpi), "Publicatieversie").Should().Be(1);
    }

    [Fact]
    public async Task FutureQuarter_AndAQuarterWithoutData_AreRefusedInDutch_AndNothingIsWritten()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await AdvisorAsync(factory);
        var current = Period.Containing(DateOnly.FromDateTime(DateTime.UtcNow), KpiFrequency.Quarter);
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var future = await PublishAsync(advisor, current.ToString(), null);
        var empty = await PublishAsync(advisor, "2021-K1", null);

        future.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()).Should().Contain($"Kwartaal {current} is nog niet voorbij")
            .And.NotContain("Bevestig: publiceer");
        WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()).Should().Contain("Voor kwartaal 2021-K1 zijn geen cijfers ingevoerd of geïmporteerd");
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task QuarterAfterAGap_NeedsAConfirmedCatchUp_ThatNamesTheSkippedQuarter_AndIsAudited()
    {
        await ExportData.ImportMeasurementsAsync(Database, $"{Kpi};2021-K2;75;provisional;004;nieuw;");
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var advisor = await AdvisorAsync(factory);
        var preview = WebUtility.HtmlDecode(await advisor.GetStringAsync(new Uri("/beheer/publiceren?kwartaal=2021-K2", UriKind.Relative)));
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var unconfirmed = await PublishAsync(advisor, "2021-K2", null);

        preview.Should().Contain("U slaat dit kwartaal over: 2021-K1").And.Contain("Ik bevestig dat 2021-K1 ongepubliceerd blijft");
        unconfirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()).Should().Contain("Vink de bevestiging aan om toch te publiceren.");
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);

        var token = await Accounts.AntiforgeryTokenAsync(advisor, "/beheer/publiceren?kwartaal=2021-K2");
        var confirmed = await advisor.PostAsync(new Uri("/beheer/publiceren", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Quarter"] = "2021-K2", ["CatchUp"] = "true",
        }));

        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        (await db.QuarterPublications.CountAsync(p => p.Year == 2021 && p.Quarter == 2)).Should().Be(1);
        (await db.QuarterPublications.CountAsync(p => p.Year == 2021 && p.Quarter == 1)).Should().Be(0, "a skipped quarter stays unpublished");
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.QuarterPublished && a.Object == "kwartaal:2021-K2");
        JsonDocument.Parse(audit.Details!).RootElement.GetProperty("overgeslagen").EnumerateArray().Select(e => e.GetString()).Should().Equal("2021-K1");
    }

    private static string Label(QuarterPublication p) =>
        $"versie {p.Version} van {TimeZoneInfo.ConvertTime(p.PublishedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")):dd-MM-yyyy}";

    [Fact]
    public async Task PreviewPage_HasNoSeriousAccessibilityViolations_AtDesktopAndPhoneWidth()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        await Accounts.CreateAsync(app.Factory, "adviseur", Roles.PolicyAdvisor);
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/account/inloggen"));
        await page.GetByLabel("Gebruikersnaam").FillAsync("adviseur");
        await page.GetByLabel("Wachtwoord").FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(app.Url("/beheer/publiceren?kwartaal=2020-K4"));
            (await page.Locator("#voorbeeld-tabel tbody tr").CountAsync()).Should().BeGreaterThan(0);
            (await page.GetByLabel("Toelichting op de correctie (verplicht)").IsVisibleAsync()).Should().BeTrue("2020-K4 is published: publishing again is a corrigendum");
            (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty($"at {width} px");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestig: publiceer 2020-K4 als versie 2" }).ClickAsync();
        (await page.Locator("#Note-fout").InnerTextAsync()).Should().Contain(QuarterPublisher.NoteRequired);
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty("with the error shown");
        await context.CloseAsync();
    }
}
