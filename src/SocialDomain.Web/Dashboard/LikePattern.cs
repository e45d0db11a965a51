namespace SocialDomain.Web.Dashboard;

/// <summary>A user's search text as an ILIKE "contains" pattern in which %, _ and \ match literally.</summary>
public static class LikePattern
{
    /// <summary>The escape character to pass to <c>EF.Functions.ILike(column, pattern, Escape)</c>.</summary>
    public const string Escape = "\\";

    public static string Contains(string text) =>
        "%" + text.Trim()
            .Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
