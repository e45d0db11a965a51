namespace SocialDomain.Web.Formatting;

/// <summary>
/// The confirmation after a save (issue 18 item 7): the page model puts it in TempData under <see cref="Key"/> before its
/// redirect; the page the redirect lands on shows it once with role="status" (partial <c>_StatusMessage</c>).
/// </summary>
public static class StatusMessage
{
    public const string Key = "Melding";
}
