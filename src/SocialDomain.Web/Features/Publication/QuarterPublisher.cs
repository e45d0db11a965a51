using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Core.Calculations;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Audit;

namespace SocialDomain.Web.Features.Publication;

/// <summary>
/// Publishes a quarter: stores, per KPI, the measurement, target version and commentary the overview
/// shows for it, so the council keeps seeing exactly that. Writes the audit row in the same transaction.
/// </summary>
public static class QuarterPublisher
{
    public static async Task<QuarterPublication?> PublishAsync(
        SocialDomainDbContext db, Period quarter, string actor, string? origin, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (!quarter.IsQuarter)
        {
            throw new ArgumentException("Alleen een kwartaal kan worden gepubliceerd.", nameof(quarter));
        }

        if (await db.QuarterPublications.AnyAsync(p => p.Year == quarter.Year && p.Quarter == quarter.Quarter, cancellationToken))
        {
            return null;
        }

        // The same queries as the overview of this quarter (OverviewQuery), so the snapshot is what it shows.
        var kpis = await OverviewQuery.LoadKpisAsync(db, quarter, cancellationToken);
        var measurements = await OverviewQuery.LoadMeasurementsAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var publication = new QuarterPublication { Year = quarter.Year, Quarter = quarter.Quarter!.Value, PublishedAt = now, PublishedBy = actor };
        foreach (var kpi in kpis)
        {
            var target = kpi.TargetAt(quarter);
            var evaluation = KpiEvaluation.Evaluate(kpi.Kpi.Rule, target?.Terms, measurements.GetValueOrDefault(kpi.Kpi.Id) ?? [], quarter);
            publication.Figures.Add(new PublishedFigure
            {
                KpiId = kpi.Kpi.Id,
                MeasurementYear = evaluation.Current?.Period.Year,
                MeasurementQuarter = evaluation.Current?.Period.Quarter,
                Value = evaluation.Current?.Value,
                TargetVersion = target?.Version,
                Commentary = kpi.CommentaryOf(quarter)?.Text,
            });
        }

        db.QuarterPublications.Add(publication);
        db.AuditLog.Add(AuditEntry.Create(now, actor, AuditActions.QuarterPublished, $"kwartaal:{quarter}", AuditResults.Succeeded, origin,
            new { kwartaal = quarter.ToString(), kpis = publication.Figures.Count }));
        await db.SaveChangesAsync(cancellationToken);
        return publication;
    }
}
