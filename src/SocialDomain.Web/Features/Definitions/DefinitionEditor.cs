using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;

namespace SocialDomain.Web.Features.Definitions;

/// <summary>A KPI with its definition versions (newest first), as the edit page shows it.</summary>
public sealed record DefinitionEditorState(Kpi Kpi, IReadOnlyList<DefinitionVersionRow> Versions)
{
    public DefinitionVersionRow? Latest => Versions.FirstOrDefault();
}

/// <summary>What came of a save: the stored version, the problems per field, or (a lost race) the state stored now.</summary>
public sealed record DefinitionResult(IReadOnlyList<DefinitionProblem> Problems, int Version = 0, DefinitionEditorState? Conflict = null)
{
    public bool Succeeded => Problems.Count == 0 && Conflict is null;
}

/// <summary>Who makes a change: the account name and the request's origin.</summary>
public sealed record DefinitionActor(string Name, string Origin);

/// <summary>
/// Creating, changing and archiving KPIs in the app (issue 15 item 3). A change appends a <see cref="KpiDefinitionVersion"/>
/// (rules: <see cref="DefinitionRules"/>) and copies it onto the KPI row, which is what the current pages read; the audit row
/// with before and after goes in the same SaveChanges. The KPI row's xmin guards against lost updates: a change based on a
/// stale form is refused, audited as a conflict, and returns what is stored now.
/// </summary>
public sealed class DefinitionEditor(SocialDomainDbContext db, TimeProvider clock)
{
    /// <summary>The source document of KPIs created in the app.</summary>
    public static readonly SourceReference AppSource = new("dashboard", "kpi-beheer");

    public async Task<DefinitionEditorState?> LoadAsync(string code, CancellationToken ct)
    {
        var kpi = await db.Kpis.AsNoTracking().SingleOrDefaultAsync(k => k.Code == code, ct);
        return kpi is null ? null : new DefinitionEditorState(kpi, await DefinitionQuery.VersionsAsync(db, code, ct));
    }

    public async Task<DefinitionResult> CreateAsync(DefinitionForm form, DefinitionActor who, CancellationToken ct)
    {
        var (programmes, taskFields) = await DefinitionQuery.OptionsAsync(db, ct);
        var (valid, problems) = DefinitionRules.Check(form.ToInput(), isChange: false, DefinitionQuery.References(programmes, taskFields));
        if (valid is null)
        {
            return new DefinitionResult(problems);
        }

        if (await db.Kpis.AnyAsync(k => k.Code == valid.Code, ct))
        {
            return new DefinitionResult([new(DefinitionField.Code, $"Code: er bestaat al een KPI met code {valid.Code}.")]);
        }

        var kpi = new Kpi { Code = valid.Code, Name = valid.Name, Definition = valid.Definition, Source = AppSource };
        Copy(valid, kpi);
        var version = NewVersion(kpi, 1, valid, who);
        kpi.DefinitionVersions.Add(version);
        db.Kpis.Add(kpi);
        db.AuditLog.Add(Audit(valid.Code, AuditActions.KpiCreated, AuditResults.Succeeded, who, new { voor = (object?)null, na = DefinitionVersionRow.Of(version) }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return new DefinitionResult([new(DefinitionField.Code, $"Code: er bestaat al een KPI met code {valid.Code}.")]);
        }

        return new DefinitionResult([], 1);
    }

    /// <summary>A new version of the definition of <paramref name="state"/>'s KPI; the code stays.</summary>
    public async Task<DefinitionResult> ChangeAsync(DefinitionEditorState state, DefinitionForm form, DefinitionActor who, CancellationToken ct)
    {
        form.Code = state.Kpi.Code;
        var (programmes, taskFields) = await DefinitionQuery.OptionsAsync(db, ct);
        var (valid, problems) = DefinitionRules.Check(form.ToInput(), isChange: true,
            DefinitionQuery.References(programmes, taskFields, state.Kpi.ProgrammeCode, state.Kpi.TaskFieldCode));
        if (valid is null)
        {
            return new DefinitionResult(problems);
        }

        var kpi = await db.Kpis.SingleAsync(k => k.Code == state.Kpi.Code, ct);
        db.Entry(kpi).Property(k => k.RowVersion).OriginalValue = form.RowVersion;
        var number = (state.Latest?.Version ?? 0) + 1;
        kpi.Name = valid.Name;
        kpi.Definition = valid.Definition;
        Copy(valid, kpi);
        var version = NewVersion(kpi, number, valid, who);
        db.KpiDefinitionVersions.Add(version);
        var details = new { voor = state.Latest, na = DefinitionVersionRow.Of(version) };
        db.AuditLog.Add(Audit(kpi.Code, AuditActions.KpiChanged, AuditResults.Succeeded, who, details));
        return await SaveAsync(state, AuditActions.KpiChanged, who, details, number, ct);
    }

    /// <summary>Archives the KPI from a quarter: it keeps its history and leaves the overview and the due list from then on.</summary>
    public async Task<DefinitionResult> ArchiveAsync(DefinitionEditorState state, ArchiveForm form, DefinitionActor who, CancellationToken ct)
    {
        var (quarter, reason, problems) = DefinitionRules.CheckArchive(form.ArchiveFrom, form.Reason);
        if (quarter is not { } from)
        {
            return new DefinitionResult(problems);
        }

        var kpi = await db.Kpis.SingleAsync(k => k.Code == state.Kpi.Code, ct);
        db.Entry(kpi).Property(k => k.RowVersion).OriginalValue = form.RowVersion;
        var before = kpi.ArchivedFromYear is { } y ? new Period(y, kpi.ArchivedFromQuarter).ToString() : null;
        kpi.ArchivedFromYear = from.Year;
        kpi.ArchivedFromQuarter = from.Quarter;
        var details = new { voor = before, na = from.ToString(), reden = reason };
        db.AuditLog.Add(Audit(kpi.Code, AuditActions.KpiArchived, AuditResults.Succeeded, who, details));
        return await SaveAsync(state, AuditActions.KpiArchived, who, details, state.Latest?.Version ?? 0, ct);
    }

    private async Task<DefinitionResult> SaveAsync(DefinitionEditorState state, string action, DefinitionActor who, object details, int version, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new DefinitionResult([], version);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || ex is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
        {
            db.ChangeTracker.Clear();
            db.AuditLog.Add(Audit(state.Kpi.Code, action, AuditResults.Conflict, who, details));
            await db.SaveChangesAsync(ct);
            return new DefinitionResult([], version, await LoadAsync(state.Kpi.Code, ct) ?? state);
        }
    }

    private static void Copy(ValidDefinition valid, Kpi kpi)
    {
        kpi.Unit = valid.Unit;
        kpi.Direction = valid.Direction;
        kpi.BandLow = valid.BandLow;
        kpi.BandHigh = valid.BandHigh;
        kpi.Frequency = valid.Frequency;
        kpi.Domain = valid.Domain;
        kpi.DataSource = valid.DataSource;
        kpi.Owner = valid.Owner;
        kpi.ProgrammeCode = valid.Programme;
        kpi.TaskFieldCode = valid.TaskField;
        kpi.LegalNorm = valid.LegalNorm;
        kpi.LegalNormDescription = valid.LegalNormDescription;
    }

    private KpiDefinitionVersion NewVersion(Kpi kpi, int number, ValidDefinition valid, DefinitionActor who)
    {
        var version = Snapshot(kpi, number, valid.ValidFrom, who.Name, clock.GetUtcNow(), valid.Reason);
        version.KpiId = kpi.Id;
        return version;
    }

    /// <summary>A version holding the KPI row's definition as it is now (also used by the importer).</summary>
    public static KpiDefinitionVersion Snapshot(Kpi kpi, int number, Period validFrom, string changedBy, DateTimeOffset changedAt, string? reason) => new()
    {
        KpiId = kpi.Id,
        Version = number,
        ValidFromYear = validFrom.Year,
        ValidFromQuarter = validFrom.Quarter,
        Name = kpi.Name,
        Definition = kpi.Definition,
        Unit = kpi.Unit,
        Direction = kpi.Direction,
        BandLow = kpi.BandLow,
        BandHigh = kpi.BandHigh,
        Frequency = kpi.Frequency,
        DataSource = kpi.DataSource,
        Domain = kpi.Domain,
        Owner = kpi.Owner,
        ProgrammeCode = kpi.ProgrammeCode,
        TaskFieldCode = kpi.TaskFieldCode,
        LegalNorm = kpi.LegalNorm,
        LegalNormDescription = kpi.LegalNormDescription,
        ChangedBy = changedBy,
        ChangedAt = changedAt,
        Reason = reason,
    };

    private AuditLogEntry Audit(string code, string action, string result, DefinitionActor who, object details) =>
        AuditEntry.Create(clock.GetUtcNow(), who.Name, action, $"kpi:{code}", result, who.Origin, details);
}
