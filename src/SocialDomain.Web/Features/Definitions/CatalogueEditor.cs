using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Definitions;

/// <summary>A programme with its assigned advisors (user ids), as /beheer/programmas lists it.</summary>
public sealed record ProgrammeRow(string Code, string Name, bool Archived, uint RowVersion, int Kpis, IReadOnlyList<string> AdvisorIds);

/// <summary>A task field as /beheer/taakvelden lists it.</summary>
public sealed record TaskFieldRow(string Code, string Name, SocialDomainArea Domain, string? ProgrammeCode, bool Archived, uint RowVersion);

/// <summary>An account with the Beleidsadviseur role, to assign to programmes.</summary>
public sealed record AdvisorOption(string Id, string UserName, string DisplayName);

/// <summary>A programme or task field typed in a form (create: code and name; edit: name, archived, advisors).</summary>
public sealed class CatalogueForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    /// <summary>Task fields: token of <see cref="Vocabulary.Domains"/>.</summary>
    public string? Domain { get; set; }

    /// <summary>Task fields: the programme whose budget holds it.</summary>
    public string? Programme { get; set; }

    public bool Archived { get; set; }

    /// <summary>Programmes: the ids of the advisors assigned.</summary>
    public List<string> Advisors { get; set; } = [];

    public uint RowVersion { get; set; }
}

/// <summary>
/// Programmes and task fields in the app (issue 15 item 3): create, rename, archive, and assign advisors to programmes.
/// A code never changes and nothing is deleted; a rename or archive keeps the old state in the audit row (before/after),
/// written in the same SaveChanges. Stale edits (xmin) are refused as conflicts.
/// </summary>
public sealed class CatalogueEditor(SocialDomainDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProgrammeRow>> ProgrammesAsync(CancellationToken ct)
    {
        var rows = await db.Programmes.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.Name, p.ArchivedAt, p.RowVersion, Kpis = p.Kpis.Count }).ToListAsync(ct);
        var assigned = await db.UserProgrammes.AsNoTracking().ToListAsync(ct);
        return rows.Select(p => new ProgrammeRow(p.Code, p.Name, p.ArchivedAt is not null, p.RowVersion, p.Kpis,
            assigned.Where(a => a.ProgrammeCode == p.Code).Select(a => a.UserId).Order().ToList())).ToList();
    }

    public async Task<IReadOnlyList<TaskFieldRow>> TaskFieldsAsync(CancellationToken ct) =>
        await db.TaskFields.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new TaskFieldRow(t.Code, t.Name, t.Domain, t.ProgrammeCode, t.ArchivedAt != null, t.RowVersion)).ToListAsync(ct);

    /// <summary>Every account with the Beleidsadviseur role.</summary>
    public async Task<IReadOnlyList<AdvisorOption>> AdvisorsAsync(CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == Roles.PolicyAdvisor
               orderby u.UserName
               select new AdvisorOption(u.Id, u.UserName!, u.DisplayName)).AsNoTracking().ToListAsync(ct);

    public async Task<IReadOnlyList<DefinitionProblem>> CreateProgrammeAsync(CatalogueForm form, DefinitionActor who, CancellationToken ct)
    {
        var (code, name, problems) = DefinitionRules.CheckCatalogueEntry(form.Code, form.Name, isTaskField: false);
        if (code is null || name is null)
        {
            return problems;
        }

        db.Programmes.Add(new Programme { Code = code, Name = name });
        db.AuditLog.Add(Audit(AuditActions.ProgrammeCreated, $"programma:{code}", AuditResults.Succeeded, who, new { voor = (object?)null, na = new { naam = name } }));
        return await InsertAsync(ct, $"Programmanummer: programma {code} bestaat al.");
    }

    /// <summary>Renames or (un)archives a programme and sets its advisors.</summary>
    public async Task<ChangeOutcome> ChangeProgrammeAsync(string code, CatalogueForm form, DefinitionActor who, CancellationToken ct)
    {
        var (_, name, problems) = DefinitionRules.CheckCatalogueEntry(code, form.Name, isTaskField: false);
        if (name is null)
        {
            return new ChangeOutcome(problems);
        }

        if (await db.Programmes.SingleOrDefaultAsync(p => p.Code == code, ct) is not { } programme)
        {
            return new ChangeOutcome([], NotFound: true);
        }

        db.Entry(programme).Property(p => p.RowVersion).OriginalValue = form.RowVersion;
        var advisors = await AdvisorsAsync(ct);
        var wanted = form.Advisors.Where(id => advisors.Any(a => a.Id == id)).Distinct().Order().ToList();
        var current = await db.UserProgrammes.Where(u => u.ProgrammeCode == code).ToListAsync(ct);
        var before = new { naam = programme.Name, gearchiveerd = programme.ArchivedAt is not null, adviseurs = Names(advisors, current.Select(c => c.UserId)) };
        db.UserProgrammes.RemoveRange(current.Where(c => !wanted.Contains(c.UserId)));
        db.UserProgrammes.AddRange(wanted.Where(id => current.All(c => c.UserId != id)).Select(id => new UserProgramme { UserId = id, ProgrammeCode = code }));
        programme.Name = name;
        programme.ArchivedAt = form.Archived ? programme.ArchivedAt ?? clock.GetUtcNow() : null;
        // Touch the row so that its xmin guards the whole change, also when only the advisors change.
        db.Entry(programme).State = EntityState.Modified;
        var after = new { naam = name, gearchiveerd = form.Archived, adviseurs = Names(advisors, wanted) };
        var action = form.Archived && !before.gearchiveerd ? AuditActions.ProgrammeArchived : AuditActions.ProgrammeChanged;
        return await UpdateAsync(action, $"programma:{code}", who, new { voor = before, na = after }, ct);
    }

    public async Task<IReadOnlyList<DefinitionProblem>> CreateTaskFieldAsync(CatalogueForm form, DefinitionActor who, CancellationToken ct)
    {
        var (code, name, problems) = DefinitionRules.CheckCatalogueEntry(form.Code, form.Name, isTaskField: true);
        var (domain, programme, more) = await TaskFieldTermsAsync(form, ct);
        if (code is null || name is null || more.Count > 0)
        {
            return problems.Concat(more).ToList();
        }

        db.TaskFields.Add(new TaskField { Code = code, Name = name, Domain = domain, ProgrammeCode = programme });
        db.AuditLog.Add(Audit(AuditActions.TaskFieldCreated, $"taakveld:{code}", AuditResults.Succeeded, who,
            new { voor = (object?)null, na = new { naam = name, domein = form.Domain, programma = programme } }));
        return await InsertAsync(ct, $"Taakveldcode: taakveld {code} bestaat al.");
    }

    public async Task<ChangeOutcome> ChangeTaskFieldAsync(string code, CatalogueForm form, DefinitionActor who, CancellationToken ct)
    {
        var (_, name, problems) = DefinitionRules.CheckCatalogueEntry(code, form.Name, isTaskField: true);
        var (domain, programme, more) = await TaskFieldTermsAsync(form, ct);
        if (name is null || more.Count > 0)
        {
            return new ChangeOutcome(problems.Concat(more).ToList());
        }

        if (await db.TaskFields.SingleOrDefaultAsync(t => t.Code == code, ct) is not { } field)
        {
            return new ChangeOutcome([], NotFound: true);
        }

        db.Entry(field).Property(t => t.RowVersion).OriginalValue = form.RowVersion;
        var before = new { naam = field.Name, domein = Vocabulary.Domains.Token(field.Domain), programma = field.ProgrammeCode, gearchiveerd = field.ArchivedAt is not null };
        field.Name = name;
        field.Domain = domain;
        field.ProgrammeCode = programme;
        field.ArchivedAt = form.Archived ? field.ArchivedAt ?? clock.GetUtcNow() : null;
        db.Entry(field).State = EntityState.Modified;
        var after = new { naam = name, domein = Vocabulary.Domains.Token(domain), programma = programme, gearchiveerd = form.Archived };
        var action = form.Archived && !before.gearchiveerd ? AuditActions.TaskFieldArchived : AuditActions.TaskFieldChanged;
        return await UpdateAsync(action, $"taakveld:{code}", who, new { voor = before, na = after }, ct);
    }

    private async Task<(SocialDomainArea Domain, string? Programme, List<DefinitionProblem> Problems)> TaskFieldTermsAsync(CatalogueForm form, CancellationToken ct)
    {
        var problems = new List<DefinitionProblem>();
        if (form.Domain is null || !Vocabulary.Domains.ByToken.TryGetValue(form.Domain, out var domain))
        {
            problems.Add(new(DefinitionField.Domain, $"Domein: kies uit {string.Join(", ", Vocabulary.Domains.Entries.Select(e => e.Label))}."));
            domain = default;
        }

        var programme = string.IsNullOrWhiteSpace(form.Programme) ? null : form.Programme.Trim();
        if (programme is not null && !await db.Programmes.AnyAsync(p => p.Code == programme, ct))
        {
            problems.Add(new(DefinitionField.Programme, $"Programma: programma '{programme}' bestaat niet."));
        }

        return (domain, programme, problems);
    }

    private static List<string> Names(IReadOnlyList<AdvisorOption> advisors, IEnumerable<string> ids) =>
        ids.Select(id => advisors.FirstOrDefault(a => a.Id == id)?.UserName ?? id).Order().ToList();

    private async Task<IReadOnlyList<DefinitionProblem>> InsertAsync(CancellationToken ct, string exists)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return [new(DefinitionField.Code, exists)];
        }
    }

    private async Task<ChangeOutcome> UpdateAsync(string action, string obj, DefinitionActor who, object details, CancellationToken ct)
    {
        db.AuditLog.Add(Audit(action, obj, AuditResults.Succeeded, who, details));
        try
        {
            await db.SaveChangesAsync(ct);
            return new ChangeOutcome([]);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            db.AuditLog.Add(Audit(action, obj, AuditResults.Conflict, who, details));
            await db.SaveChangesAsync(ct);
            return new ChangeOutcome([], Conflict: true);
        }
    }

    private AuditLogEntry Audit(string action, string obj, string result, DefinitionActor who, object details) =>
        AuditEntry.Create(clock.GetUtcNow(), who.Name, action, obj, result, who.Origin, details);
}

/// <summary>What came of an edit: problems per field, a lost race (someone else changed it meanwhile), or no such entry.</summary>
public sealed record ChangeOutcome(IReadOnlyList<DefinitionProblem> Problems, bool Conflict = false, bool NotFound = false)
{
    public bool Succeeded => Problems.Count == 0 && !Conflict && !NotFound;
}
