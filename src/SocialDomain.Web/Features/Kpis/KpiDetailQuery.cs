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

/// <summary>The database round trips behind /kpis/{code} and its table exports (five).</summary>
public static class KpiDetailQuery
{
    /// <summary>The KPI with the given code and all its page shows; null when there is no such KPI.</summary>
    public static async Task<KpiDetailData?> LoadAsync(SocialDomainDbContext db, string code, CancellationToken cancellationToken)
    {
        // Round trip 1: the KPI with its target versions, reference values, definition versions and the data-quality
        // findings about its figures. These collections are few rows each; the commentary, which grows with every quarter
        // and every version, is read flat in round trip 2: nested here it multiplied the rows (commentaries × their
        // versions × the other collections: 1.280 rows and a 50 ms sort for one synthetic KPI with 8 commentaries).
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
                DefinitionVersions = db.KpiDefinitionVersions.Where(v => v.KpiId == k.Id).Select(Definitions.DefinitionVersionRow.FromEntity).ToList(),
                Findings = db.DataQualityFindings.Where(f => f.KpiCode == k.Code).OrderBy(f => f.Subject).Select(Findings.FindingNotice.FromEntity).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (kpi is null)
        {
            return null;
        }

        // Round trip 2: the published commentary, one row per version (a commentary without versions once). Staff read
        // the authors' display names (issue 18); readers outside the staff get the role (KpiDetailReport).
        var commentaryRows = await db.KpiCommentaries.AsNoTracking()
            .Where(c => c.KpiId == kpi.Info.Id && c.Status == CommentaryStatus.Published)
            .SelectMany(c => c.Versions.DefaultIfEmpty(), (c, v) => new
            {
                c.Id, c.Year, c.Quarter, c.Text, c.PublishedAt, c.IsSynthetic,
                Author = db.Users.Where(u => u.UserName == c.Author).Select(u => u.DisplayName).FirstOrDefault() ?? c.Author,
                Version = v == null ? (int?)null : v.Version,
                VersionStatus = v == null ? (CommentaryStatus?)null : v.Status,
                VersionText = v == null ? null : v.Text,
                VersionAuthor = v == null ? null : db.Users.Where(u => u.UserName == v.Author).Select(u => u.DisplayName).FirstOrDefault() ?? v.Author,
                VersionCreatedAt = v == null ? (DateTimeOffset?)null : v.CreatedAt,
                VersionPublishedAt = v == null ? null : v.PublishedAt,
                VersionPublishedBy = v == null ? null : db.Users.Where(u => u.UserName == v.PublishedBy).Select(u => u.DisplayName).FirstOrDefault() ?? v.PublishedBy,
            })
            .ToListAsync(cancellationToken);
        var commentary = commentaryRows.GroupBy(r => r.Id)
            .Select(g =>
            {
                var c = g.First();
                return new CommentaryRow(c.Year, c.Quarter, c.Text, c.Author, c.PublishedAt, c.IsSynthetic,
                    g.Where(r => r.Version is not null && r.VersionStatus == CommentaryStatus.Published).OrderBy(r => r.Version)
                        .Select(r => new PublishedCommentaryText(r.Version!.Value, r.VersionText!, r.VersionPublishedAt)).ToList());
            })
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Quarter)
            .ToList();
        var commentaryVersions = commentaryRows.Where(r => r.Version is not null)
            .OrderBy(r => r.Year).ThenBy(r => r.Quarter).ThenBy(r => r.Version)
            .Select(r => new CommentaryVersionRow(r.Year, r.Quarter, r.Version!.Value, r.VersionStatus!.Value, r.VersionText!, r.VersionAuthor!,
                r.VersionCreatedAt!.Value, r.VersionPublishedAt, r.VersionPublishedBy))
            .ToList();

        // Round trip 3: its measurements.
        var measurements = await db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpi.Info.Id)
            .OrderBy(m => m.Year).ThenBy(m => m.Quarter)
            .Select(m => new StoredMeasurement(m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic, m.Source.Document, m.Source.Section, m.Note,
                new StatedPeriod(m.PeriodPrecision, m.PeriodDetail), m.Bound))
            .ToListAsync(cancellationToken);

        // Round trip 4: what every publication froze of this KPI.
        var published = await db.PublishedFigures.AsNoTracking().Where(f => f.KpiId == kpi.Info.Id)
            .Select(f => new { f.Publication!.Id, f.Publication.Year, f.Publication.Quarter, f.Publication.Version, f.Publication.PublishedAt, f.Publication.PublishedBy, f.Publication.Note, Figure = f })
            .ToListAsync(cancellationToken);

        // Round trip 5: every change of its values.
        var valueHistory = await MeasurementHistory.LoadAsync(db, kpi.Info.Id, cancellationToken);

        return new KpiDetailData(kpi.Info, kpi.Targets, kpi.References, commentary, measurements,
            published.Select(p => new PublishedKpiFigure(
                    new PublicationHeader(p.Id, Period.OfQuarter(p.Year, p.Quarter), p.Version, p.PublishedAt, p.PublishedBy, p.Note), FrozenFigure.Of(p.Figure)))
                .OrderBy(p => p.Publication.Quarter).ThenBy(p => p.Publication.Version).ToList(),
            commentaryVersions, valueHistory, kpi.DefinitionVersions, kpi.Findings);
    }
}
