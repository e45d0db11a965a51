using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using SocialDomain.Web.Tests.Security;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>
/// Every page, public and staff, at desktop (1366 px) and phone (390 px) width with the real seed data: the page itself
/// never scrolls sideways and axe finds nothing serious or critical (issue 18 item 4). The routes come from
/// <see cref="RoleRouteMatrixTests.Matrix"/>, each opened by the first column that may see it; a guard fails when the app
/// has a page that neither list reaches, so a new page cannot be forgotten. Each page is also laid out for A4 printing
/// (issue 20 item 4) and checked like <see cref="PrintLayoutTests"/>. One browser, one context per role.
/// </summary>
public class EveryPageSweepTests(TestDatabase database, BrowserFixture browser) : DatabaseTest(database), IClassFixture<BrowserFixture>
{
    private static readonly (int Width, int Height)[] Viewports = [(1366, 900), (390, 844)];

    /// <summary>Pages the matrix does not list (no access to check, or other KPIs' variants), with who opens them.</summary>
    private static readonly (string Route, string? Role)[] Extra =
    [
        ("/kpis/JEUGD_LEADTIME_WITHIN_TERM", null), // one measurement, a target and a legal norm
        ("/kpis/WMO_LEADTIME_WITHIN_TERM", null), // two target versions
        ("/kpis/WI_BUIG_DEFICIT", null), // euro amounts
        ("/Fout/404", null),
        ("/bestaat-niet", null),
        ("/account/geen-toegang", Roles.CouncilMember),
        ("/", Roles.PolicyAdvisor), // staff see unpublished quarters and the Beheer link in the header
    ];

    /// <summary>Page routes that show nothing of their own: a redirect, or a load-test page that is off by default.</summary>
    private static readonly string[] NotPages = ["/account/start", "/account/uitloggen", "/bench/fortunes"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    /// <summary>The HTML pages of the matrix by the first column that may open them, then <see cref="Extra"/>.</summary>
    private static IEnumerable<(string Route, string? Role)> Routes() =>
        RoleRouteMatrixTests.Matrix
            .Where(r => !r.Route.Contains("handler=", StringComparison.Ordinal) && Array.IndexOf(r.Expected, RoleRouteMatrixTests.Ok) >= 0)
            .Select(r => (r.Route, RoleRouteMatrixTests.Users[Array.IndexOf(r.Expected, RoleRouteMatrixTests.Ok)]))
            .Concat(Extra);

    [Fact]
    public async Task EveryPage_AtDesktopAndPhoneWidth_HasNoSidewaysScroll_AndNoSeriousAccessibilityViolations()
    {
        await using var app = new ServedDashboard(Database.ConnectionString);
        var problems = new List<string>();

        // The Beheerder's password-reset page needs a real account (the matrix only knows an unknown one, a 404).
        await Accounts.CreateAsync(app.Factory, "sweep-doelwit", Roles.CouncilMember);
        await using var db = Database.CreateContext();
        var target = await db.Users.Where(u => u.UserName == "sweep-doelwit").Select(u => u.Id).SingleAsync();
        var routes = Routes().Append((Route: $"/beheer/gebruikers/{target}/wachtwoord", Role: (string?)Roles.Administrator));
        foreach (var group in routes.GroupBy(r => r.Role))
        {
            var (context, page) = await OpenAsync(app, group.Key, problems);
            foreach (var (route, _) in group)
            {
                foreach (var (width, height) in Viewports)
                {
                    await page.SetViewportSizeAsync(width, height);
                    await page.GotoAsync(app.Url(route));
                    problems.AddRange((await CheckAsync(page)).Select(p => $"{group.Key ?? "anoniem"} {route} @{width}: {p}"));
                }

                // Printed on A4 in portrait (180 mm between the margins): nothing cut off on the right, no amount split.
                await page.SetViewportSizeAsync(680, 1009);
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                problems.AddRange((await page.EvaluateAsync<string[]>(PrintLayoutTests.Check)).Select(p => $"{group.Key ?? "anoniem"} {route} afgedrukt: {p}"));
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
            }

            await context.CloseAsync();
        }

        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EveryPageOfTheApp_IsInTheSweep()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        var templates = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText)
            .Where(t => !t.EndsWith("/Index", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        templates.Should().Contain("/beheer/kpis/{code}/bewerken", "the endpoints are read");

        var swept = Routes().Select(r => r.Route.Split('?')[0]).Concat(NotPages).Append("/account/inloggen/code")
            .Append("/beheer/gebruikers/sweep-doelwit/wachtwoord").ToList(); // visited with the account's id
        templates.Where(t => !swept.Any(route => Pattern(t).IsMatch(route))).Should().BeEmpty("every page is opened by the sweep");
    }

    /// <summary>A context for the column: anonymous, or logged in through the form (a Beheerder's code page is checked on the way).</summary>
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(ServedDashboard app, string? role, List<string> problems)
    {
        if (role is null)
        {
            var context = await browser.Browser.NewContextAsync();
            return (context, await context.NewPageAsync());
        }

        return await BrowserLogin.AsAsync(browser.Browser, app, "sweep-" + role.ToLowerInvariant(), role, Viewports[0].Width, Viewports[0].Height,
            async codePage =>
            {
                foreach (var (width, height) in Viewports)
                {
                    await codePage.SetViewportSizeAsync(width, height);
                    problems.AddRange((await CheckAsync(codePage)).Select(p => $"{role} /account/inloggen/code @{width}: {p}"));
                }
            });
    }

    /// <summary>With every disclosure opened: the elements that stick out to the right when the page scrolls sideways, and axe's findings.</summary>
    private static async Task<IEnumerable<string>> CheckAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var wide = await page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
                [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
                    .map(e => 'sideways: ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))
                    .slice(0, 6)
                    .concat(['scrollWidth ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth])
            """);
        return wide.Concat(await Accessibility.SeriousViolationsAsync(page));
    }

    /// <summary>A route template as a pattern: "/kpis/{code}" matches "/kpis/SP_SCORE", "/Fout/{code:int?}" also "/Fout".</summary>
    private static Regex Pattern(string template) => new(
        "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), @"/\{[^}]+\?\}|/\{[^}]+\}",
            m => m.Value.EndsWith("?}", StringComparison.Ordinal) ? "(/[^/]+)?" : "/[^/]+") + "$",
        RegexOptions.IgnoreCase);
}
