using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Due;

/// <summary>A value stored for a KPI in the year of the quarter asked for (quarter null: the whole year).</summary>
public sealed record StoredValue(int? Quarter, decimal Value, MeasurementStatus Status);

/// <summary>The latest value before the quarter asked for (what the quick-entry page shows as "vorige waarde").</summary>
public sealed record PreviousValue(int Year, int? Quarter, decimal Value)
{
    public Period Period => new(Year, Quarter);
}

/// <summary>A KPI with what its delivery needs: owner, frequency and the values stored in the quarter's year.</summary>
public sealed record DeliveryKpi(string Code, string Name, SocialDomainArea Domain, string? Owner, KpiUnit Unit, KpiFrequency Frequency, IReadOnlyList<StoredValue> Values,
    PreviousValue? Previous = null, string? ProgrammeCode = null);

/// <summary>The database round trip behind /beheer/te-leveren: every KPI with its values of one year (one round trip).</summary>
public static class DeliveryQuery
{
    /// <summary>Every KPI with its values of <paramref name="quarter"/>'s year and its latest value before that quarter.</summary>
    public static async Task<IReadOnlyList<DeliveryKpi>> LoadAsync(SocialDomainDbContext db, Period quarter, CancellationToken cancellationToken)
    {
        var year = quarter.Year;
        var before = QuarterOrdinal.Of(quarter);
        // An archived KPI leaves the due list from its archive quarter on (DefinitionRules.IsArchivedIn, in SQL).
        return await db.Kpis.AsNoTracking()
            .Where(k => k.ArchivedFromYear == null || (k.ArchivedFromYear * 4) + (k.ArchivedFromQuarter ?? 1) - 1 > before)
            .OrderBy(k => k.Owner).ThenBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new DeliveryKpi(k.Code, k.Name, k.Domain, k.Owner, k.Unit, k.Frequency,
                k.Measurements.Where(m => m.Year == year).Select(m => new StoredValue(m.Quarter, m.Value, m.Status)).ToList(),
                k.Measurements.Where(m => (m.Year * 4) + (m.Quarter ?? 4) - 1 < before)
                    .OrderByDescending(m => (m.Year * 4) + (m.Quarter ?? 4) - 1).ThenBy(m => m.Quarter)
                    .Select(m => new PreviousValue(m.Year, m.Quarter, m.Value)).FirstOrDefault(), k.ProgrammeCode))
            .ToListAsync(cancellationToken);
    }
}
