using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Due;

/// <summary>A value stored for a KPI in the year of the quarter asked for (quarter null: the whole year).</summary>
public sealed record StoredValue(int? Quarter, decimal Value, MeasurementStatus Status);

/// <summary>A KPI with what its delivery needs: owner, frequency and the values stored in the quarter's year.</summary>
public sealed record DeliveryKpi(string Code, string Name, SocialDomainArea Domain, string? Owner, KpiUnit Unit, KpiFrequency Frequency, IReadOnlyList<StoredValue> Values);

/// <summary>The database round trip behind /beheer/te-leveren: every KPI with its values of one year (one round trip).</summary>
public static class DeliveryQuery
{
    public static async Task<IReadOnlyList<DeliveryKpi>> LoadAsync(SocialDomainDbContext db, int year, CancellationToken cancellationToken) =>
        await db.Kpis.AsNoTracking()
            .OrderBy(k => k.Owner).ThenBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new DeliveryKpi(k.Code, k.Name, k.Domain, k.Owner, k.Unit, k.Frequency,
                k.Measurements.Where(m => m.Year == year).Select(m => new StoredValue(m.Quarter, m.Value, m.Status)).ToList()))
            .ToListAsync(cancellationToken);
}
