using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Web.Data;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Definitions;

/// <summary>
/// For which KPIs a user enters figures (issue 15 item 1): a Controller for all; a Beleidsadviseur assigned to programmes
/// (/beheer/programmas) only for the KPIs of those programmes; an advisor without assignment for all.
/// </summary>
public static class EntryScope
{
    /// <summary>The programmes <paramref name="user"/> is limited to; null when he or she may enter for every KPI (one round trip for an advisor).</summary>
    public static async Task<IReadOnlySet<string>?> LoadAsync(SocialDomainDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Controller) || !user.IsInRole(Roles.PolicyAdvisor) || user.Identity?.Name is not { } name)
        {
            return null;
        }

        var codes = await db.UserProgrammes.AsNoTracking().Where(u => u.User!.UserName == name).Select(u => u.ProgrammeCode).ToListAsync(ct);
        return codes.Count == 0 ? null : codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The Dutch refusal when a user limited to <paramref name="programmes"/> may not enter for the KPI; null when allowed.</summary>
    public static string? RefusalFor(IReadOnlySet<string>? programmes, string kpiCode, string? kpiProgramme) =>
        DefinitionRules.MayEnterFor(programmes, kpiProgramme)
            ? null
            : $"U bent toegewezen aan programma {string.Join(", ", programmes!.Order())} en voert daarom geen cijfers in voor {kpiCode} "
              + $"({(kpiProgramme is null ? "zonder programma" : $"programma {kpiProgramme}")}). Vraag een controller of een adviseur van dat programma.";
}
