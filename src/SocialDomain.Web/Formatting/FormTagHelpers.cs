using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SocialDomain.Web.Formatting;

/// <summary>What the form tag helpers below share: they run after MVC's own (Order −1000, which set id and name) and read the model state.</summary>
public abstract class FormTagHelper : TagHelper
{
    public override int Order => 100;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    protected string FullName(ModelExpression field) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);

    /// <summary>The model state of a field with errors; null when it has none.</summary>
    protected ModelStateEntry? Invalid(string name) => ViewContext.ViewData.ModelState[name] is { Errors.Count: > 0 } entry ? entry : null;
}

/// <summary>
/// Accessible form errors (issue 18 item 7), applied to every <c>input</c>, <c>select</c> and <c>textarea</c> with
/// <c>asp-for</c>: a field with an error gets <c>aria-invalid="true"</c>, its message right after it in an element with id
/// "{field id}-fout", and <c>aria-describedby</c> pointing to that message. The field's <c>asp-validation-for</c> span then
/// stays empty (<see cref="FieldMessageTagHelper"/>), so a message is never shown twice.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
public sealed class FieldErrorTagHelper : FormTagHelper
{
    public const string ForAttribute = "asp-for";

    /// <summary>The id suffix of a field's message.</summary>
    public const string MessageSuffix = "-fout";

    private const string ShownKey = "FieldErrorTagHelper.Shown";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FullName(For);
        var type = output.Attributes["type"]?.Value?.ToString();
        if (type == "hidden" || Invalid(name) is not { } entry)
        {
            return;
        }

        var id = output.Attributes["id"]?.Value?.ToString() ?? TagBuilder.CreateSanitizedId(name, "_");
        var messageId = id + MessageSuffix;
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", AddToken(output.Attributes["aria-describedby"]?.Value?.ToString(), messageId));

        // One message per field: a group of radio buttons or check boxes keeps its asp-validation-for span.
        if (type is "radio" or "checkbox")
        {
            return;
        }

        Shown(ViewContext).Add(name);
        var message = new TagBuilder("span");
        message.AddCssClass("field-error");
        message.Attributes["id"] = messageId;
        message.InnerHtml.Append(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
        output.PostElement.AppendHtml(message);
    }

    /// <summary>The fields whose message this helper has rendered in this view.</summary>
    internal static HashSet<string> Shown(ViewContext viewContext)
    {
        if (viewContext.HttpContext.Items[ShownKey] is not HashSet<string> shown)
        {
            shown = new HashSet<string>(StringComparer.Ordinal);
            viewContext.HttpContext.Items[ShownKey] = shown;
        }

        return shown;
    }

    private static string AddToken(string? list, string token)
    {
        var tokens = (list ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!tokens.Contains(token, StringComparer.Ordinal))
        {
            tokens.Add(token);
        }

        return string.Join(' ', tokens);
    }
}

/// <summary>
/// An <c>asp-validation-for</c> span: left out when its field's message is already next to the field
/// (<see cref="FieldErrorTagHelper"/>) or when there is nothing to say; otherwise given the id "{field id}-fout" that the
/// field's <c>aria-describedby</c> names.
/// </summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldMessageTagHelper : FormTagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FullName(For);
        if (FieldErrorTagHelper.Shown(ViewContext).Contains(name) || Invalid(name) is null)
        {
            output.SuppressOutput();
            return;
        }

        if (!output.Attributes.ContainsName("id"))
        {
            output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(name, "_") + FieldErrorTagHelper.MessageSuffix);
        }
    }
}

/// <summary>
/// A validation summary with nothing to show is left out entirely (issue 18: MVC's empty summary has a hidden list item
/// whose inline style the CSP blocks, which showed as a stray red bullet on every form).
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class EmptySummaryTagHelper : FormTagHelper
{
    [HtmlAttributeName("asp-validation-summary")]
    public ValidationSummary Summary { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        var shown = Summary switch
        {
            ValidationSummary.All => state.ErrorCount > 0,
            ValidationSummary.ModelOnly => state.TryGetValue(string.Empty, out var model) && model.Errors.Count > 0,
            _ => false,
        };
        if (!shown)
        {
            output.SuppressOutput();
        }
    }
}
