using System.Net;
using System.Net.Http.Json;
using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Kaohe.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Accounts;

/// <summary>The app at the production limits, its requests from the proxy on this host, which names the client in X-Forwarded-For.</summary>
public sealed class ThrottledApp : IDisposable
{
    public KaoheApp App { get; } = new()
    {
        RemoteAddress = IPAddress.Loopback,
        Settings = new Dictionary<string, string>
        {
            ["Kaohe:SignIn:AttemptsPerAddressPerMinute"] = "20", ["Kaohe:SignIn:FailuresPerAddressAndUser"] = "5",
            ["Kaohe:SignIn:FailureWindow"] = "00:15:00", ["Kaohe:SignIn:AddressesThatLock"] = "5",
        },
    };

    public void Dispose() => App.Dispose();
}

/// <summary>
/// Issue 23: one address cannot lock an official out. Its failures hold it off that name (429), not the account; the
/// account locks only on failures from five addresses. Each test uses addresses of its own.
/// </summary>
public sealed class SignInThrottleTests(ThrottledApp fixture) : IClassFixture<ThrottledApp>
{
    private readonly KaoheApp _app = fixture.App;

    private async Task<string> NewUserAsync(string password)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = _app.Scope();
        await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new NewUser(name, "测试", Role.Observer, password));
        return name;
    }

    private async Task<UserAccount> UserAsync(string name)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().Users.AsNoTracking().SingleAsync(u => u.UserName == name);
    }

    [Theory]
    [InlineData("198.51.100.11", "198.51.100.12", true)]
    [InlineData("198.51.100.21", "198.51.100.22", false)]   // a name that does not exist is held off alike
    public async Task FiveFailuresFromOneAddress_HoldItOffTheName_NotTheOfficialAtAnotherAddress(string attacker, string official, bool exists)
    {
        var name = exists ? await NewUserAsync("right-pass-1") : "nobody-" + Guid.NewGuid().ToString("N")[..6];
        var client = _app.Client();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInRequests.ApiAsync(client, name, "wrong-pass-" + i, from: attacker)).StatusCode);

        var held = await SignInRequests.ApiAsync(client, name, "right-pass-1", from: attacker);
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.True(held.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.Equal("application/problem+json", held.Content.Headers.ContentType?.MediaType);
        var problem = await held.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(AccountTexts.TooManyAttempts, problem!.Title);
        Assert.Contains("分钟后再试", problem.Detail, StringComparison.Ordinal);
        if (!exists) return;

        Assert.Equal(HttpStatusCode.NoContent, (await SignInRequests.ApiAsync(_app.Client(), name, "right-pass-1", from: official)).StatusCode);
        Assert.Null((await UserAsync(name)).LockedUntilUtc);
    }

    [Fact]
    public async Task TheLoginPage_HeldOff_SaysSoInChinese_WithRetryAfter()
    {
        var name = await NewUserAsync("right-pass-1");
        var client = _app.Client();
        for (var i = 0; i < 5; i++) await SignInRequests.PageAsync(client, name, "wrong-pass-" + i, from: "198.51.100.31");

        var held = await SignInRequests.PageAsync(client, name, "right-pass-1", from: "198.51.100.31");
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.True(held.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.StartsWith(AccountTexts.TooManyAttempts + "，请于 ", SignInRequests.AlertOf(await held.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailuresFromFiveAddresses_LockTheAccount_WhichOnlyTheAdministratorIsShown()
    {
        var name = await NewUserAsync("right-pass-1");
        var client = _app.Client();
        for (var i = 1; i <= 4; i++) await SignInRequests.ApiAsync(client, name, "wrong-pass-1", from: $"203.0.113.{i}");
        Assert.Null((await UserAsync(name)).LockedUntilUtc);
        await SignInRequests.ApiAsync(client, name, "wrong-pass-1", from: "203.0.113.5");
        var until = (await UserAsync(name)).LockedUntilUtc;
        Assert.NotNull(until);

        var locked = await SignInRequests.ApiAsync(client, name, "right-pass-1", from: "203.0.113.6");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(AccountTexts.BadCredentials, (await locked.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var admin = await _app.SignedInAsync("admin");
        Assert.Contains($"已锁定（至 {BeijingClock.Format(until.Value)}）", await admin.GetStringAsync("/Users"), StringComparison.Ordinal);
        await using var scope = _app.Scope();
        var causes = await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().AuditEntries
            .Where(e => e.Actor == name && e.Action == "登录失败").OrderBy(e => e.Id).Select(e => e.Reason).ToListAsync();
        Assert.Equal(AccountTexts.CauseLockedNow(5, until.Value), causes[4]);
        Assert.Equal(AccountTexts.CauseLocked(until.Value), causes[5]);
    }

    [Fact]
    public async Task ALockedAccount_SignsInAgain_OnceTheLockHasEnded()
    {
        var clock = new TestClock(new DateTime(2026, 3, 2, 7, 27, 0));
        using var app = new KaoheApp { Clock = clock, RemoteAddress = IPAddress.Loopback };
        var client = app.Client();
        for (var i = 1; i <= 5; i++) await SignInRequests.ApiAsync(client, "erqi", "wrong-pass-1", from: $"203.0.113.{20 + i}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInRequests.ApiAsync(client, "erqi", Passwords.Demo, from: "203.0.113.30")).StatusCode);

        clock.Set(new DateTime(2026, 3, 2, 7, 42, 0));
        Assert.Equal(HttpStatusCode.NoContent, (await SignInRequests.ApiAsync(client, "erqi", Passwords.Demo, from: "203.0.113.30")).StatusCode);
    }

    [Fact]
    public async Task TooManyAttemptsFromOneAddress_Are429_ProblemJsonOnTheApi_AChinesePageOnTheSite()
    {
        var client = _app.Client();
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInRequests.ApiAsync(client, $"nobody-{i}", "wrong-pass-1", from: "198.51.100.41")).StatusCode);

        var api = await SignInRequests.ApiAsync(client, "someone-else", "wrong-pass-1", from: "198.51.100.41");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.Equal(ErrorTexts.TooManyRequests, (await api.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);

        var page = await SignInRequests.PageAsync(client, "someone-else", "wrong-pass-1", from: "198.51.100.41");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.Contains("登录尝试过于频繁，请于 1 分钟后再试。", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another address is not affected.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInRequests.ApiAsync(client, "someone-else", "wrong-pass-1", from: "198.51.100.42")).StatusCode);
    }

    [Fact]
    public async Task EverySignIn_IsAudited_WithTheClientsAddressAndUserAgent()
    {
        var name = await NewUserAsync("right-pass-1");
        var client = _app.Client();
        await SignInRequests.ApiAsync(client, name, "wrong-pass-1", from: "198.51.100.51", agent: "Mozilla/5.0 (测试浏览器)");
        await SignInRequests.ApiAsync(client, name, "right-pass-1", from: "198.51.100.52", agent: "curl/8.5.0");

        await using var scope = _app.Scope();
        var entries = await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().AuditEntries
            .Where(e => e.Actor == name && (e.Action == "登录" || e.Action == "登录失败")).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["登录失败", "登录"], entries.Select(e => e.Action));
        Assert.Equal(("198.51.100.51", "Mozilla/5.0 (测试浏览器)"), SignIn.ClientOf(entries[0]));
        Assert.Equal(("198.51.100.52", "curl/8.5.0"), SignIn.ClientOf(entries[1]));
    }

    [Fact]
    public async Task TheAdministrator_SeesRecentFailuresByAddress()
    {
        var client = _app.Client();
        foreach (var name in new[] { "guess-a", "guess-a", "guess-b" }) await SignInRequests.ApiAsync(client, name, "wrong-pass-1", from: "198.51.100.61");

        var admin = await _app.SignedInAsync("admin");
        var page = await admin.GetStringAsync("/Users/SignInFailures");
        Assert.Matches(@"<td>198\.51\.100\.61</td><td>3</td>\s*<td><span translate=""no"">guess-a、guess-b</span></td>", page);
        Assert.Contains(AccountTexts.CauseUnknownUser, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await (await _app.SignedInAsync("bank")).GetAsync("/Users/SignInFailures")).StatusCode);
    }
}
