using System.Text.Json;
using Microsoft.Playwright;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (committed under Assets/, from the npm package axe-core 4.11.0, MPL-2.0) in the page
/// and returns the serious and critical violations, each as "rule-id: target selectors".
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Assets", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's Content Security Policy (no inline
        // scripts) stays in force for the page itself.
        await page.EvaluateAsync("() => { " + AxeSource.Value + "\n}");
        await page.EvaluateAsync("() => { if (!window.axe && typeof axe !== 'undefined') { window.axe = axe; } }");
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')));
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }
}
