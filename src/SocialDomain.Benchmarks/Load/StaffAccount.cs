using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SocialDomain.Benchmarks.Load;

/// <summary>
/// The administrator the app creates from <c>Bootstrap__AdminUser</c>/<c>Bootstrap__AdminPassword</c> at start-up in one
/// benchmark database, signed in through the real login pages to measure pages as staff get them: never from the output
/// cache, with live figures. Beheerders must use a second factor (issue 16: without one every request outside /account
/// is redirected to <c>/account/tweestapsverificatie</c>, which wrk would count as a success), so the first login sets up
/// the authenticator on that page with a code computed here (TOTP, RFC 6238) and later logins answer the code step.
/// One instance per database: the authenticator key lives in that database.
/// </summary>
public sealed partial class StaffAccount
{
    public const string UserName = "benchmark-beheerder";

    /// <summary>The session cookie's name (<c>SecurityExtensions</c> in the app); chunks are called sd.sessieC1, C2, ….</summary>
    private const string SessionCookie = "sd.sessie";

    private const string SecondFactorPath = "account/tweestapsverificatie";

    /// <summary>What every page shows a signed-in user (the logout button in the layout).</summary>
    public const string SignedInMarker = "Uitloggen";

    private long _lastTimeStep;

    /// <summary>A fresh random password (the cluster is thrown away afterwards); the same for every database of a run.</summary>
    public StaffAccount(string password) => Password = password;

    public string Password { get; }

    /// <summary>The authenticator key (Base32) once the second factor is set up.</summary>
    public string? AuthenticatorKey { get; private set; }

    public static string NewPassword() => "bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Logs in through the real login pages (with the second factor) and returns the session cookie as a request header
    /// for wrk, after checking that the overview answers 200 to it (not a redirect).
    /// </summary>
    public async Task<string> LogInAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using (var response = await PostFormAsync(client, "account/inloggen", new Dictionary<string, string>
        {
            ["Input.UserName"] = UserName,
            ["Input.Password"] = Password,
            ["ReturnUrl"] = "/",
        }, cancellationToken))
        {
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Logging in as {UserName} failed (status {(int)response.StatusCode}).");
            }

            if (location != "/")
            {
                // Not straight to the return URL: the second login step (the code page) asks for the authenticator's code.
                await SecondStepAsync(client, location.TrimStart('/'), cancellationToken);
            }
        }

        // A Beheerder without a second factor is sent to set one up.
        using (var overview = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken))
        {
            if (overview.StatusCode == HttpStatusCode.Redirect && overview.Headers.Location?.OriginalString.Contains(SecondFactorPath, StringComparison.Ordinal) == true)
            {
                await SetUpSecondFactorAsync(client, cancellationToken);
            }
        }

        using (var check = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken))
        {
            var body = await check.Content.ReadAsStringAsync(cancellationToken);
            if (check.StatusCode != HttpStatusCode.OK || !body.Contains(SignedInMarker, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"After logging in as {UserName}, / answered {(int)check.StatusCode} {check.Headers.Location} without '{SignedInMarker}' (not signed in).");
            }
        }

        var session = cookies.GetCookies(baseAddress).Where(c => c.Name.StartsWith(SessionCookie, StringComparison.Ordinal)).ToList();
        return session.Count > 0
            ? "Cookie: " + string.Join("; ", session.Select(c => $"{c.Name}={c.Value}"))
            : throw new InvalidOperationException($"Logging in as {UserName} gave no {SessionCookie} cookie.");
    }

    /// <summary>The 6-digit TOTP code (RFC 6238: HMAC-SHA1, 30-second steps) of <paramref name="base32Key"/> at <paramref name="timeStep"/>.</summary>
    public static string TotpCode(string base32Key, long timeStep)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 Base32 (the authenticator key), ignoring case, spaces and padding.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=' or '-')
            {
                continue;
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }

    private async Task SecondStepAsync(HttpClient client, string codePage, CancellationToken cancellationToken)
    {
        var key = AuthenticatorKey ?? throw new InvalidOperationException($"{UserName} has a second factor set up by an earlier run; its key is unknown.");
        using var response = await PostFormAsync(client, codePage, new Dictionary<string, string>
        {
            ["Code"] = await NextCodeAsync(key, cancellationToken),
            ["ReturnUrl"] = "/",
        }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException(
                $"The second login step of {UserName} on /{codePage} failed (status {(int)response.StatusCode} {response.Headers.Location}).");
        }
    }

    private async Task SetUpSecondFactorAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var page = await client.GetStringAsync(new Uri(SecondFactorPath, UriKind.Relative), cancellationToken);
        var key = SharedKey().Match(page);
        if (!key.Success)
        {
            throw new InvalidOperationException($"No authenticator key on /{SecondFactorPath}.");
        }

        var base32 = key.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        using var response = await PostFormAsync(client, SecondFactorPath + "?handler=Enable", new Dictionary<string, string>
        {
            ["Code"] = await NextCodeAsync(base32, cancellationToken),
        }, cancellationToken, page);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Setting up the second factor of {UserName} failed (status {(int)response.StatusCode}).");
        }

        AuthenticatorKey = base32;
    }

    /// <summary>The current code; never the same time step twice (a code may be accepted only once).</summary>
    private async Task<string> NextCodeAsync(string key, CancellationToken cancellationToken)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        while (step <= _lastTimeStep)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        }

        _lastTimeStep = step;
        return TotpCode(key, step);
    }

    /// <summary>GETs the form page (unless given) for its antiforgery token and posts <paramref name="fields"/> with it.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string path, Dictionary<string, string> fields, CancellationToken cancellationToken, string? formPage = null)
    {
        formPage ??= await client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var token = AntiforgeryToken().Match(formPage);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on /{path}.");
        }

        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<code class=\"shared-key\">([a-zA-Z2-7 ]+)</code>")]
    private static partial Regex SharedKey();
}
