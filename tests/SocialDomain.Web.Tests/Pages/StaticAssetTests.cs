using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>Static files: fingerprinted, cached for a year, sent compressed; Chart.js only where a chart is (issue 18 item 9, ADR 0012).</summary>
public partial class StaticAssetTests(TestDatabase database) : DatabaseTest(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task ChartJs_OnAKpiPage_HasAFingerprintedUrl_CachedForAYear_AndIsSentCompressed()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = Accounts.Client(factory);
        var html = await client.GetStringAsync(new Uri("/kpis/SP_SCORE", UriKind.Relative));
        var url = ChartScript().Match(html);
        url.Success.Should().BeTrue("the KPI page has a chart");
        url.Groups[1].Value.Should().MatchRegex(@"^/lib/chart\.js/dist/chart\.umd\.min\.[a-z0-9]{6,}\.js$", "the URL carries the content's fingerprint");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url.Groups[1].Value, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);

        response.IsSuccessStatusCode.Should().BeTrue();
        response.Headers.CacheControl!.MaxAge.Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(365));
        response.Headers.CacheControl.Extensions.Select(e => e.Name).Should().Contain("immutable");
        response.Content.Headers.ContentEncoding.Should().ContainSingle().Which.Should().BeOneOf("br", "gzip");
    }

    [Theory]
    [InlineData("/account/inloggen", false)]
    [InlineData("/export", false)]
    [InlineData("/", false)] // sparklines are server-side SVG since issue 21
    [InlineData("/kpis/SP_SCORE", true)]
    [InlineData("/benchmark", true)]
    [InlineData("/begroting", false)]
    [InlineData("/reserves", true)]
    [InlineData("/projecten", false)]
    public async Task ChartJs_IsReferencedOnlyByPagesWithAChart(string path, bool hasChart)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = Accounts.Client(factory);

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        html.Contains("data-chart=", StringComparison.Ordinal).Should().Be(hasChart);
        html.Contains("chart.umd", StringComparison.OrdinalIgnoreCase).Should().Be(hasChart);
        html.Contains("/js/charts", StringComparison.Ordinal).Should().Be(hasChart);
    }

    [GeneratedRegex("<script src=\"([^\"]*chart\\.umd[^\"]*)\"")]
    private static partial Regex ChartScript();
}
