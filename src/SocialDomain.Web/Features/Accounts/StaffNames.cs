using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Accounts;

/// <summary>
/// Display names for staff (issue 18): where staff see who wrote or published something, they read the author's name
/// ("Anna de Vries"), not the login name. Readers outside the staff keep seeing the role (<see cref="StaffAttribution"/>).
/// </summary>
public sealed class StaffNames(IReadOnlyDictionary<string, string> names)
{
    public static readonly StaffNames None = new(new Dictionary<string, string>());

    /// <summary>One round trip: the display names of <paramref name="userNames"/> (unknown names are left out).</summary>
    public static async Task<StaffNames> LoadAsync(SocialDomainDbContext db, IEnumerable<string?> userNames, CancellationToken cancellationToken)
    {
        var wanted = userNames.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return None;
        }

        return new StaffNames(await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken));
    }

    /// <summary>The display name of <paramref name="userName"/>; the recorded name itself for "import", a removed account or no display name.</summary>
    public string Of(string? userName) =>
        userName is not null && names.TryGetValue(userName, out var name) && !string.IsNullOrWhiteSpace(name) ? name : userName ?? string.Empty;
}
