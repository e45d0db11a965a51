using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SocialDomain.Benchmarks.Load;

/// <summary>
/// A signed-in staff member (the administrator the app creates from <c>Bootstrap__AdminUser</c>/<c>Bootstrap__AdminPassword</c>
/// at start-up), to measure the pages as staff get them: never from the output cache, with live figures.
/// </summary>
public static partial class StaffSession
{
    public const string UserName = "benchmark-beheerder";

    /// <summary>A fresh random password for this run (the cluster is thrown away afterwards).</summary>
    public static string NewPassword() => "bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Logs in through the real login page and returns the session cookie as a request header for wrk.</summary>
    public static async Task<string> LogInAsync(Uri baseAddress, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var form = await client.GetStringAsync(new Uri("account/inloggen", UriKind.Relative), cancellationToken);
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("No antiforgery token on the login page.");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = UserName,
            ["Input.Password"] = password,
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync(new Uri("account/inloggen", UriKind.Relative), content, cancellationToken);
        var session = cookies.GetCookies(baseAddress).FirstOrDefault(c => c.Name == "sd.sessie");
        if (response.StatusCode != HttpStatusCode.Redirect || session is null)
        {
            throw new InvalidOperationException($"Logging in as {UserName} failed (status {(int)response.StatusCode}).");
        }

        return $"Cookie: {session.Name}={session.Value}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
