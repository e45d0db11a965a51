using Microsoft.Playwright;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>A staff user created and logged in through the real login form, in a browser context of the given size.</summary>
public static class BrowserLogin
{
    /// <summary>
    /// Creates <paramref name="userName"/> with <paramref name="role"/>, opens a context of that size and logs in; dispose the
    /// context. A Beheerder also answers the second step with the authenticator code (<paramref name="onSecondStep"/> runs
    /// on that page first).
    /// </summary>
    public static async Task<(IBrowserContext Context, IPage Page)> AsAsync(
        IBrowser browser, ServedDashboard app, string userName, string role, int width, int height, Func<IPage, Task>? onSecondStep = null)
    {
        await Accounts.CreateAsync(app.Factory, userName, role);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/account/inloggen"));
        await page.GetByLabel("Gebruikersnaam").FillAsync(userName);
        await page.GetByLabel("Wachtwoord").FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await LeftAsync(page, "/account/inloggen");
        if (page.Url.Contains("/account/inloggen/code", StringComparison.Ordinal) && Accounts.AuthenticatorKey(userName) is { } key)
        {
            if (onSecondStep is not null)
            {
                await onSecondStep(page);
            }

            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Accounts.TotpCode(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await LeftAsync(page, "/account/inloggen/code");
        }

        return (context, page);
    }

    /// <summary>Waits until the form's post has led away from <paramref name="path"/> (a slow machine may still be posting).</summary>
    private static Task LeftAsync(IPage page, string path) =>
        page.WaitForURLAsync(url => new Uri(url).AbsolutePath != path);
}
