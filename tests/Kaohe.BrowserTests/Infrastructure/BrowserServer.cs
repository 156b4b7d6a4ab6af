using Kaohe.Data;
using Kaohe.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kaohe.BrowserTests.Infrastructure;

/// <summary>
/// The real web app on a real socket (Kestrel on a free loopback port) with demo data, and Debian's
/// Chromium driven by Playwright. Never a downloaded browser: the machine's /usr/bin/chromium.
/// </summary>
public sealed class BrowserServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Directory.CreateTempSubdirectory("kaohe-browser-").FullName;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public BrowserServer() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(DatabaseTarget.EnvironmentVariable, Path.Combine(_folder, "kaohe.db"));
        builder.UseEnvironment("Testing");
        // Every test signs in from 127.0.0.1; the sign-in limits are tested in Kaohe.Tests (SignInThrottleTests).
        builder.UseSetting("Kaohe:SignIn:AttemptsPerAddressPerMinute", "100000");
        builder.UseSetting("Kaohe:SignIn:FailuresPerAddressAndUser", "100000");
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            // CI installs Chromium; on a developer machine without it the browser tests say so instead of failing.
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"{Chromium} 不存在：.ci/run 应已安装 chromium");
            Assert.Skip($"{Chromium} 不存在：浏览器测试跳过（apt-get install chromium）");
        }
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) signed in as a demo account through the login form.</summary>
    public async Task<IPage> SignInAsync(string userName, string password = LoadDemoData.Password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await PageLoads.ClickAndWaitAsync(page, "button[type=submit]");
        Assert.False(page.Url.Contains("/Account/Login", StringComparison.Ordinal), $"{userName} 未能登录：仍在 {page.Url}");
        return page;
    }

    /// <summary>With KAOHE_SCREENSHOTS=DIR set, saves what the page shows (for docs/ and for looking at the UI).</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("KAOHE_SCREENSHOTS") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = false });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserServer>
{
    public const string Name = "browser";
}
