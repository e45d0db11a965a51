using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Kpis;

namespace SocialDomain.Web.Features.Domains;

/// <summary>A count KPI of the taakveld (the number of clients) with its values over whole years.</summary>
public sealed record ClientCount(string Code, string Name, IReadOnlyDictionary<int, decimal> ByYear);

/// <summary>One year of a cost-per-client KPI: the typed figure and the computed one (or why it cannot be computed).</summary>
public sealed record CostPerClientRow(int Year, decimal? Typed, Result<decimal> Computed);

/// <summary>Cost per client computed for a KPI: the clients KPI used (null when none fits) and one row per year.</summary>
public sealed record CostPerClientView(string TaskFieldCode, ClientCount? Clients, string? ClientsProblem, IReadOnlyList<CostPerClientRow> Rows);

/// <summary>
/// "Kosten per cliënt", computed rather than typed in: the realisatie (jaarrekening) of the KPI's taakveld divided by the
/// number of clients, the value over the same year of the one count KPI of that taakveld whose name mentions clients
/// (<see cref="OwnCost.PerClient"/>). Only for a KPI in euros with a taakveld whose name mentions clients ("Gemiddelde
/// kosten per jeugdhulpcliënt").
/// </summary>
public static class CostPerClient
{
    /// <summary>Whether a KPI is a cost-per-client figure this can compute.</summary>
    public static bool AppliesTo(KpiDefinition kpi) =>
        kpi.Unit == KpiUnit.Euro && kpi.TaskFieldCode is not null && MentionsClients(kpi.Name);

    /// <summary>Two round trips: the count KPIs of the taakveld with their yearly values, and the budget lines. Null when it does not apply.</summary>
    public static async Task<CostPerClientView?> LoadAsync(SocialDomainDbContext db, KpiDefinition kpi, IEnumerable<(int Year, int? Quarter, decimal Value)> typed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kpi);
        if (!AppliesTo(kpi))
        {
            return null;
        }

        var taskField = kpi.TaskFieldCode!;
        var counts = (await db.Kpis.AsNoTracking()
                .Where(k => k.TaskFieldCode == taskField && k.Unit == KpiUnit.Count)
                .Select(k => new { k.Code, k.Name, Values = k.Measurements.Where(m => m.Quarter == null).Select(m => new { m.Year, m.Value }).ToList() })
                .ToListAsync(ct))
            .Select(k => new ClientCount(k.Code, k.Name, k.Values.ToDictionary(v => v.Year, v => v.Value)))
            .ToList();
        var lines = await new BudgetQuery(db).LinesAsync(ct);
        return Build(taskField, typed.Where(t => t.Quarter is null).ToDictionary(t => t.Year, t => t.Value), counts, lines);
    }

    /// <summary>Pure: one row per year with a typed figure or a realisatie of the taakveld, newest first.</summary>
    public static CostPerClientView Build(string taskField, IReadOnlyDictionary<int, decimal> typed, IReadOnlyList<ClientCount> counts, IReadOnlyList<BudgetLineData> lines)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(lines);
        var candidates = counts.Where(c => MentionsClients(c.Name)).ToList();
        var clients = candidates.Count == 1 ? candidates[0] : null;
        var problem = candidates.Count switch
        {
            0 => $"niet te berekenen: er is geen KPI met het aantal cliënten van taakveld {taskField}",
            1 => null,
            _ => $"niet te berekenen: meer dan één KPI met het aantal cliënten van taakveld {taskField} ({string.Join(", ", candidates.Select(c => c.Code))})",
        };
        var realisations = lines
            .Where(l => DomainReport.IsWholeYearRealisation(l) && DomainReport.TaskFieldOf(l) == taskField)
            .GroupBy(l => l.Year)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        var rows = typed.Keys.Union(realisations.Keys).OrderDescending()
            .Select(year => new CostPerClientRow(year, typed.TryGetValue(year, out var t) ? t : null,
                problem is not null
                    ? Result<decimal>.InsufficientData(problem)
                    : OwnCost.PerClient(taskField, year, realisations.TryGetValue(year, out var r) ? r : null, clients!.ByYear.TryGetValue(year, out var c) ? c : null)))
            .ToList();
        return new CostPerClientView(taskField, clients, problem, rows);
    }

    private static bool MentionsClients(string name) => name.Contains("cliënt", StringComparison.OrdinalIgnoreCase);
}
