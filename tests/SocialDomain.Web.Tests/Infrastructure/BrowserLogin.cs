using Microsoft.Playwright;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>A staff user created and logged in through the real login form, in a browser context of the given size.</summary>
public static class BrowserLogin
{
    /// <summary>Creates <paramref name="userName"/> with <paramref name="role"/>, opens a context of that size and logs in; dispose the context.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> AsAsync(IBrowser browser, ServedDashboard app, string userName, string role, int width, int height)
    {
        await Accounts.CreateAsync(app.Factory, userName, role);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/account/inloggen"));
        await page.GetByLabel("Gebruikersnaam").FillAsync(userName);
        await page.GetByLabel("Wachtwoord").FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        return (context, page);
    }
}
