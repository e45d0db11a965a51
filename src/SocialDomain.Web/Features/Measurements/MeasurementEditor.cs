using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Features.Due;

namespace SocialDomain.Web.Features.Measurements;

/// <summary>A KPI as the measurement editor needs it.</summary>
public sealed record EditorKpi(int Id, string Code, string Name, KpiUnit Unit, KpiFrequency Frequency, string? ProgrammeCode = null);

/// <summary>A stored value with its concurrency token and who changed it last.</summary>
public sealed record CurrentValue(Period Period, decimal Value, MeasurementStatus Status, uint RowVersion, string LastChangedBy, DateTimeOffset? LastChangedAt);

/// <summary>One change in a period's history.</summary>
public sealed record ValueChange(Period Period, int Version, MeasurementChange Change, decimal? Value, MeasurementStatus? Status, string? Reason,
    string ChangedBy, DateTimeOffset ChangedAt, string SourceDocument, string SourceSection);

public sealed record MeasurementEditorState(EditorKpi Kpi, IReadOnlyList<CurrentValue> Values, IReadOnlyList<ValueChange> History)
{
    public CurrentValue? ValueOf(Period period) => Values.FirstOrDefault(v => v.Period == period);
}

/// <summary>What came of a change: stored, refused with problems per field, or lost a race (the values stored now).</summary>
public sealed record MeasurementResult(IReadOnlyList<MeasurementProblem> Problems, bool Conflict = false)
{
    public static readonly MeasurementResult Stored = new([]);

    public bool Succeeded => Problems.Count == 0 && !Conflict;
}

/// <summary>
/// Entering, correcting, withdrawing and confirming a KPI's values in the app (issue 15 items 1–2). Every change appends a
/// <see cref="KpiMeasurementVersion"/> and an audit row in the same transaction as the change of the stored value; a
/// change based on a stale value (xmin) is refused and audited as a conflict. Four eyes: a Beleidsadviseur's value is
/// provisional until a Controller other than its last author confirms it; a Controller may enter a final value at once.
/// </summary>
public sealed class MeasurementEditor(SocialDomainDbContext db, TimeProvider clock)
{
    /// <summary>The source document of values entered in the app.</summary>
    public const string AppDocument = "dashboard";

    public async Task<MeasurementEditorState?> LoadAsync(string code, CancellationToken ct)
    {
        var kpi = await db.Kpis.AsNoTracking().Where(k => k.Code == code)
            .Select(k => new EditorKpi(k.Id, k.Code, k.Name, k.Unit, k.Frequency, k.ProgrammeCode)).SingleOrDefaultAsync(ct);
        if (kpi is null)
        {
            return null;
        }

        var history = await MeasurementHistory.LoadAsync(db, kpi.Id, ct);
        var values = (await db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpi.Id).ToListAsync(ct))
            .Select(m =>
            {
                var last = history.FirstOrDefault(h => h.Period == m.Period);
                return new CurrentValue(m.Period, m.Value, m.Status, m.RowVersion, last?.ChangedBy ?? "import", last?.ChangedAt);
            })
            .OrderByDescending(v => QuarterOrdinal.Of(v.Period)).ThenByDescending(v => v.Period)
            .ToList();
        return new MeasurementEditorState(kpi, values, history);
    }

    public Task<MeasurementResult> EnterAsync(MeasurementEditorState state, MeasurementForm form, Editor who, CancellationToken ct)
    {
        if (Refusal(state.Kpi, who) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var (valid, problems) = MeasurementEntry.Check(form.Period, form.Value, form.Reason, reasonRequired: false, state.Kpi.Unit, state.Kpi.Frequency, Today());
        if (valid is null || MeasurementEntry.CheckSource(form.Source) is not null)
        {
            return Task.FromResult(new MeasurementResult(problems.Append(MeasurementEntry.CheckSource(form.Source)).OfType<MeasurementProblem>().ToList()));
        }

        if (state.ValueOf(valid.Period) is { } stored)
        {
            return Task.FromResult(new MeasurementResult([new(MeasurementField.Period,
                $"Periode: voor {valid.Period} is al een waarde ({DutchFormat.Value(stored.Value, state.Kpi.Unit)}); corrigeer die met een reden.")]));
        }

        var status = who.MayFinalise && form.Final ? MeasurementStatus.Final : MeasurementStatus.Provisional;
        var source = Source(form);
        db.KpiMeasurements.Add(new KpiMeasurement
        {
            KpiId = state.Kpi.Id, Year = valid.Period.Year, Quarter = valid.Period.Quarter, Value = valid.Value, Status = status, Note = valid.Reason, Source = source,
        });
        return SaveAsync(state, valid.Period, MeasurementChange.Entered, valid.Value, status, valid.Reason, source, who, AuditActions.MeasurementEntered, ct);
    }

    public async Task<MeasurementResult> CorrectAsync(MeasurementEditorState state, MeasurementForm form, Editor who, CancellationToken ct)
    {
        if (Refusal(state.Kpi, who) is { } refused)
        {
            return refused;
        }

        var (valid, problems) = MeasurementEntry.Check(form.Period, form.Value, form.Reason, reasonRequired: true, state.Kpi.Unit, state.Kpi.Frequency, Today());
        if (valid is null || MeasurementEntry.CheckSource(form.Source) is not null)
        {
            return new MeasurementResult(problems.Append(MeasurementEntry.CheckSource(form.Source)).OfType<MeasurementProblem>().ToList());
        }

        if (await StoredAsync(state, valid.Period, form.RowVersion, ct) is not { } row)
        {
            return NoValue(valid.Period);
        }

        row.Value = valid.Value;
        row.Status = who.MayFinalise && form.Final ? MeasurementStatus.Final : MeasurementStatus.Provisional;
        row.Source = Source(form);
        return await SaveAsync(state, valid.Period, MeasurementChange.Corrected, valid.Value, row.Status, valid.Reason, row.Source, who, AuditActions.MeasurementCorrected, ct);
    }

    public async Task<MeasurementResult> WithdrawAsync(MeasurementEditorState state, MeasurementForm form, Editor who, CancellationToken ct)
    {
        if (Refusal(state.Kpi, who) is { } refused)
        {
            return refused;
        }

        var (period, periodProblem) = MeasurementEntry.CheckPeriod(form.Period, state.Kpi.Frequency, Today());
        var (reason, reasonProblem) = MeasurementEntry.CheckReason(form.Reason);
        if (period is null || reason is null)
        {
            return new MeasurementResult(new[] { periodProblem, reasonProblem }.OfType<MeasurementProblem>().ToList());
        }

        if (await StoredAsync(state, period.Value, form.RowVersion, ct) is not { } row)
        {
            return NoValue(period.Value);
        }

        db.KpiMeasurements.Remove(row);
        return await SaveAsync(state, period.Value, MeasurementChange.Withdrawn, null, null, reason, row.Source, who, AuditActions.MeasurementWithdrawn, ct);
    }

    public async Task<MeasurementResult> ConfirmAsync(MeasurementEditorState state, MeasurementForm form, Editor who, CancellationToken ct)
    {
        if (Refusal(state.Kpi, who) is { } refused)
        {
            return refused;
        }

        var (period, problem) = MeasurementEntry.CheckPeriod(form.Period, state.Kpi.Frequency, Today());
        if (period is null)
        {
            return new MeasurementResult([problem!]);
        }

        if (!who.MayFinalise)
        {
            return new MeasurementResult([new(MeasurementField.Period, "Alleen een controller bevestigt een waarde als definitief.")]);
        }

        if (state.ValueOf(period.Value) is { } current && string.Equals(current.LastChangedBy, who.Name, StringComparison.OrdinalIgnoreCase))
        {
            return new MeasurementResult([new(MeasurementField.Period,
                "Vier ogen: een waarde die u zelf het laatst wijzigde, bevestigt een andere controller (of voer haar direct als definitief in).")]);
        }

        if (await StoredAsync(state, period.Value, form.RowVersion, ct) is not { } row)
        {
            return NoValue(period.Value);
        }

        row.Status = MeasurementStatus.Final;
        return await SaveAsync(state, period.Value, MeasurementChange.Confirmed, row.Value, row.Status, null, row.Source, who, AuditActions.MeasurementConfirmed, ct);
    }

    private DateOnly Today() => DutchText.Today(clock);

    /// <summary>The refusal when <paramref name="who"/> is an advisor assigned to other programmes than the KPI's (<see cref="Definitions.EntryScope"/>); null when allowed.</summary>
    private static MeasurementResult? Refusal(EditorKpi kpi, Editor who) =>
        Definitions.EntryScope.RefusalFor(who.Programmes, kpi.Code, kpi.ProgrammeCode) is { } message ? new MeasurementResult([new(MeasurementField.Period, message)]) : null;

    private static SourceReference Source(MeasurementForm form) =>
        new(AppDocument, string.IsNullOrWhiteSpace(form.Source) ? "ingevoerd in het dashboard" : form.Source.Trim());

    private static MeasurementResult NoValue(Period period) =>
        new([new(MeasurementField.Period, $"Periode: voor {period} is geen waarde opgeslagen.")]);

    private async Task<KpiMeasurement?> StoredAsync(MeasurementEditorState state, Period period, uint rowVersion, CancellationToken ct)
    {
        var row = await db.KpiMeasurements.SingleOrDefaultAsync(m => m.KpiId == state.Kpi.Id && m.Year == period.Year && m.Quarter == period.Quarter, ct);
        if (row is not null)
        {
            db.Entry(row).Property(m => m.RowVersion).OriginalValue = rowVersion;
        }

        return row;
    }

    private async Task<MeasurementResult> SaveAsync(MeasurementEditorState state, Period period, MeasurementChange change, decimal? value, MeasurementStatus? status,
        string? reason, SourceReference source, Editor who, string action, CancellationToken ct)
    {
        var details = await StageAsync(state.Kpi, period, change, value, status, reason, source, who, action, state.ValueOf(period), ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return MeasurementResult.Stored;
        }
        catch (DbUpdateException ex) when (IsConflict(ex))
        {
            db.ChangeTracker.Clear();
            db.AuditLog.Add(AuditEntry.Create(clock.GetUtcNow(), who.Name, action, $"kpi:{state.Kpi.Code}:{period}", AuditResults.Conflict, who.Origin, details));
            await db.SaveChangesAsync(ct);
            return new MeasurementResult([], Conflict: true);
        }
    }

    /// <summary>Adds the change's version row and audit row to the unit of work; returns the audit details.</summary>
    private async Task<object> StageAsync(EditorKpi kpi, Period period, MeasurementChange change, decimal? value, MeasurementStatus? status,
        string? reason, SourceReference source, Editor who, string action, CurrentValue? before, CancellationToken ct, int? latestVersion = null)
    {
        var now = clock.GetUtcNow();
        var version = latestVersion ?? await db.KpiMeasurementVersions.Where(v => v.KpiId == kpi.Id && v.Year == period.Year && v.Quarter == period.Quarter)
            .Select(v => (int?)v.Version).MaxAsync(ct) ?? 0;
        db.KpiMeasurementVersions.Add(new KpiMeasurementVersion
        {
            KpiId = kpi.Id, Year = period.Year, Quarter = period.Quarter, Version = version + 1, Change = change, Value = value, Status = status,
            Reason = reason, ChangedBy = who.Name, ChangedAt = now, Source = source,
        });
        var details = new { kpi = kpi.Code, periode = period.ToString(), oud = before?.Value, oudeStatus = before?.Status.ToString(), nieuw = value, status = status?.ToString(), reden = reason };
        db.AuditLog.Add(AuditEntry.Create(now, who.Name, action, $"kpi:{kpi.Code}:{period}", AuditResults.Succeeded, who.Origin, details));
        return details;
    }

    private static bool IsConflict(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// The quick-entry page: new values for the figures due in <paramref name="quarter"/>, several KPIs at once. Every row
    /// is checked first; when any row has a problem nothing is stored and the problems are returned per KPI code. The
    /// values, their versions and audit rows are stored in one SaveChanges (one transaction).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MeasurementProblem>>> EnterManyAsync(
        Period quarter, IReadOnlyList<QuickEntryRow> rows, Editor who, CancellationToken ct)
    {
        var filled = rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToList();
        var codes = filled.Select(r => r.Code).ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => codes.Contains(k.Code))
            .Select(k => new { Kpi = new EditorKpi(k.Id, k.Code, k.Name, k.Unit, k.Frequency, k.ProgrammeCode), Stored = k.Measurements.Select(m => new { m.Year, m.Quarter }).ToList() })
            .ToDictionaryAsync(k => k.Kpi.Code, StringComparer.Ordinal, ct);
        var problems = new Dictionary<string, IReadOnlyList<MeasurementProblem>>(StringComparer.Ordinal);
        var valid = new List<(EditorKpi Kpi, ValidMeasurement Value, SourceReference Source)>();
        foreach (var row in filled)
        {
            if (!kpis.TryGetValue(row.Code, out var found) || Delivery.DueIn(found.Kpi.Frequency, quarter) is not { } due)
            {
                problems[row.Code] = [new(MeasurementField.Period, $"Voor {row.Code} is in {quarter} geen cijfer te leveren.")];
                continue;
            }

            if (Refusal(found.Kpi, who) is { } refused)
            {
                problems[row.Code] = refused.Problems;
                continue;
            }

            var form = new MeasurementForm { Period = due.Period.ToString(), Value = row.Value, Source = row.Source };
            var (checkedValue, rowProblems) = MeasurementEntry.Check(form.Period, form.Value, null, reasonRequired: false, found.Kpi.Unit, found.Kpi.Frequency, Today());
            var all = rowProblems.Append(MeasurementEntry.CheckSource(form.Source)).OfType<MeasurementProblem>().ToList();
            if (checkedValue is not null && found.Stored.Any(m => m.Year == due.Period.Year && m.Quarter == due.Period.Quarter))
            {
                all.Add(new(MeasurementField.Period, $"Periode: voor {due.Period} is al een waarde; corrigeer die op de pagina van de KPI."));
            }

            if (all.Count > 0 || checkedValue is null)
            {
                problems[row.Code] = all;
            }
            else
            {
                valid.Add((found.Kpi, checkedValue, Source(form)));
            }
        }

        if (problems.Count > 0 || valid.Count == 0)
        {
            return problems;
        }

        // The latest version of every period entered (a withdrawn value leaves versions behind), in one round trip.
        var ids = valid.Select(v => v.Kpi.Id).ToList();
        var latest = (await db.KpiMeasurementVersions.Where(v => ids.Contains(v.KpiId))
                .GroupBy(v => new { v.KpiId, v.Year, v.Quarter }).Select(g => new { g.Key.KpiId, g.Key.Year, g.Key.Quarter, Version = g.Max(v => v.Version) })
                .ToListAsync(ct))
            .ToDictionary(v => (v.KpiId, v.Year, v.Quarter), v => v.Version);
        foreach (var (kpi, value, source) in valid)
        {
            var status = MeasurementStatus.Provisional;
            db.KpiMeasurements.Add(new KpiMeasurement
            {
                KpiId = kpi.Id, Year = value.Period.Year, Quarter = value.Period.Quarter, Value = value.Value, Status = status, Source = source,
            });
            await StageAsync(kpi, value.Period, MeasurementChange.Entered, value.Value, status, null, source, who, AuditActions.MeasurementEntered, null, ct,
                latest.GetValueOrDefault((kpi.Id, value.Period.Year, value.Period.Quarter)));
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return problems;
        }
        catch (DbUpdateException ex) when (IsConflict(ex))
        {
            db.ChangeTracker.Clear();
            return valid.ToDictionary(v => v.Kpi.Code, v => (IReadOnlyList<MeasurementProblem>)[new(MeasurementField.Period,
                "Iemand anders heeft intussen waarden ingevoerd; er is niets opgeslagen. Laad de pagina opnieuw.")], StringComparer.Ordinal);
        }
    }
}

/// <summary>One row of the quick-entry form: a KPI's code, the value typed and its source.</summary>
public sealed record QuickEntryRow(string Code, string? Value, string? Source);

/// <summary>Who makes a change: name, whether he or she may make a value final (a Controller), and the request's origin.</summary>
/// <param name="Programmes">The programmes an assigned advisor enters figures for; null when he or she may enter for every KPI (<see cref="Definitions.EntryScope"/>).</param>
public sealed record Editor(string Name, bool MayFinalise, string Origin, IReadOnlySet<string>? Programmes = null);

/// <summary>The measurement editor's form; numbers are bound as text and read as Dutch numbers.</summary>
public sealed class MeasurementForm
{
    public string? Period { get; set; }

    public string? Value { get; set; }

    /// <summary>Controllers only: store as final ("definitief") at once.</summary>
    public bool Final { get; set; }

    public string? Source { get; set; }

    /// <summary>Reason: required for a correction or withdrawal; an optional note for a new value.</summary>
    public string? Reason { get; set; }

    public uint RowVersion { get; set; }
}
