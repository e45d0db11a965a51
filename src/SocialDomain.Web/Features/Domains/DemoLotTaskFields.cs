namespace SocialDomain.Web.Features.Domains;

/// <summary>
/// The taakveld of each lot of the demo budget (seed 003, KPMG 3.1), as the notes of budget_lines.csv name it
/// ("waarschijnlijk taakveld 6.2 Wijkteams", "taakveld 6.6", …; assumed). Used only for a budget line without its own
/// taakveld. Remove once budget_lines.csv carries a task_field column: the lines then say it themselves.
/// </summary>
public static class DemoLotTaskFields
{
    private static readonly IReadOnlyDictionary<string, string> ByLot = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TOEGANG"] = "6.2",
        ["MVZ_WMO"] = "6.6",
        ["MDV_18PLUS"] = "6.71",
        ["MDV_18MIN"] = "6.72",
        ["GZ_18PLUS"] = "6.81",
        ["GZ_18MIN"] = "6.82",
    };

    /// <summary>The line's own taakveld, else the demo taakveld of its lot; null for anything else.</summary>
    public static string? Of(string? taskFieldCode, string scopeCode) =>
        taskFieldCode ?? ByLot.GetValueOrDefault(scopeCode);
}
