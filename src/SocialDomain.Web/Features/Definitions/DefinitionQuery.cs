using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Definitions;

/// <summary>A KPI in the definitions list (/beheer/kpis).</summary>
public sealed record DefinitionListRow(string Code, string Name, SocialDomainArea Domain, string? ProgrammeCode, string? ProgrammeName, string? TaskFieldCode,
    string? Owner, int Versions, int? ArchivedFromYear, int? ArchivedFromQuarter)
{
    public Period? ArchivedFrom => ArchivedFromYear is { } y ? new Period(y, ArchivedFromQuarter) : null;

    /// <summary>The 14 seeded KPIs came without owner: the list flags them ("eigenaar ontbreekt") rather than inventing one.</summary>
    public bool OwnerMissing => string.IsNullOrWhiteSpace(Owner);
}

/// <summary>A programme or task field to choose from: code, name, and whether it is archived.</summary>
public sealed record CatalogueOption(string Code, string Name, bool Archived);

/// <summary>The database round trips of the definitions pages and of the definition history on the KPI page.</summary>
public static class DefinitionQuery
{
    /// <summary>Every KPI, archived ones included, by programme, domain and name (one round trip).</summary>
    public static async Task<IReadOnlyList<DefinitionListRow>> ListAsync(SocialDomainDbContext db, CancellationToken ct) =>
        await db.Kpis.AsNoTracking().OrderBy(k => k.ProgrammeCode).ThenBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new DefinitionListRow(k.Code, k.Name, k.Domain, k.ProgrammeCode, k.Programme != null ? k.Programme.Name : null, k.TaskFieldCode,
                k.Owner, k.DefinitionVersions.Count, k.ArchivedFromYear, k.ArchivedFromQuarter))
            .ToListAsync(ct);

    /// <summary>Every programme and every task field (two round trips), for the choices in the definition form.</summary>
    public static async Task<(IReadOnlyList<CatalogueOption> Programmes, IReadOnlyList<CatalogueOption> TaskFields)> OptionsAsync(SocialDomainDbContext db, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Code).Select(p => new CatalogueOption(p.Code, p.Name, p.ArchivedAt != null)).ToListAsync(ct);
        var taskFields = await db.TaskFields.AsNoTracking().OrderBy(t => t.Code).Select(t => new CatalogueOption(t.Code, t.Name, t.ArchivedAt != null)).ToListAsync(ct);
        return (programmes, taskFields);
    }

    /// <summary>What a definition may refer to: the active programmes and task fields, plus the ones the KPI refers to now (they stay valid).</summary>
    public static DefinitionReferences References(IReadOnlyList<CatalogueOption> programmes, IReadOnlyList<CatalogueOption> taskFields, string? currentProgramme = null,
        string? currentTaskField = null) =>
        new(programmes.Where(p => !p.Archived || p.Code == currentProgramme).Select(p => p.Code).ToHashSet(StringComparer.Ordinal),
            taskFields.Where(t => !t.Archived || t.Code == currentTaskField).Select(t => t.Code).ToHashSet(StringComparer.Ordinal));

    /// <summary>A KPI's definition versions (one round trip).</summary>
    public static async Task<IReadOnlyList<DefinitionVersionRow>> VersionsAsync(SocialDomainDbContext db, string code, CancellationToken ct) =>
        await db.KpiDefinitionVersions.AsNoTracking().Where(v => v.Kpi!.Code == code).OrderByDescending(v => v.Version)
            .Select(DefinitionVersionRow.FromEntity).ToListAsync(ct);
}
