using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Exports;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Features.Targets;

/// <summary>
/// The seed's target versions in time (docs/time-model.md, "Streefwaarden in de tijd"): each quarter is judged against
/// the version in force then, and imported versions carry the start and decision from the sources, never the import time.
/// </summary>
public partial class SeedTargetTimeTests(TestDatabase database) : ExportTest(database)
{
    private const string Wmo = "WMO_LEADTIME_WITHIN_TERM";

    [Theory]
    [InlineData("2019-K3", 95)]
    [InlineData("2020-K4", 80)]
    public async Task WmoLeadTime_IsJudgedAgainstTheVersionInForce_OnTheOverview_InItsCsv_AndInTheApi(string quarter, int target)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);

        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/?kwartaal={quarter}", UriKind.Relative)));
        var (_, table) = await ExportCsv.DownloadAsync(anonymous, $"/export/kwartaaloverzicht.csv?kwartaal={quarter}", ExportData.Dialect("rfc4180"));

        var row = RowOf(html, $"/kpis/{Wmo}");
        TargetCell().Match(row).Groups[1].Value.Should().StartWith($"{target}%", $"in {quarter} the Wmo lead time is judged against {target} %");
        table.Number(table.Row("KPI-code", Wmo), "Streefwaarde").Should().Be(target);

        using var api = await anonymous.GetAsync(new Uri($"/api/v1/kwartalen/{quarter}", UriKind.Relative));
        api.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var record = json.RootElement.GetProperty("gegevens").EnumerateArray().Single(r => r.GetProperty("kpiCode").GetString() == Wmo);
        record.GetProperty("streefwaarde").GetDecimal().Should().Be(target);
    }

    [Fact]
    public async Task ImportedVersions_CarryTheirStartAndDecisionFromTheSources_NeverTheImportTime()
    {
        await using var db = Database.CreateContext();
        var targets = await db.KpiTargets.AsNoTracking().Include(t => t.Kpi).OrderBy(t => t.Kpi!.Code).ThenBy(t => t.Version).ToListAsync();

        targets.Where(t => t.Kpi!.Code == Wmo).Select(t => (t.Version, t.TargetValue, t.ValidFrom.ToString(), t.Source.Document)).Should().Equal(
            (1, 95m, "2019-K3", "000"), (2, 80m, "2020-K2", "003"));
        targets.Should().OnlyContain(t => t.DecisionDate == null, "no source gives the day of a target decision");
        targets.Single(t => t.Kpi!.Code == "SP_WAITING_TIME").Should().Match<SocialDomain.Web.Data.Entities.KpiTarget>(t =>
            t.DecidedBy == DecisionBody.Council && t.ValidFromYear == 2017 && t.ValidFromQuarter == 2 && t.DecisionDocument == "Investeringsplan WINST (001)");
        targets.Should().OnlyContain(t => t.Rationale!.Contains("afgeleid", StringComparison.Ordinal), "every start is derived from a document date and says so");

        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var anonymous = await ClientAsync(factory, null);
        var today = SocialDomain.Web.Formatting.DutchText.Date(factory.Clock.GetUtcNow());
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/kpis/{Wmo}", UriKind.Relative)));
        var history = page[page.IndexOf("id=\"streefwaarde-historie\"", StringComparison.Ordinal)..];
        history = history[..history.IndexOf("</table>", StringComparison.Ordinal)];
        history.Should().Contain("ingelezen uit raadsbrief 2019 over WINST (000)").And.Contain("ingelezen uit KPMG-rapport en raadsbrief 2020 (003)").And.Contain("<td>2019-K3</td>").And.Contain("<td>2020-K2</td>")
            .And.NotContain(today, "the moment of the import is no date of a target version");

        var response = await anonymous.GetAsync(new Uri($"/api/v1/streefwaarden?kpi={Wmo}", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var records = json.RootElement.GetProperty("gegevens").EnumerateArray().ToList();
        records.Select(r => (r.GetProperty("geldigVanaf").GetString(), r.GetProperty("vastgelegdDoor").GetString(), r.GetProperty("vastgelegdOp").ValueKind))
            .Should().Equal(("2019-K3", "ingelezen uit bron 000", JsonValueKind.Null), ("2020-K2", "ingelezen uit bron 003", JsonValueKind.Null));
        records.Select(r => r.GetProperty("huidigeVersie").GetBoolean()).Should().Equal([false, true], "version 2 is in force in the current quarter");
    }

    [Fact]
    public async Task Reimport_OfTheSeed_ChangesNothing()
    {
        await using var db = Database.CreateContext();
        var before = await TableChecksums.ReadAsync(Database.ConnectionString);

        var report = await SocialDomain.Web.Data.Seeding.SeedData.LoadAsync(db);

        report.Succeeded.Should().BeTrue();
        (report.Inserted, report.Updated).Should().Be((0, 0));
        (await TableChecksums.ReadAsync(Database.ConnectionString)).Should().Equal(before);
    }

    /// <summary>The table row of the overview that links to <paramref name="href"/>.</summary>
    private static string RowOf(string html, string href)
    {
        var at = html.IndexOf($"href=\"{href}\"", StringComparison.Ordinal);
        at.Should().BePositive();
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"data-label=""Streefwaarde"">\s*([^<]*)")]
    private static partial Regex TargetCell();
}
