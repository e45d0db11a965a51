using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Exports;

/// <summary>
/// Who may see what, exactly as on the pages (ADR 0005): staff (<see cref="Roles.MaySeeUnpublished"/>) see
/// everything; the public and council members see measurements up to the latest published quarter and the
/// published commentary of published quarters only.
/// </summary>
public static class Visibility
{
    public static bool MaySeeUnpublished(ClaimsPrincipal user) => Roles.MaySeeUnpublished(user);

    /// <summary>Ordinal (year × 4 + quarter − 1) of the latest published quarter; null when none is published.</summary>
    public static async Task<int?> LatestPublishedOrdinalAsync(SocialDomainDbContext db, CancellationToken cancellationToken) =>
        await db.QuarterPublications.AsNoTracking().MaxAsync(p => (int?)(p.Year * 4 + p.Quarter - 1), cancellationToken);

    public static async Task<IReadOnlyList<Period>> PublishedQuartersAsync(SocialDomainDbContext db, CancellationToken cancellationToken) =>
        (await db.QuarterPublications.AsNoTracking().Select(p => new { p.Year, p.Quarter }).ToListAsync(cancellationToken))
        .Select(p => Period.OfQuarter(p.Year, p.Quarter)).OrderDescending().ToList();

    /// <summary>The ordinal of the quarter in which a period's figure counts (a year counts from its fourth quarter).</summary>
    public static int EndQuarterOrdinal(int year, int? quarter) => (year * 4) + (quarter ?? 4) - 1;

    /// <summary>"2020" or "2020-K3", as <see cref="Period"/> prints it (without its 1900–2200 range check).</summary>
    public static string PeriodText(int year, int? quarter) =>
        quarter is { } q ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year}-K{q}") : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
