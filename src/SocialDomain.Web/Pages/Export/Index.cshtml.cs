using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Export;

/// <summary>
/// Export: every CSV export with its filters and both dialects, what each role may download, and the open-data API.
/// The choices offered follow the same rules as the pages (the public sees published quarters only).
/// </summary>
public class IndexModel(SocialDomainDbContext db, Microsoft.Extensions.Options.IOptions<Infrastructure.MunicipalityOptions> municipality) : PageModel
{
    public bool MayBulk { get; private set; }

    public bool MayAudit { get; private set; }

    public IReadOnlyList<Period> Quarters { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> KpiOptions { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> BenchmarkFields { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> BenchmarkColumns { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Municipalities { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Programmes { get; private set; } = [];

    public static IReadOnlyList<(string Value, string Label)> Domains { get; } =
        Tokens.Domain.Select(d => (d.Key, DutchText.Domain(d.Value))).ToList();

    public static IEnumerable<(string Title, IReadOnlyList<ExportDefinition> Exports)> TableGroups =>
        ExportCatalogue.All.Where(e => e.Access == ExportAccess.Dashboard)
            .GroupBy(e => e.ShownOn switch
            {
                "/" => "Kwartaaloverzicht (dashboard)",
                "/kpis" or "/kpis/{code}" => "KPI's",
                "/benchmark" => "Benchmark G40",
                _ => "Begroting",
            })
            .Select(g => (g.Key, (IReadOnlyList<ExportDefinition>)g.ToList()));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MayBulk = User.IsInRole(Roles.Controller) || User.IsInRole(Roles.Administrator);
        MayAudit = User.IsInRole(Roles.Administrator);

        var published = await Visibility.PublishedQuartersAsync(db, cancellationToken);
        if (Roles.MaySeeUnpublished(User))
        {
            var withData = (await db.KpiMeasurements.AsNoTracking().Select(m => new { m.Year, m.Quarter }).Distinct().ToListAsync(cancellationToken))
                .Select(m => QuarterOrdinal.EndQuarter(new Period(m.Year, m.Quarter)));
            Quarters = published.Union(withData).OrderDescending().ToList();
        }
        else
        {
            Quarters = published;
        }

        KpiOptions = (await db.Kpis.AsNoTracking().OrderBy(k => k.Name).Select(k => new { k.Code, k.Name }).ToListAsync(cancellationToken))
            .Select(k => (k.Code, k.Name)).ToList();
        Programmes = (await db.Programmes.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Code, p.Name)).ToList();

        var benchmark = new BenchmarkQuery(db, municipality.Value.Code);
        var catalogue = await benchmark.CatalogueAsync(cancellationToken);
        BenchmarkFields = BenchmarkCatalogue.Fields(catalogue).Select(f => (f.Token, f.Label)).ToList();
        BenchmarkColumns = BenchmarkCatalogue.Columns(catalogue).Select(c => (c.Token, c.Label)).ToList();
        Municipalities = (await benchmark.MunicipalitiesAsync(cancellationToken)).Select(m => (m.Code, m.Name)).ToList();
    }

    public bool MayDownload(ExportDefinition export) => export.Access switch
    {
        ExportAccess.Dashboard => true,
        ExportAccess.Bulk => MayBulk,
        _ => MayAudit,
    };

    public static string AccessText(ExportAccess access) => access switch
    {
        ExportAccess.Dashboard => "iedereen die het dashboard mag zien, met dezelfde regels als de pagina",
        ExportAccess.Bulk => "alleen Controller en Beheerder",
        _ => "alleen Beheerder",
    };

    /// <summary>Options of a select field; null for a free input.</summary>
    public IReadOnlyList<(string Value, string Label)>? Options(ExportParameter parameter, ExportDefinition export) => parameter.Kind switch
    {
        ParameterKind.Quarter => Quarters.Select(q => (q.ToString(), q.ToString())).ToList(),
        ParameterKind.Kpi => KpiOptions.Select(k => (k.Code, $"{k.Name} ({k.Code})")).ToList(),
        ParameterKind.Domain when export.Name == BenchmarkDataset.Name =>
            Domains.Where(d => d.Value is "jeugd" or "wmo" or "voorveld").ToList(),
        ParameterKind.Domain => Domains,
        ParameterKind.Programme => Programmes.Select(p => (p.Code, $"{p.Code} {p.Name}")).ToList(),
        ParameterKind.BenchmarkField => BenchmarkFields,
        ParameterKind.BenchmarkColumn => BenchmarkColumns,
        ParameterKind.Municipality => Municipalities.Select(m => (m.Code, m.Name)).ToList(),
        ParameterKind.BenchmarkStage => Tokens.BenchmarkStage.Keys.Select(k => (k, k)).ToList(),
        ParameterKind.BudgetStage => Tokens.BudgetStage.Keys.Select(k => (k, k.Replace('_', ' '))).ToList(),
        ParameterKind.BudgetScope => Tokens.BudgetScope.Keys.Select(k => (k, k)).ToList(),
        ParameterKind.YesNo => [("ja", "ja"), ("nee", "nee")],
        _ => null,
    };

    /// <summary>The empty choice of a select: what leaving it empty means.</summary>
    public static string EmptyChoice(ExportParameter parameter) => parameter.Kind switch
    {
        ParameterKind.Quarter => "laatste kwartaal / alle",
        ParameterKind.BenchmarkField => "standaard (Jeugd totaal)",
        ParameterKind.BenchmarkColumn => "standaard (laatste jaarrekening)",
        _ => "alle",
    };
}
