using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Import;

/// <summary>The real forms of /beheer/import: upload (with the antiforgery token of the page), then confirm or cancel the preview.</summary>
public static partial class ImportPage
{
    public const string Path = "/beheer/import";

    /// <summary>A signed-in client of a new Controller account "controller".</summary>
    public static async Task<HttpClient> ControllerAsync(DashboardFactory factory)
    {
        await Accounts.CreateAsync(factory, "controller", SocialDomain.Web.Security.Roles.Controller);
        var client = Accounts.Client(factory);
        await Accounts.LoginAsync(client, "controller");
        return client;
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string content) =>
        UploadAsync(client, [(fileName, Encoding.UTF8.GetBytes(content))]);

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<(string Name, byte[] Content)> files)
    {
        var token = await Accounts.AntiforgeryTokenAsync(client, Path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "Files", name);
        }

        return await client.PostAsync(new Uri(Path, UriKind.Relative), form);
    }

    /// <summary>Presses "Bevestigen" (or "Annuleren") on the preview page <paramref name="previewHtml"/>.</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, string previewHtml, string handler = "Bevestigen")
    {
        var form = Regex.Match(previewHtml, "<section aria-labelledby=\"voorbeeld\"[\\s\\S]*?</section>").Value;
        var concept = Regex.Match(form, "name=\"concept\" value=\"([^\"]+)\"").Groups[1].Value;
        var token = WebUtility.HtmlDecode(Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        concept.Should().NotBeEmpty("the preview offers a confirmation");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["concept"] = concept,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri($"{Path}?handler={handler}", UriKind.Relative), content);
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
