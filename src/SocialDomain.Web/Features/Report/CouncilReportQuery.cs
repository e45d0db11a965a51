using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Domains;
using SocialDomain.Web.Features.Findings;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Features.Overview;

namespace SocialDomain.Web.Features.Report;

/// <summary>The database round trips of the council report (/rapportage/{kwartaal} and its PDF).</summary>
public sealed class CouncilReportQuery(SocialDomainDbContext db)
{
    /// <summary>
    /// The report of <paramref name="quarterText"/> as published (the requested version, otherwise the newest), in four
    /// round trips (the overview's three and the findings about KPIs). A quarter that is not published is only given to
    /// readers who <paramref name="maySeeConcept">may see concepts</paramref>, built from the live figures. Null when the
    /// quarter, or the version, does not exist for this reader.
    /// </summary>
    public async Task<CouncilReport?> LoadAsync(MunicipalityOptions municipality, string quarterText, string? version, bool maySeeConcept, CancellationToken cancellationToken)
    {
        var requested = OverviewSelection.Parse(quarterText);
        if (requested is null)
        {
            return null;
        }

        var data = await OverviewQuery.LoadAsync(db, quarterText, showsUnpublished: false, cancellationToken, version: version, fullHistory: true);
        var published = data.Selection.Problem is null && data.Shown is not null && data.Publications.Problem is null
            && data.Publications.VersionProblem(requested.Value) is null;
        if (!published)
        {
            // A concept only for a quarter that has no publication at all, and only without a version.
            if (!maySeeConcept || data.Publications.VersionsOf(requested.Value).Count > 0 || !string.IsNullOrWhiteSpace(version))
            {
                return null;
            }

            data = await OverviewQuery.LoadAsync(db, quarterText, showsUnpublished: true, cancellationToken, fullHistory: true);
            if (data.Selection.Problem is not null || data.Selection.Quarter != requested)
            {
                return null;
            }
        }

        var findings = await FindingDataset.Query(db, new FindingFilter()).Where(f => f.KpiCode != null).ToListAsync(cancellationToken);

        // Budget and G40 per domain, as the domain pages show them now (budgets and the benchmark are not frozen by a
        // publication; the report says so), with the KPI part from this publication's overview.
        var domains = new List<DomainReport>();
        foreach (var page in DomainCatalogue.Pages)
        {
            var domain = await new DomainQuery(db, municipality.Code).LoadAsync(page, data, showsUnpublished: data.Shown is null, cancellationToken);
            domains.Add(DomainReport.Build(domain, domain.Thresholds ?? []));
        }

        return CouncilReport.Build(municipality.Name, data, findings, domains);
    }
}
