namespace SocialDomain.Web.Features.Accounts;

/// <summary>
/// Who did something, as readers outside the staff see it (issue 16): never a login name (that would let anyone lock a
/// staff account out), but the role that does that work. Staff see the recorded login name. Targets, commentary and
/// publications are all the work of policy advisors (only that role may edit targets, write commentary and publish);
/// values the system records itself ("import") stay as they are.
/// </summary>
public static class StaffAttribution
{
    /// <summary>What <c>KpiTarget.ChangedBy</c> holds for versions from the source documents.</summary>
    public const string Import = "import";

    public const string PolicyAdvisor = "beleidsadviseur";

    public const string Controller = "controller";

    /// <summary>For work that more than one role does (entering and correcting values: advisors and controllers).</summary>
    public const string Staff = "medewerker";

    /// <summary>Pure: the attribution for a reader outside the staff.</summary>
    public static string Public(string? recordedBy) => recordedBy == Import ? Import : PolicyAdvisor;

    /// <summary>Pure: the login name for staff, otherwise <see cref="Public"/>.</summary>
    public static string For(string? recordedBy, bool readerIsStaff) => readerIsStaff ? recordedBy ?? string.Empty : Public(recordedBy);
}
