using System.Net;
using Microsoft.AspNetCore.Html;
using SocialDomain.Core.Calculations;

namespace SocialDomain.Web.Formatting;

/// <summary>The budget pages' shared bits of HTML (/begroting, /projecten, /reserves).</summary>
public static class BudgetHtml
{
    /// <summary>A check between stated and recomputed amounts: icon plus the Core message ("klopt: …", "wijkt af: …"), never colour alone.</summary>
    public static IHtmlContent Check(AggregateCheck check)
    {
        var (icon, css) = check.IsConsistent switch
        {
            true => ("✔", "status-on-track"),
            false => ("✖", "status-off-track"),
            _ => ("–", "status-none"),
        };
        return new HtmlString($"<span class=\"budget-check {css}\"><span aria-hidden=\"true\">{icon}</span> {WebUtility.HtmlEncode(check.Message)}</span>");
    }
}
