using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Kpis;
using KpiTarget = SocialDomain.Web.Data.Entities.KpiTarget;

namespace SocialDomain.Web.Features.Targets;

/// <summary>A KPI with its latest target version (null: no target yet) and its first measured period (null: none yet).</summary>
public sealed record TargetEditorState(Kpi Kpi, KpiTarget? Current, Period? FirstMeasurement = null);

/// <summary>The outcome of a save: the stored version, or (when another save won the race) the state that is stored now.</summary>
public sealed record TargetSaveResult(int Version, TargetEditorState? Conflict);

/// <summary>
/// The SMART target editor's work: load a KPI with its target, check a form against the rules of
/// <see cref="SmartTarget"/>, and save a new target version. Every save appends a version (history is never rewritten)
/// and an audit row in one transaction. The KPI row's xmin guards against lost updates: a save based on a stale version
/// is refused, audited as a conflict, and returns the version another advisor saved meanwhile.
/// </summary>
public sealed class TargetEditor(SocialDomainDbContext db, TimeProvider clock)
{
    public async Task<TargetEditorState?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var kpi = await db.Kpis.AsNoTracking().Include(k => k.Targets).SingleOrDefaultAsync(k => k.Code == code, cancellationToken);
        if (kpi is null)
        {
            return null;
        }

        // The first measured period: the earliest year, and within it a quarter before the whole year (a year starts in its first quarter).
        var first = await db.KpiMeasurements.Where(m => m.KpiId == kpi.Id).OrderBy(m => m.Year).ThenBy(m => m.Quarter ?? 1)
            .Select(m => new { m.Year, m.Quarter }).FirstOrDefaultAsync(cancellationToken);
        return new TargetEditorState(kpi, kpi.Targets.OrderByDescending(t => t.Version).FirstOrDefault(), first is null ? null : new Period(first.Year, first.Quarter));
    }

    /// <summary>The SMART check of the form as typed, against the current quarter.</summary>
    public IReadOnlyList<SmartCriterion> Smart(TargetEditorState state, TargetForm form) =>
        SmartTarget.Check(form.ToInput(), new SmartTargetKpi(state.Kpi.Unit, state.Kpi.Direction, state.Kpi.Definition),
            TargetVersion.CurrentQuarter(clock));

    /// <summary>The rules of <see cref="SmartTarget.Validate"/>, with today's date and the KPI's first measurement.</summary>
    public SmartTargetValidation Validate(TargetEditorState state, TargetForm form) =>
        SmartTarget.Validate(form.ToInput(), state.Kpi.Unit, isChange: state.Current is not null,
            new SmartTargetTime(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), state.FirstMeasurement));

    /// <param name="rowVersion">The KPI's xmin the form was based on.</param>
    public async Task<TargetSaveResult> SaveAsync(TargetEditorState state, ValidSmartTarget valid, uint rowVersion, string actor, string origin,
        CancellationToken cancellationToken)
    {
        var code = state.Kpi.Code;
        var kpi = await db.Kpis.SingleAsync(k => k.Code == code, cancellationToken);
        db.Entry(kpi).Property(k => k.RowVersion).OriginalValue = rowVersion;
        kpi.TargetRevision++;
        var version = (state.Current?.Version ?? 0) + 1;
        var target = new KpiTarget
        {
            KpiId = kpi.Id,
            Version = version,
            BaselineValue = valid.BaselineValue,
            BaselineYear = valid.Baseline.Year,
            BaselineQuarter = valid.Baseline.Quarter,
            TargetValue = valid.TargetValue,
            DeadlineYear = valid.Deadline.Year,
            DeadlineQuarter = valid.Deadline.Quarter,
            ToleranceOnTrackPercent = valid.ToleranceOnTrack,
            ToleranceAttentionPercent = valid.ToleranceAttention,
            Rationale = valid.Rationale,
            CouncilDecision = valid.CouncilDecision,
            ChangeReason = valid.ChangeReason,
            ValidFromYear = valid.ValidFrom.Year,
            ValidFromQuarter = valid.ValidFrom.Quarter,
            DecisionDate = valid.DecisionDate,
            DecidedBy = valid.DecidedBy,
            DecisionDocument = valid.DecisionDocument,
            DecisionUrl = valid.DecisionUrl,
            ChangedBy = actor,
            ChangedAt = clock.GetUtcNow(),
            Source = new SourceReference("dashboard", "streefwaarde-editor"),
        };
        db.KpiTargets.Add(target);
        db.AuditLog.Add(Audit(code, version == 1 ? AuditActions.TargetSet : AuditActions.TargetChanged, AuditResults.Succeeded, target, actor, origin));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }))
        {
            db.ChangeTracker.Clear();
            db.AuditLog.Add(Audit(code, AuditActions.TargetChanged, AuditResults.Conflict, target, actor, origin));
            await db.SaveChangesAsync(cancellationToken);
            return new TargetSaveResult(version, await LoadAsync(code, cancellationToken) ?? state);
        }

        return new TargetSaveResult(version, null);
    }

    private AuditLogEntry Audit(string code, string action, string result, KpiTarget target, string actor, string origin) =>
        AuditEntry.Create(clock.GetUtcNow(), actor, action, $"kpi:{code}", result, origin, TargetAuditDetails.Of(target));
}
