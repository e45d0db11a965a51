using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Features.Overview;

namespace SocialDomain.Web.Features.Domains;

/// <summary>
/// The database round trips behind a domain page (/domeinen/{domein}): the Kwartaaloverzicht of the current quarter
/// (five, <see cref="OverviewQuery"/>), the domain's taakvelden (one), the budget lines (one, <see cref="BudgetQuery"/>),
/// the benchmark of the domain total (four, <see cref="BenchmarkQuery"/>; none without a benchmark domain) and the home
/// municipality's taakveld figures with its population (one) and the explanation thresholds (one): at most thirteen.
/// </summary>
/// <param name="homeCode">The home municipality of the benchmark and of the own cost per inhabitant (the configured one).</param>
public sealed class DomainQuery(SocialDomainDbContext db, string homeCode)
{
    /// <summary>The home municipality of the benchmark and of the own cost per inhabitant.</summary>
    public string HomeCode => homeCode;

    public async Task<DomainData> LoadAsync(DomainPage page, bool showsUnpublished, CancellationToken cancellationToken) =>
        await LoadAsync(page, await OverviewQuery.LoadAsync(db, null, showsUnpublished, cancellationToken), showsUnpublished, cancellationToken);

    /// <summary>
    /// The domain with an overview already read (the council report passes the quarter's frozen publication): the
    /// KPI part then shows exactly what that overview shows; budget and benchmark are read as they are now.
    /// </summary>
    public async Task<DomainData> LoadAsync(DomainPage page, OverviewData overviewData, bool showsUnpublished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(overviewData);
        var overview = OverviewReport.Build(overviewData, showsUnpublished);
        var kpiTaskFields = overviewData.Kpis.Where(k => k.Kpi.TaskFieldCode is not null)
            .ToDictionary(k => k.Kpi.Code, k => k.Kpi.TaskFieldCode!, StringComparer.Ordinal);

        var area = page.Area;
        var taskFields = await db.TaskFields.AsNoTracking().Where(t => t.Domain == area).OrderBy(t => t.Code)
            .Select(t => new DomainTaskField(t.Code, t.Name)).ToListAsync(cancellationToken);

        var lines = await new BudgetQuery(db).LinesAsync(cancellationToken);

        var benchmark = page.BenchmarkDomain is { } domain
            ? await new BenchmarkQuery(db, homeCode).RunAsync(new BenchmarkInput(domain.ToString().ToLowerInvariant(), null, HomeCode, new Dictionary<string, string>()), cancellationToken)
            : null;

        var codes = taskFields.Select(t => t.Code).ToList();
        var home = await db.Municipalities.AsNoTracking().Where(m => m.Code == HomeCode)
            .Select(m => new
            {
                Populations = m.Characteristics.Select(c => new PopulationSnapshot(c.Snapshot, c.Population)).ToList(),
                Figures = db.BenchmarkObservations
                    .Where(o => o.MunicipalityCode == m.Code && o.TaskFieldCode != null && codes.Contains(o.TaskFieldCode))
                    .Select(o => new HomeTaskFieldFigure(o.TaskFieldCode!, o.Year, o.Stage, o.ValuePerInhabitant)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        // One more round trip: the explanation thresholds, each year's variance judged by the version in force then.
        var thresholds = await new BudgetQuery(db).ThresholdsAsync(cancellationToken);
        return new DomainData(page, overview, kpiTaskFields, taskFields, lines, benchmark, home?.Figures ?? [], home?.Populations ?? [], thresholds);
    }
}
