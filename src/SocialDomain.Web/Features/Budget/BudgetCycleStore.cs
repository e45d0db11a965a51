using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Budget;

/// <summary>
/// What the IV3 import (Import/BudgetCycleImport) and /beheer/begroting (<see cref="BudgetCycleEditor"/>) share when they
/// store an amount of the budget cycle: the current lines, the line made from an entered amount (sign converted by Core
/// <see cref="BudgetCycleEntry.StoredAmount"/>), the task fields a line needs and the sum check against what is stored.
/// </summary>
public static class BudgetCycleStore
{
    /// <summary>The lines no correction replaces.</summary>
    public static IQueryable<BudgetLine> Current(SocialDomainDbContext db) => db.BudgetLines.Where(l => !db.BudgetLines.Any(c => c.ReplacesId == l.Id));

    /// <summary>A stored line as Core's sum check reads it.</summary>
    public static BudgetCycleAmount ToAmount(BudgetLine l) => new(l.Scope, l.ScopeCode, l.ProgrammeCode, l.Year, l.Stage, l.Measure, l.PeriodEnd, l.ChangeNumber, l.Amount);

    /// <summary>The current lines the sum check needs (one round trip).</summary>
    public static async Task<IReadOnlyList<BudgetLine>> CurrentLinesAsync(SocialDomainDbContext db, CancellationToken ct) =>
        await Current(db).AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);

    /// <summary>The line of a taakveld that stores <paramref name="input"/> (not yet added).</summary>
    public static BudgetLine NewLine(BudgetCycleInput input, SourceReference source, string? note) => new()
    {
        Scope = BudgetScope.TaskField,
        ScopeCode = input.TaskField,
        Name = Iv3TaskFields.Find(input.TaskField)?.Name ?? input.TaskField,
        ProgrammeCode = input.Programme,
        TaskFieldCode = input.TaskField,
        Year = input.Year,
        Stage = input.Stage,
        Measure = input.Category,
        Amount = BudgetCycleEntry.StoredAmount(input.Category, input.Amount),
        PeriodEnd = input.PeriodEnd,
        ChangeNumber = input.ChangeNumber,
        ChangeDate = input.ChangeDate,
        ChangeReason = input.ChangeReason,
        Note = note,
        Source = source,
    };

    /// <summary>True when <paramref name="incoming"/> says nothing new about the figure <paramref name="stored"/> holds.</summary>
    public static bool SameFigure(BudgetLine stored, BudgetLine incoming) =>
        stored.Amount == incoming.Amount && stored.ChangeDate == incoming.ChangeDate && stored.ChangeReason == incoming.ChangeReason;

    /// <summary>
    /// Adds the IV3 task fields of hoofdtaak 6 that lines refer to and that are not stored yet (name from IV3, domain from
    /// <see cref="Iv3TaskFields.AreaOf"/>, programme of the first line), so every valid taakveld can be stored (FK).
    /// </summary>
    public static async Task<int> AddMissingTaskFieldsAsync(SocialDomainDbContext db, IEnumerable<BudgetLine> lines, CancellationToken ct)
    {
        var wanted = lines.Where(l => l.TaskFieldCode is not null).GroupBy(l => l.TaskFieldCode!).ToDictionary(g => g.Key, g => g.First().ProgrammeCode);
        var stored = await db.TaskFields.Where(t => wanted.Keys.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
        var added = 0;
        foreach (var (code, programme) in wanted.Where(w => !stored.Contains(w.Key)))
        {
            if (Iv3TaskFields.Find(code) is { } field && Iv3TaskFields.AreaOf(code) is { } area)
            {
                db.TaskFields.Add(new TaskField { Code = code, Name = field.Name, Domain = area, ProgrammeCode = programme });
                added++;
            }
        }

        return added;
    }
}
