using Microsoft.Playwright;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>
/// Saves full-page screenshots at desktop and phone width to TestResults/screenshots (git-ignored),
/// so a person can look at what the tests saw.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(LibManTests.RepositoryRoot(), "TestResults", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var original = page.ViewportSize;
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + "-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + "-phone.png"), FullPage = true });
        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }
}
