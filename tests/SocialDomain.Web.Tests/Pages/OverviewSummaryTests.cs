using System.Text.RegularExpressions;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>The overview's summary per programme and domain with jump links, and domains as headings (issue 18 item 4).</summary>
public partial class OverviewSummaryTests(TestDatabase database) : DatabaseTest(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Summary_LinksEveryProgrammeAndDomainToItsHeading_AndCountsEveryKpiOnce()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = Accounts.Client(factory);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        var summary = html[html.IndexOf("<nav aria-labelledby=\"samenvatting\"", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</nav>", StringComparison.Ordinal)];
        var targets = JumpLink().Matches(summary).Select(m => m.Groups[1].Value).ToList();
        targets.Should().Contain("programma-2").And.Contain(t => t.StartsWith("programma-2-", StringComparison.Ordinal));
        foreach (var target in targets)
        {
            html.Should().MatchRegex($"<h[23] id=\"{Regex.Escape(target)}\"", "the summary jumps to the heading of {0}", target);
        }

        // The programme rows' totals (class subtotal, last cell) add up to the number of KPI rows in the domain tables.
        var totals = ProgrammeTotal().Matches(summary).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var kpiRows = KpiRow().Matches(html).Count;
        totals.Should().Be(kpiRows).And.BeGreaterThan(0);
        DomainHeading().Matches(html).Count.Should().Be(Regex.Matches(summary, "class=\"indent\"").Count, "each domain of the summary is a heading");
    }

    [GeneratedRegex("<a href=\"#([^\"]+)\"")]
    private static partial Regex JumpLink();

    [GeneratedRegex("<tr class=\"subtotal\">(?:(?!</tr>).)*<td class=\"num\" data-label=\"Totaal\">(\\d+)</td>", RegexOptions.Singleline)]
    private static partial Regex ProgrammeTotal();

    [GeneratedRegex("<th scope=\"row\"><a href=\"/kpis/")]
    private static partial Regex KpiRow();

    [GeneratedRegex("<h3 id=\"programma-[^\"]+-kop\" class=\"domain-heading\">")]
    private static partial Regex DomainHeading();
}
