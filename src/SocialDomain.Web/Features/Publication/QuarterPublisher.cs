using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Core.Calculations;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Publication;

/// <summary>
/// Publishes a quarter: freezes, per KPI, everything the overview shows of it (<see cref="FrozenFigure"/>: value and
/// period, target version and terms, status, legal-norm judgement, status-changing definition fields, commentary and
/// its version), so the council keeps seeing exactly that. Publishing a published quarter again is a corrigendum: a
/// next version with a note; every version stays readable. Writes the audit row in the same transaction.
/// </summary>
public static class QuarterPublisher
{
    /// <summary>The Dutch message when a corrigendum has no note.</summary>
    public const string NoteRequired = "Vul de toelichting op de correctie in: waarom wordt dit kwartaal opnieuw gepubliceerd?";

    /// <summary>Longest note of a corrigendum (the column's length).</summary>
    public const int NoteMaxLength = 2000;

    /// <summary>The problem with a corrigendum's note (too long, a control character); null when it can be stored.</summary>
    public static string? NoteProblem(string? note) => TextLimits.Problem("Toelichting op de correctie", note, NoteMaxLength);

    /// <summary>
    /// Whether <paramref name="quarter"/> may be published now (<see cref="PublicationOrder"/>: ended, with data, in order or
    /// with a confirmed catch-up; a corrigendum always). The page checks this before <see cref="PublishAsync"/>; the seed
    /// publishes its quarters in order itself.
    /// </summary>
    public static async Task<PublicationCheck> CheckAsync(SocialDomainDbContext db, Period quarter, TimeProvider clock, CancellationToken cancellationToken)
    {
        var withData = await OverviewQuery.QuartersWithDataAsync(db, cancellationToken);
        var published = await db.QuarterPublications.Select(p => new { p.Year, p.Quarter }).Distinct().ToListAsync(cancellationToken);
        return PublicationOrder.Check(quarter, Period.Containing(DutchText.Today(clock), KpiFrequency.Quarter), withData,
            published.Select(p => Period.OfQuarter(p.Year, p.Quarter)).ToList());
    }

    /// <summary>
    /// Publishes <paramref name="quarter"/>: version 1, or with a <paramref name="note"/> the next version (a
    /// corrigendum). Returns null, writing nothing, when the quarter is already published and no note is given.
    /// <paramref name="skipped"/>: the quarters a confirmed catch-up skips (<see cref="CheckAsync"/>), named in the audit row.
    /// </summary>
    public static async Task<QuarterPublication?> PublishAsync(
        SocialDomainDbContext db, Period quarter, string actor, string? origin, TimeProvider clock, CancellationToken cancellationToken = default, string? note = null,
        IReadOnlyList<Period>? skipped = null)
    {
        if (!quarter.IsQuarter)
        {
            throw new ArgumentException("Alleen een kwartaal kan worden gepubliceerd.", nameof(quarter));
        }

        var latestVersion = await db.QuarterPublications.Where(p => p.Year == quarter.Year && p.Quarter == quarter.Quarter)
            .MaxAsync(p => (int?)p.Version, cancellationToken);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (latestVersion is not null && note is null)
        {
            return null;
        }

        var frozen = await FreezeAsync(db, quarter, cancellationToken);
        var now = clock.GetUtcNow();
        var version = (latestVersion ?? 0) + 1;
        var publication = new QuarterPublication
        {
            Year = quarter.Year, Quarter = quarter.Quarter!.Value, Version = version, Note = note, PublishedAt = now, PublishedBy = actor,
            Figures = frozen.Kpis.Select(k => k.Frozen!.ToEntity()).ToList(),
        };

        db.QuarterPublications.Add(publication);
        db.AuditLog.Add(AuditEntry.Create(now, actor, AuditActions.QuarterPublished, $"kwartaal:{quarter}", AuditResults.Succeeded, origin,
            new { kwartaal = quarter.ToString(), versie = version, toelichting = note, kpis = publication.Figures.Count, overgeslagen = skipped?.Select(q => q.ToString()) }));
        await db.SaveChangesAsync(cancellationToken);
        return publication;
    }

    /// <summary>
    /// What publishing <paramref name="quarter"/> now would freeze, per KPI in overview order (<see cref="OverviewKpi.Frozen"/>;
    /// two round trips): the same queries and rules as the overview (<see cref="OverviewQuery"/>), so the snapshot is what it shows.
    /// </summary>
    public static async Task<FrozenQuarter> FreezeAsync(SocialDomainDbContext db, Period quarter, CancellationToken cancellationToken)
    {
        var kpis = await OverviewQuery.LoadKpisAsync(db, quarter, cancellationToken);
        var measurements = await OverviewQuery.LoadMeasurementsAsync(db, cancellationToken);
        return new FrozenQuarter(kpis.Select(kpi =>
        {
            var target = kpi.TargetAt(quarter);
            var evaluation = KpiEvaluation.Evaluate(kpi.Kpi.Rule, target?.Terms, measurements.GetValueOrDefault(kpi.Kpi.Id) ?? [], quarter);
            return kpi with { Frozen = FrozenFigure.Freeze(kpi.Kpi, target, evaluation, kpi.CommentaryOf(quarter)?.At(null)) };
        }).ToList(), measurements);
    }
}

/// <summary>A quarter as publishing it now would freeze it: every KPI with its <see cref="OverviewKpi.Frozen"/> figure, and the measurements.</summary>
public sealed record FrozenQuarter(IReadOnlyList<OverviewKpi> Kpis, IReadOnlyDictionary<int, List<MeasurementPoint>> Measurements);
