using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;

namespace SocialDomain.Web.Features.Commentary;

/// <summary>A KPI's commentary on one quarter: the head row (what readers see; null: none yet) and every version, newest first.</summary>
public sealed record CommentaryEditorState(string KpiCode, string KpiName, Period Quarter, KpiCommentary? Head, IReadOnlyList<KpiCommentaryVersion> Versions)
{
    /// <summary>The newest version: the text being edited (a draft newer than the published text, if there is one).</summary>
    public KpiCommentaryVersion? Newest => Versions.Count > 0 ? Versions[0] : null;

    /// <summary>The version readers see: the newest published one.</summary>
    public KpiCommentaryVersion? Published => Versions.FirstOrDefault(v => v.Status == CommentaryStatus.Published);

    /// <summary>True when a draft is waiting while readers still see an earlier published text.</summary>
    public bool HasPendingDraft => Published is { } published && Newest is { Status: CommentaryStatus.Draft } newest && newest.Version > published.Version;

    /// <summary>The head row's xmin (0 while there is no commentary): the form sends it back to detect a stale save.</summary>
    public uint RowVersion => Head?.RowVersion ?? 0;

    public static IReadOnlyList<CommentaryVersionState> States(IEnumerable<KpiCommentaryVersion> versions) =>
        versions.Select(v => new CommentaryVersionState(v.Version, v.Status, v.Text)).ToList();
}

/// <summary>The outcome of a save: what the rule decided, or (when another save came first) the state that is stored now.</summary>
public sealed record CommentarySaveResult(CommentaryRevisionPlan Plan, CommentaryEditorState? Conflict);

/// <summary>What an audit row of a commentary save records (stored as JSON, so the names are a format).</summary>
public sealed record CommentaryAuditDetails(int Versie, string Status, string Tekst);

/// <summary>
/// The commentary editor's work: load a quarter's commentary with its versions, and save a text as draft or publish it
/// by the rule of <see cref="CommentaryRevision"/>. Every change appends a version (or publishes the newest draft) and
/// writes an audit row in the same transaction; a draft on a published commentary leaves what readers see alone. The
/// head row's xmin guards against lost updates: a save based on a stale form is refused, audited as a conflict, and
/// returns what is stored now.
/// </summary>
public sealed class CommentaryEditor(SocialDomainDbContext db, TimeProvider clock)
{
    /// <summary>Every KPI (code, name) by name, for the choice of KPI.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> KpisAsync(CancellationToken cancellationToken) =>
        (await db.Kpis.AsNoTracking().OrderBy(k => k.Name).Select(k => new { k.Code, k.Name }).ToListAsync(cancellationToken))
        .Select(k => (k.Code, k.Name)).ToList();

    /// <summary>The commentary of a KPI on a quarter; null when there is no such KPI.</summary>
    public async Task<CommentaryEditorState?> LoadAsync(string code, Period quarter, CancellationToken cancellationToken)
    {
        var kpi = await db.Kpis.AsNoTracking().Where(k => k.Code == code).Select(k => new { k.Code, k.Name }).SingleOrDefaultAsync(cancellationToken);
        if (kpi is null)
        {
            return null;
        }

        var head = await db.KpiCommentaries.AsNoTracking().Include(c => c.Versions)
            .SingleOrDefaultAsync(c => c.Kpi!.Code == code && c.Year == quarter.Year && c.Quarter == quarter.Quarter, cancellationToken);
        return new CommentaryEditorState(kpi.Code, kpi.Name, quarter, head, head?.Versions.OrderByDescending(v => v.Version).ToList() ?? []);
    }

    /// <param name="text">The normalized text (<see cref="CommentaryRevision.Normalize"/>).</param>
    /// <param name="rowVersion">The head row's xmin the form was based on (0: there was no commentary).</param>
    public async Task<CommentarySaveResult> SaveAsync(CommentaryEditorState state, string text, CommentaryAction action, uint rowVersion, string actor, string origin,
        CancellationToken cancellationToken)
    {
        var quarter = state.Quarter;
        var kpiId = await db.Kpis.Where(k => k.Code == state.KpiCode).Select(k => k.Id).SingleAsync(cancellationToken);
        var head = await db.KpiCommentaries.Include(c => c.Versions)
            .SingleOrDefaultAsync(c => c.KpiId == kpiId && c.Year == quarter.Year && c.Quarter == quarter.Quarter, cancellationToken);
        var plan = CommentaryRevision.Plan(CommentaryEditorState.States(head?.Versions ?? []), text, action);
        var auditAction = action == CommentaryAction.Publish ? AuditActions.CommentaryPublished : AuditActions.CommentarySaved;
        if ((head?.RowVersion ?? 0) != rowVersion)
        {
            return await ConflictAsync(state, plan, auditAction, text, actor, origin, cancellationToken);
        }

        if (plan.Kind == CommentaryRevisionKind.Unchanged)
        {
            return new CommentarySaveResult(plan, null);
        }

        var now = clock.GetUtcNow();
        if (head is null)
        {
            head = new KpiCommentary { KpiId = kpiId, Year = quarter.Year, Quarter = quarter.Quarter!.Value, Text = text, Author = actor };
            db.KpiCommentaries.Add(head);
        }
        else
        {
            db.Entry(head).Property(c => c.RowVersion).OriginalValue = rowVersion;
        }

        var version = Apply(head, plan, text, actor, now);
        if (!plan.HeadTakesText)
        {
            // Readers keep the published text; the row is still written so that its xmin moves and a stale form conflicts.
            db.Entry(head).Property(c => c.UpdatedAt).IsModified = true;
        }

        db.AuditLog.Add(AuditEntry.Create(now, actor, auditAction, Object(state), AuditResults.Succeeded, origin,
            new CommentaryAuditDetails(version.Version, version.Status.ToString(), version.Text)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }))
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(state, plan, auditAction, text, actor, origin, cancellationToken);
        }

        return new CommentarySaveResult(plan, null);
    }

    /// <summary>Carries out the plan on the tracked head row and its versions; returns the version stored or published.</summary>
    private static KpiCommentaryVersion Apply(KpiCommentary head, CommentaryRevisionPlan plan, string text, string actor, DateTimeOffset now)
    {
        KpiCommentaryVersion version;
        if (plan.Kind == CommentaryRevisionKind.PublishLatestDraft)
        {
            version = head.Versions.Single(v => v.Version == plan.Version);
        }
        else
        {
            version = new KpiCommentaryVersion { Version = plan.Version, Text = text, Status = CommentaryStatus.Draft, Author = actor, CreatedAt = now };
            head.Versions.Add(version);
        }

        if (plan.Kind != CommentaryRevisionKind.AppendDraft)
        {
            version.Status = CommentaryStatus.Published;
            version.PublishedAt = now;
            version.PublishedBy = actor;
        }

        if (plan.HeadTakesText)
        {
            head.Text = version.Text;
            head.Author = version.Author;
            head.Status = plan.HeadStatus;
            head.UpdatedAt = now;
            head.PublishedAt = version.PublishedAt;
        }

        return version;
    }

    private async Task<CommentarySaveResult> ConflictAsync(CommentaryEditorState state, CommentaryRevisionPlan plan, string auditAction, string text, string actor,
        string origin, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), actor, auditAction, Object(state), AuditResults.Conflict, origin,
            new CommentaryAuditDetails(plan.Version, plan.HeadStatus.ToString(), text)));
        await db.SaveChangesAsync(cancellationToken);
        return new CommentarySaveResult(plan, await LoadAsync(state.KpiCode, state.Quarter, cancellationToken) ?? state);
    }

    private static string Object(CommentaryEditorState state) => $"kpi:{state.KpiCode}/{state.Quarter}";
}
