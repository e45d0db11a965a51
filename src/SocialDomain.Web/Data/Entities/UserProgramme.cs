namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// A policy advisor assigned to a programme: he or she enters figures for the KPIs of the assigned programmes only. An
/// advisor without any assignment enters for every KPI.
/// </summary>
public class UserProgramme
{
    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public required string ProgrammeCode { get; set; }

    public Programme? Programme { get; set; }
}
