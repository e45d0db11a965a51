using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Dashboard;

/// <summary>A KPI with what its quarterly judgement needs: rule, target in force, published commentary.</summary>
public sealed record KpiQuarterInput(
    int Id,
    string Code,
    string Name,
    KpiUnit Unit,
    SocialDomainArea Domain,
    string? ProgrammeCode,
    string? ProgrammeName,
    KpiRule Rule,
    TargetInfo? Target,
    IReadOnlyList<(int Year, int Quarter, string Text, bool IsSynthetic)> PublishedCommentary);

/// <summary>
/// The two queries behind the quarterly overview and the publication snapshot: every KPI (with its
/// target in force and published commentary) and every measurement. Shared so that what is
/// published is exactly what the overview shows.
/// </summary>
public static class QuarterData
{
    /// <summary>Every KPI with the published commentary of every quarter, and every measurement (two round trips).</summary>
    public static async Task<(IReadOnlyList<KpiQuarterInput> Kpis, IReadOnlyDictionary<int, List<MeasurementPoint>> Measurements)> LoadAsync(
        SocialDomainDbContext db, CancellationToken cancellationToken)
    {
        var kpis = await LoadKpisAsync(db, commentaryQuarter: null, cancellationToken);
        var measurements = await LoadMeasurementsAsync(db, cancellationToken);
        return (kpis, measurements);
    }

    /// <summary>
    /// Every KPI with its target in force and published commentary (one round trip), in overview order.
    /// </summary>
    /// <param name="commentaryQuarter">Only this quarter's commentary, which is all the overview and a publication
    /// show (the query then reads one commentary per KPI instead of all of them); null for every quarter.</param>
    public static async Task<IReadOnlyList<KpiQuarterInput>> LoadKpisAsync(SocialDomainDbContext db, Period? commentaryQuarter, CancellationToken cancellationToken)
    {
        var allQuarters = commentaryQuarter is null;
        var year = commentaryQuarter?.Year ?? 0;
        var quarter = commentaryQuarter?.Quarter ?? 0;
        var kpis = await db.Kpis.AsNoTracking()
            .OrderBy(k => k.ProgrammeCode).ThenBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new
            {
                k.Id, k.Code, k.Name, k.Unit, k.Direction, k.BandLow, k.BandHigh, k.LegalNorm, k.Domain, k.ProgrammeCode,
                ProgrammeName = k.Programme != null ? k.Programme.Name : null,
                Target = k.Targets.OrderByDescending(t => t.Version).Select(t => new
                {
                    t.Version, t.TargetValue, t.DeadlineYear, t.DeadlineQuarter, t.BaselineValue, t.BaselineYear, t.BaselineQuarter,
                    t.ToleranceOnTrackPercent, t.ToleranceAttentionPercent,
                }).FirstOrDefault(),
                Commentaries = k.Commentaries
                    .Where(c => c.Status == CommentaryStatus.Published && (allQuarters || (c.Year == year && c.Quarter == quarter)))
                    .Select(c => new { c.Year, c.Quarter, c.Text, c.IsSynthetic }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return kpis.Select(k => new KpiQuarterInput(
            k.Id, k.Code, k.Name, k.Unit, k.Domain, k.ProgrammeCode, k.ProgrammeName,
            new KpiRule(k.Unit, k.Direction, k.BandLow, k.BandHigh, k.LegalNorm),
            k.Target is null ? null : new TargetInfo(k.Target.Version, k.Target.TargetValue,
                k.Target.DeadlineYear is { } dy ? new Period(dy, k.Target.DeadlineQuarter) : null,
                k.Target.BaselineValue, k.Target.BaselineYear is { } by ? new Period(by, k.Target.BaselineQuarter) : null,
                k.Target.ToleranceOnTrackPercent, k.Target.ToleranceAttentionPercent),
            k.Commentaries.Select(c => (c.Year, c.Quarter, c.Text, c.IsSynthetic)).ToList())).ToList();
    }

    /// <summary>Every measurement, per KPI id (one round trip).</summary>
    public static async Task<IReadOnlyDictionary<int, List<MeasurementPoint>>> LoadMeasurementsAsync(SocialDomainDbContext db, CancellationToken cancellationToken) =>
        (await db.KpiMeasurements.AsNoTracking()
            .Select(m => new { m.KpiId, m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic })
            .ToListAsync(cancellationToken))
        .GroupBy(m => m.KpiId)
        .ToDictionary(g => g.Key, g => g.Select(m => new MeasurementPoint(new Period(m.Year, m.Quarter), m.Value, m.Status, m.IsSynthetic)).ToList());

    /// <summary>Every quarter in which some measurement becomes available, newest first.</summary>
    public static IReadOnlyList<Period> QuartersWithData(IReadOnlyDictionary<int, List<MeasurementPoint>> measurements) =>
        measurements.Values.SelectMany(s => s).Select(m => KpiEvaluation.EndQuarter(m.Period)).Distinct().OrderDescending().ToList();
}

/// <summary>
/// The output cache of what anonymous readers see (overview, KPI pages, benchmark; docs/performance.md). Only
/// anonymous GET/HEAD 200 responses without cookies are stored and served (ASP.NET Core's default policy, which
/// needs <c>UseOutputCache</c> after authentication and authorization): signed-in council members and staff always
/// get a fresh page. Entries vary by the whole query string, carry <see cref="Tag"/>, and are evicted when figures,
/// targets, commentary or publications change in this instance (<see cref="EvictAsync"/>); a change made
/// elsewhere (another instance, the import command) shows after at most <see cref="Lifetime"/>. Entries also vary
/// by Accept-Encoding: the pages are stored compressed (<see cref="IsCompressible"/>).
/// </summary>
public static class DashboardOutputCache
{
    public const string PolicyName = "PublishedDashboard";

    public const string Tag = "dashboard";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static void Configure(OutputCachePolicyBuilder policy) => policy.Expire(Lifetime).Tag(Tag).SetVaryByHeader(HeaderNames.AcceptEncoding);

    /// <summary>
    /// True for anonymous requests to the cached pages. Only their responses are compressed (stored compressed, so
    /// once per cache entry): they hold no secret (no antiforgery token, no user data), so compression cannot leak one
    /// (BREACH); every other response stays uncompressed, as before.
    /// </summary>
    public static bool IsCompressible(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PolicyName;

    /// <summary>Brotli and gzip for the responses <see cref="IsCompressible"/> selects (also behind HTTPS, see there).</summary>
    public static void ConfigureCompression(ResponseCompressionOptions options)
    {
        options.EnableForHttps = true;
        // Each entry is compressed once, when it is stored: worth the better ratio of Optimal over the default Fastest.
        options.Providers.Add(new BrotliCompressionProvider(Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Optimal })));
        options.Providers.Add(new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Optimal })));
    }

    /// <summary>Drops every cached dashboard page; call after a change that anonymous readers could see.</summary>
    public static async Task EvictAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<IOutputCacheStore>() is { } store)
        {
            await store.EvictByTagAsync(Tag, cancellationToken);
        }
    }
}
