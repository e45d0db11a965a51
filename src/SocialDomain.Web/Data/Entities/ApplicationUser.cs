using Microsoft.AspNetCore.Identity;

namespace SocialDomain.Web.Data.Entities;

/// <summary>An account (ASP.NET Core Identity) with the name shown in histories and the audit log.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
}
