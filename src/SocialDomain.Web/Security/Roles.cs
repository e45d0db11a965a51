using System.Security.Claims;

namespace SocialDomain.Web.Security;

/// <summary>The four roles. Names are Dutch because administrators see them.</summary>
public static class Roles
{
    public const string CouncilMember = "Raadslid";
    public const string PolicyAdvisor = "Beleidsadviseur";
    public const string Controller = "Controller";
    public const string Administrator = "Beheerder";

    public static readonly IReadOnlyList<string> All = [CouncilMember, PolicyAdvisor, Controller, Administrator];

    /// <summary>Staff see unpublished quarters and draft commentary; council members and the public do not.</summary>
    public static bool MaySeeUnpublished(ClaimsPrincipal user) =>
        user.IsInRole(PolicyAdvisor) || user.IsInRole(Controller) || user.IsInRole(Administrator);

    /// <summary>Staff have a working area (/beheer); council members and others do not.</summary>
    public static bool HasStaffArea(ClaimsPrincipal user) => MaySeeUnpublished(user);

    /// <summary>Where a user lands after logging in without a page to return to: staff their area, everyone else the dashboard.</summary>
    public static string LandingPath(ClaimsPrincipal user) => HasStaffArea(user) ? "/beheer" : "/";
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Read the dashboard: anyone while the public dashboard is on, otherwise any role.</summary>
    public const string ReadDashboard = "ReadDashboard";
    public const string EditTargets = "EditTargets";
    public const string Import = "Import";

    /// <summary>Enter, correct and withdraw measurements (Beleidsadviseur, Controller); confirming needs a Controller.</summary>
    public const string EnterFigures = "EnterFigures";
    public const string ManageUsers = "ManageUsers";

    /// <summary>Create, change and archive KPI definitions, programmes and task fields (Beheerder, Beleidsadviseur).</summary>
    public const string ManageDefinitions = "ManageDefinitions";

    /// <summary>Change the municipality's settings, such as the explanation thresholds of the budget (Beheerder).</summary>
    public const string ManageSettings = "ManageSettings";
    public const string Staff = "Staff";
}
