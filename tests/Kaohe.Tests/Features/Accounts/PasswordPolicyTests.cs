using System.Net;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Kaohe.Features.Demo;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Accounts;

/// <summary>Issue 23: new and reset passwords are long enough, not the user name, not common; the demo's only in a demo.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly DemoMode Demo = new(true), Production = new(false);

    [Theory]
    [InlineData("short1", AccountTexts.PasswordTooWeak)]
    [InlineData("onlyletters", AccountTexts.PasswordTooWeak)]
    [InlineData("12345678", AccountTexts.PasswordTooWeak)]
    [InlineData("zhang3feng-2026", AccountTexts.PasswordHasUserName)]   // the user name inside
    [InlineData("ZHANG3FENG", AccountTexts.PasswordHasUserName)]        // in any case
    [InlineData("password1", AccountTexts.PasswordTooCommon)]
    [InlineData("Woaini1314", AccountTexts.PasswordTooCommon)]
    [InlineData("1qaz2wsx", AccountTexts.PasswordTooCommon)]
    [InlineData("Huanghe-liu-7", null)]
    public void NewPasswords_FollowThePolicy_InChinese(string password, string? problem) =>
        Assert.Equal(problem, Passwords.PolicyProblem(password, "zhang3feng", Production));

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, AccountTexts.DemoPasswordOutsideDemo)]
    public void TheDemoPassword_IsAcceptedOnlyInDemoMode(bool demo, string? problem) =>
        Assert.Equal(problem, Passwords.PolicyProblem(Passwords.Demo, "someone", demo ? Demo : Production));

    [Fact]
    public void DemoMode_IsTheDemoDataSetting_OnUnlessSwitchedOff()
    {
        static DemoMode Of(string? value) => DemoMode.From(new ConfigurationBuilder()
            .AddInMemoryCollection(value is null ? [] : [new("Kaohe:DemoData", value)]).Build());
        Assert.Equal((true, true, false), (Of(null).IsOn, Of("true").IsOn, Of("false").IsOn));
    }

    /// <summary>A database that began as a demo and is now run with Kaohe:DemoData=false: the demo accounts' published password no longer opens them.</summary>
    [Fact]
    public async Task OutsideDemoMode_TheDemoPassword_NeitherSignsIn_NorIsAccepted()
    {
        using var app = new KaoheApp { Settings = new Dictionary<string, string> { ["Kaohe:DemoData"] = "false" } };
        var client = app.Client();

        var api = await SignInRequests.ApiAsync(client, "admin", LoadDemoData.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var page = await SignInRequests.PageAsync(client, "admin", LoadDemoData.Password);
        Assert.Equal(AccountTexts.BadCredentials, SignInRequests.AlertOf(await page.Content.ReadAsStringAsync()));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<KaoheDbContext>();
        Assert.Equal(AccountTexts.CauseDemoPassword, (await db.AuditEntries.OrderBy(e => e.Id).LastAsync(e => e.Actor == "admin")).Reason);
        var create = await Assert.ThrowsAsync<KaoheException>(() =>
            scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new NewUser("newone", "新人", Role.Observer, LoadDemoData.Password)));
        Assert.Equal(AccountTexts.DemoPasswordOutsideDemo, create.Title);
        var reset = await Assert.ThrowsAsync<KaoheException>(() => scope.ServiceProvider.GetRequiredService<ResetPassword>().HandleAsync("bank", LoadDemoData.Password));
        Assert.Equal(AccountTexts.DemoPasswordOutsideDemo, reset.Title);
        var common = await Assert.ThrowsAsync<KaoheException>(() => scope.ServiceProvider.GetRequiredService<ResetPassword>().HandleAsync("bank", "Password1"));
        Assert.Equal((ErrorKind.Invalid, AccountTexts.PasswordTooCommon), (common.Kind, common.Title));

        await scope.ServiceProvider.GetRequiredService<ResetPassword>().HandleAsync("bank", "Huanghe-liu-7");
        Assert.Equal(HttpStatusCode.NoContent, (await SignInRequests.ApiAsync(client, "bank", "Huanghe-liu-7")).StatusCode);
    }
}
