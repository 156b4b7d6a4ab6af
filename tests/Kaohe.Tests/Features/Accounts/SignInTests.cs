using System.Net;
using System.Net.Http.Json;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Kaohe.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Accounts;

public sealed class SignInTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private async Task<string> NewUserAsync(string password)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new NewUser(name, "测试", Role.Observer, password));
        return name;
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        var user = await NewUserAsync("right-pass-1");
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/session", new { userName = user, password = "wrong-pass-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var locked = await client.PostAsJsonAsync("/api/session", new { userName = user, password = "right-pass-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("账户已锁定", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FourWrongPasswords_ThenTheRightOne_SignsIn()
    {
        var user = await NewUserAsync("right-pass-2");
        var client = app.Client();
        for (var i = 0; i < 4; i++) await client.PostAsJsonAsync("/api/session", new { userName = user, password = "nope-1234" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/session", new { userName = user, password = "right-pass-2" })).StatusCode);
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_IsRejected()
    {
        var response = await app.Client().PostAsync("/Account/Login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = "kaohe2026" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("onlyletters")]
    [InlineData("12345678")]
    public void WeakPasswords_AreRefused_InChinese(string password) =>
        Assert.Equal("密码至少 8 位，且须同时包含字母和数字", Passwords.PolicyProblem(password));

    [Fact]
    public void Lockout_LastsFifteenMinutes()
    {
        var user = new UserAccount { UserName = "x", DisplayName = "x" };
        var t0 = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < UserAccount.MaxFailedSignIns; i++) user.RecordFailedSignIn(t0);
        Assert.True(user.IsLockedOut(t0.AddMinutes(14)));
        Assert.False(user.IsLockedOut(t0.AddMinutes(15)));
    }
}
