using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SocialDomain.Web.Dashboard;

/// <summary>
/// Notes that the page draws a chart (<c>&lt;canvas data-chart&gt;</c>), so the layout loads Chart.js (210 KB) only on
/// pages that have one (issue 18 item 9). The body is rendered before the layout, so the layout sees the note; it is kept
/// on the request rather than in ViewData so a chart inside a partial counts too.
/// </summary>
[HtmlTargetElement("canvas", Attributes = "data-chart")]
public sealed class ChartCanvasTagHelper : TagHelper
{
    private const string Key = "SocialDomain.HasChart";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Whether a chart canvas was rendered in this request.</summary>
    public static bool PageHasChart(ViewContext context) => context.HttpContext.Items.ContainsKey(Key);

    public override void Process(TagHelperContext context, TagHelperOutput output) => ViewContext.HttpContext.Items[Key] = true;
}
