using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Exports;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Features.Publication;

/// <summary>
/// A published quarter stays as published on the overview, the KPI page, the CSV and the API, whatever changes later
/// (target, value, definition, commentary); each change is marked "gewijzigd na publicatie", and ?stand= before the
/// change shows none.
/// </summary>
public class PublishedSnapshotTests(TestDatabase database) : ExportTest(database)
{
    private const string Kpi = "WMO_LEADTIME_WITHIN_TERM";
    private static readonly Period Quarter = Period.OfQuarter(2021, 1);
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Publishes 2021-K1 with Wmo at 75 % and a published commentary, then changes target, value, direction and commentary.</summary>
    private async Task<(PublishedFigure Frozen, DateTimeOffset ChangedAt)> PublishThenChangeAsync()
    {
        await ExportData.ImportMeasurementsAsync(Database, $"{Kpi};2021-K1;75;provisional;004;nieuw;");
        var now = DateTimeOffset.UtcNow;
        await using (var db = Database.CreateContext())
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == Kpi);
            var commentary = new KpiCommentary
            {
                KpiId = kpi.Id, Year = 2021, Quarter = 1, Text = "Oorspronkelijke toelichting", Status = CommentaryStatus.Published, Author = "adviseur",
                UpdatedAt = now, PublishedAt = now,
            };
            commentary.Versions.Add(new KpiCommentaryVersion
            {
                Version = 1, Text = commentary.Text, Status = CommentaryStatus.Published, Author = "adviseur", CreatedAt = now, PublishedAt = now, PublishedBy = "adviseur",
            });
            db.KpiCommentaries.Add(commentary);
            await db.SaveChangesAsync();
            (await QuarterPublisher.PublishAsync(db, Quarter, "adviseur", "test", TimeProvider.System)).Should().NotBeNull();
        }

        // Three days later (so that a stand of today comes before every change).
        var later = now.AddDays(3);
        await using (var db = Database.CreateContext())
        {
            var kpi = await db.Kpis.Include(k => k.Targets).SingleAsync(k => k.Code == Kpi);
            var newest = kpi.Targets.MaxBy(t => t.Version)!;
            kpi.Targets.Add(new Data.Entities.KpiTarget
            {
                Version = newest.Version + 1, ValidFromYear = newest.ValidFromYear, ValidFromQuarter = newest.ValidFromQuarter, TargetValue = 70m,
                DeadlineYear = newest.DeadlineYear, DeadlineQuarter = newest.DeadlineQuarter, ChangeReason = "Bijgesteld na publicatie",
                ChangedBy = "adviseur", ChangedAt = later, Source = SourceReference.None,
            });
            kpi.TargetRevision++;
            kpi.Direction = KpiDirection.LowerIsBetter;
            (await db.KpiMeasurements.SingleAsync(m => m.KpiId == kpi.Id && m.Year == 2021 && m.Quarter == 1)).Value = 77m;
            var commentary = await db.KpiCommentaries.SingleAsync(c => c.KpiId == kpi.Id && c.Year == 2021 && c.Quarter == 1);
            commentary.Text = "Bijgestelde toelichting";
            commentary.PublishedAt = later;
            db.KpiCommentaryVersions.Add(new KpiCommentaryVersion
            {
                CommentaryId = commentary.Id, Version = 2, Text = commentary.Text, Status = CommentaryStatus.Published, Author = "adviseur",
                CreatedAt = later, PublishedAt = later, PublishedBy = "adviseur",
            });
            await db.SaveChangesAsync();
            var frozen = await db.PublishedFigures.SingleAsync(f => f.KpiId == kpi.Id && f.Publication!.Year == 2021 && f.Publication.Quarter == 1);
            return (frozen, later);
        }
    }

    [Fact]
    public async Task PublishedQuarter_KeepsItsFiguresAndStatus_AndMarksEveryLaterChange_OnPageKpiPageCsvAndApi()
    {
        var (frozen, changedAt) = await PublishThenChangeAsync();
        frozen.Value.Should().Be(75m);
        frozen.Direction.Should().Be(KpiDirection.HigherIsBetter);
        frozen.Commentary.Should().Be("Oorspronkelijke toelichting");
        frozen.CommentaryVersion.Should().Be(1);
        frozen.StatusReason.Should().NotBeNull("a new publication freezes its status");
        var frozenStatus = frozen.Status.ToDutchLabel();
        var changeDate = TimeZoneInfo.ConvertTime(changedAt, Amsterdam).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await using var factory = new DashboardFactory(Database.ConnectionString);
        foreach (var role in new[] { null, Roles.CouncilMember })
        {
            using var client = await ClientAsync(factory, role);

            var overview = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/?kwartaal=2021-K1", UriKind.Relative)));
            overview.Should().Contain("Waarde gewijzigd na publicatie: nu 77% (2021-K1), bij publicatie 75%; datum van de wijziging onbekend")
                .And.Contain($"Streefwaarde gewijzigd na publicatie: nu 70% (versie {frozen.TargetVersion + 1}), bij publicatie {DutchFormat.Value(frozen.TargetValue!.Value, KpiUnit.Percent)} (versie {frozen.TargetVersion}); vastgelegd op {changeDate}")
                .And.Contain("Richting gewijzigd na publicatie: nu lager is beter, bij publicatie hoger is beter")
                .And.Contain("Oorspronkelijke toelichting")
                .And.Contain($"Aanvulling na publicatie ({changeDate}):")
                .And.Contain("Toelichting gewijzigd na publicatie: nu versie 2, bij publicatie versie 1");

            var kpiPage = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/kpis/{Kpi}", UriKind.Relative)));
            kpiPage.Should().Contain("<strong>75%</strong>").And.Contain(frozenStatus)
                .And.Contain("Waarde gewijzigd na publicatie").And.Contain("Streefwaarde gewijzigd na publicatie").And.Contain("Richting gewijzigd na publicatie")
                .And.Contain("Oorspronkelijke toelichting").And.Contain($"Aanvulling na publicatie ({changeDate}):").And.Contain("Bijgestelde toelichting");

            var (_, csv) = await ExportCsv.DownloadAsync(client, "/export/kwartaaloverzicht.csv?kwartaal=2021-K1", CsvDialect.Rfc4180);
            var row = csv.Row("KPI-code", Kpi);
            csv.Number(row, "Waarde").Should().Be(75m);
            csv.Number(row, "Streefwaarde").Should().Be(frozen.TargetValue);
            csv.Text(row, "Status").Should().Be(frozenStatus);
            csv.Text(row, "Correctie na publicatie").Should().Contain("Waarde gewijzigd na publicatie").And.Contain("Streefwaarde gewijzigd na publicatie")
                .And.Contain("Richting gewijzigd na publicatie").And.Contain("Toelichting gewijzigd na publicatie");

            using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/kwartalen/2021-K1", UriKind.Relative)));
            var record = api.RootElement.GetProperty("gegevens").EnumerateArray().Single(r => r.GetProperty("kpiCode").GetString() == Kpi);
            record.GetProperty("waarde").GetDecimal().Should().Be(75m);
            record.GetProperty("streefwaarde").GetDecimal().Should().Be(frozen.TargetValue!.Value);
            record.GetProperty("versieStreefwaarde").GetInt32().Should().Be(frozen.TargetVersion!.Value);
            record.GetProperty("status").GetString().Should().Be(frozenStatus);
            record.GetProperty("publicatieversie").GetInt32().Should().Be(1);
            record.GetProperty("correctieNaPublicatie").GetString().Should().Contain("Streefwaarde gewijzigd na publicatie").And.Contain("Waarde gewijzigd na publicatie");

            // As published today, before the changes: the same figures, no mark.
            var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var standOverview = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/?kwartaal=2021-K1&stand={today}", UriKind.Relative)));
            standOverview.Should().Contain("75%").And.Contain("Oorspronkelijke toelichting").And.NotContain("gewijzigd na publicatie").And.NotContain("Aanvulling na publicatie");
            var standKpi = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/kpis/{Kpi}?stand={today}", UriKind.Relative)));
            standKpi.Should().Contain("<strong>75%</strong>").And.NotContain("gewijzigd na publicatie");
            var (_, standCsv) = await ExportCsv.DownloadAsync(client, $"/export/kwartaaloverzicht.csv?kwartaal=2021-K1&stand={today}", CsvDialect.Rfc4180);
            standCsv.Text(standCsv.Row("KPI-code", Kpi), "Correctie na publicatie").Should().BeEmpty();
            standCsv.Number(standCsv.Row("KPI-code", Kpi), "Waarde").Should().Be(75m);
            using var standApi = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/kwartalen/2021-K1?stand={today}", UriKind.Relative)));
            standApi.RootElement.GetProperty("gegevens").EnumerateArray().Should().OnlyContain(r => r.GetProperty("correctieNaPublicatie").ValueKind == JsonValueKind.Null);
        }
    }

    [Theory]
    [InlineData("/?stand=gisteren", "'gisteren' is geen datum voor de stand; gebruik bijvoorbeeld ?stand=2020-03-15")]
    [InlineData("/?stand=2001-01-01", "Op 01-01-2001 was nog geen kwartaal gepubliceerd")]
    [InlineData("/kpis/WMO_LEADTIME_WITHIN_TERM?stand=2001-01-01", "Op 01-01-2001 was nog geen kwartaal gepubliceerd")]
    public async Task Stand_ThatCannotBeShown_IsExplainedInDutch_AtTheTopOfThePage(string url, string message)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = SocialDomain.Web.Tests.Infrastructure.Accounts.Client(factory);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the page falls back to the dashboard of now");
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message);
    }

    [Theory]
    [InlineData("/export/kwartaaloverzicht.csv?stand=15-13-2020", "'15-13-2020' is geen datum voor de stand")]
    [InlineData("/export/kwartaaloverzicht.csv?stand=2001-01-01", "Op 01-01-2001 was nog geen kwartaal gepubliceerd")]
    [InlineData("/export/kpi-metingen.csv?kpi=WMO_LEADTIME_WITHIN_TERM&stand=2001-01-01", "Op 01-01-2001 was nog geen kwartaal gepubliceerd")]
    [InlineData("/api/v1/kwartalen/2020-K4?stand=2001-01-01", "Op 01-01-2001 was nog geen kwartaal gepubliceerd")]
    [InlineData("/api/v1/kwartalen/2020-K4?stand=morgen", "'morgen' is geen datum voor de stand")]
    public async Task Stand_ThatCannotBeShown_GivesExportAndApiA400WithTheDutchMessage(string url, string message)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = SocialDomain.Web.Tests.Infrastructure.Accounts.Client(factory);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
    }
}
