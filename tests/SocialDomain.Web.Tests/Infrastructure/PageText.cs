using System.Text.RegularExpressions;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>What a reader reads of a page: the text of its main element, tags removed and white space collapsed.</summary>
public static partial class PageText
{
    public static string OfMain(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        var main = start >= 0 && end > start ? html[start..end] : html;
        return Spaces().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(main, " ")), " ");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Spaces();
}
