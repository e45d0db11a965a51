using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Commentary;
using SocialDomain.Web.Features.Measurements;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>A comparison value (Nederland, Divosa) of a KPI.</summary>
public sealed record ReferenceRow(int Year, int? Quarter, string Reference, decimal Value, string SourceDocument, string SourceSection, StatedPeriod Stated = default)
{
    public Period Period => new(Year, Quarter);

    /// <summary>The period as the source gives it (see <see cref="StatedPeriod"/>).</summary>
    public string PeriodLabel => Stated.Label(Period);
}

/// <summary>A quarter's published commentary on a KPI.</summary>
/// <param name="PublishedVersions">Its published versions (null: not read); the frozen text of a publication stays, later ones are addenda.</param>
public sealed record CommentaryRow(int Year, int Quarter, string Text, string Author, DateTimeOffset? PublishedAt, bool IsSynthetic,
    IReadOnlyList<PublishedCommentaryText>? PublishedVersions = null, CommentaryAddendum? Addendum = null)
{
    public Period Period => Period.OfQuarter(Year, Quarter);

    /// <summary>The published commentary now, or at the end of the <paramref name="stand"/> day.</summary>
    public PublishedCommentary? At(Stand? stand) => PublishedFigureView.CommentaryAt(Text, PublishedAt, PublishedVersions ?? [], stand);
}

/// <summary>What one publication froze of a KPI.</summary>
public sealed record PublishedKpiFigure(PublicationHeader Publication, FrozenFigure Figure);

/// <summary>A stored measurement of one KPI, as read for its page (the KPI's codes are in <see cref="KpiDetailData.Kpi"/>).</summary>
public sealed record StoredMeasurement(int Year, int? Quarter, decimal Value, MeasurementStatus Status, bool IsSynthetic, string SourceDocument, string SourceSection, string? Note,
    StatedPeriod Stated = default, ValueBound Bound = ValueBound.Exact)
{
    public Period Period => new(Year, Quarter);
}

/// <summary>Everything stored about one KPI that its page shows, before visibility is applied.</summary>
public sealed record KpiDetailData(
    KpiDefinition Kpi,
    IReadOnlyList<TargetVersion> Targets,
    IReadOnlyList<ReferenceRow> References,
    IReadOnlyList<CommentaryRow> Commentary,
    IReadOnlyList<StoredMeasurement> Measurements,
    IReadOnlyList<PublishedKpiFigure> Published,
    IReadOnlyList<CommentaryVersionRow>? CommentaryVersions = null,
    IReadOnlyList<ValueChange>? ValueHistory = null,
    IReadOnlyList<Definitions.DefinitionVersionRow>? DefinitionVersions = null,
    IReadOnlyList<Findings.FindingNotice>? Findings = null);

/// <summary>The database round trips behind /kpis/{code} and its table exports (four).</summary>
public static class KpiDetailQuery
{
    /// <summary>The KPI with the given code and all its page shows; null when there is no such KPI.</summary>
    public static async Task<KpiDetailData?> LoadAsync(SocialDomainDbContext db, string code, CancellationToken cancellationToken)
    {
        // Round trip 1: the KPI with its target versions, reference values, published commentary (with its versions) and the
        // data-quality findings about its figures.
        var kpi = await db.Kpis.AsNoTracking()
            .Where(k => k.Code == code)
            .Select(KpiDefinition.FromEntity)
            .Select(k => new
            {
                Info = k,
                Targets = db.KpiTargets.Where(t => t.KpiId == k.Id).OrderBy(t => t.Version).Select(TargetVersion.FromEntity).ToList(),
                References = db.KpiReferenceValues.Where(r => r.KpiId == k.Id).OrderBy(r => r.Year).ThenBy(r => r.Reference)
                    .Select(r => new ReferenceRow(r.Year, r.Quarter, r.Reference, r.Value, r.Source.Document, r.Source.Section,
                        new StatedPeriod(r.PeriodPrecision, r.PeriodDetail))).ToList(),
                Commentary = db.KpiCommentaries.Where(c => c.KpiId == k.Id && c.Status == CommentaryStatus.Published)
                    .OrderByDescending(c => c.Year).ThenByDescending(c => c.Quarter)
                    .Select(c => new
                    {
                        c.Year, c.Quarter, c.Text,
                        // Staff read the author's display name (issue 18); readers outside the staff get the role (KpiDetailReport).
                        Author = db.Users.Where(u => u.UserName == c.Author).Select(u => u.DisplayName).FirstOrDefault() ?? c.Author,
                        c.PublishedAt, c.IsSynthetic,
                        Versions = c.Versions.Where(v => v.Status == CommentaryStatus.Published).Select(v => new PublishedCommentaryText(v.Version, v.Text, v.PublishedAt)).ToList(),
                    }).ToList(),
                CommentaryVersions = db.KpiCommentaryVersions.Where(v => v.Commentary!.KpiId == k.Id && v.Commentary.Status == CommentaryStatus.Published)
                    .Select(v => new CommentaryVersionRow(v.Commentary!.Year, v.Commentary.Quarter, v.Version, v.Status, v.Text,
                        db.Users.Where(u => u.UserName == v.Author).Select(u => u.DisplayName).FirstOrDefault() ?? v.Author, v.CreatedAt, v.PublishedAt,
                        db.Users.Where(u => u.UserName == v.PublishedBy).Select(u => u.DisplayName).FirstOrDefault() ?? v.PublishedBy)).ToList(),
                DefinitionVersions = db.KpiDefinitionVersions.Where(v => v.KpiId == k.Id).Select(Definitions.DefinitionVersionRow.FromEntity).ToList(),
                Findings = db.DataQualityFindings.Where(f => f.KpiCode == k.Code).OrderBy(f => f.Subject).Select(Findings.FindingNotice.FromEntity).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (kpi is null)
        {
            return null;
        }

        // Round trip 2: its measurements.
        var measurements = await db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpi.Info.Id)
            .OrderBy(m => m.Year).ThenBy(m => m.Quarter)
            .Select(m => new StoredMeasurement(m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic, m.Source.Document, m.Source.Section, m.Note,
                new StatedPeriod(m.PeriodPrecision, m.PeriodDetail), m.Bound))
            .ToListAsync(cancellationToken);

        // Round trip 3: what every publication froze of this KPI.
        var published = await db.PublishedFigures.AsNoTracking().Where(f => f.KpiId == kpi.Info.Id)
            .Select(f => new { f.Publication!.Id, f.Publication.Year, f.Publication.Quarter, f.Publication.Version, f.Publication.PublishedAt, f.Publication.PublishedBy, f.Publication.Note, Figure = f })
            .ToListAsync(cancellationToken);

        // Round trip 4: every change of its values.
        var valueHistory = await MeasurementHistory.LoadAsync(db, kpi.Info.Id, cancellationToken);

        var commentary = kpi.Commentary.Select(c => new CommentaryRow(c.Year, c.Quarter, c.Text, c.Author, c.PublishedAt, c.IsSynthetic, c.Versions)).ToList();
        return new KpiDetailData(kpi.Info, kpi.Targets, kpi.References, commentary, measurements,
            published.Select(p => new PublishedKpiFigure(
                    new PublicationHeader(p.Id, Period.OfQuarter(p.Year, p.Quarter), p.Version, p.PublishedAt, p.PublishedBy, p.Note), FrozenFigure.Of(p.Figure)))
                .OrderBy(p => p.Publication.Quarter).ThenBy(p => p.Publication.Version).ToList(),
            kpi.CommentaryVersions, valueHistory, kpi.DefinitionVersions, kpi.Findings);
    }
}
