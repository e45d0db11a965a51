namespace SocialDomain.Web.Security;

public static class RequestOrigin
{
    /// <summary>The origin for the audit log: the client's IP address, or "onbekend" when the server has none.</summary>
    public static string Origin(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
}
