using System.Net;
using System.Text.RegularExpressions;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages.Beheer;

/// <summary>/beheer/audit: newest first, 50 rows a page, search in actor, action and object with % and _ taken literally.</summary>
public partial class AuditPageTests(TestDatabase database) : DatabaseTest(database)
{
    private static int Rows(string html) => RowPattern().Matches(html).Count;

    [Fact]
    public async Task AuditPage_PagesFiftyRowsNewestFirst_AndSearchesLiterally()
    {
        await using (var db = Database.CreateContext())
        {
            var start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
            db.AuditLog.AddRange(Enumerable.Range(1, 55).Select(i => new AuditLogEntry
            {
                Timestamp = start.AddMinutes(i), Actor = $"tester{i:00}", Action = "test.actie", Object = $"kpi:T{i:00}", Result = "gelukt", Origin = "127.0.0.1",
            }));
            await db.SaveChangesAsync();
        }

        await using var factory = new DashboardFactory(Database.ConnectionString);
        await Accounts.CreateAsync(factory, "beheerder", Roles.Administrator);
        using var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "beheerder");

        var first = await client.GetStringAsync(new Uri("/beheer/audit?zoek=test.actie", UriKind.Relative));
        var second = await client.GetStringAsync(new Uri("/beheer/audit?zoek=test.actie&pagina=2", UriKind.Relative));
        var literal = await client.GetStringAsync(new Uri("/beheer/audit?zoek=" + Uri.EscapeDataString("tester_1"), UriKind.Relative));
        var clamped = await client.GetStringAsync(new Uri("/beheer/audit?pagina=-3", UriKind.Relative));

        Rows(first).Should().Be(50);
        first.IndexOf("kpi:T55", StringComparison.Ordinal).Should().BeLessThan(first.IndexOf("kpi:T06", StringComparison.Ordinal), "newest first");
        first.Should().Contain("pagina=2\">Volgende</a>").And.NotContain("Vorige");
        Rows(second).Should().Be(5);
        second.Should().Contain("kpi:T01").And.Contain("Vorige").And.NotContain("Volgende");
        Rows(literal).Should().Be(0, "_ is matched literally, not as any character");
        WebUtility.HtmlDecode(clamped).Should().Contain("Pagina 1");
    }

    [GeneratedRegex("<tr><td[ >]")]
    private static partial Regex RowPattern();
}
