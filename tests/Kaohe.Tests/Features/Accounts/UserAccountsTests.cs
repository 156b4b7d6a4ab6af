using Kaohe.Common.Errors;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Kaohe.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Accounts;

/// <summary>Adding accounts, resetting passwords and listing them, each its own use case, refusing by the error contract.</summary>
public sealed class UserAccountsTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private static string NewName() => "u" + Guid.NewGuid().ToString("N")[..8];

    private async Task<T> RunAsync<THandler, T>(Func<THandler, Task<T>> action) where THandler : notnull
    {
        await using var scope = app.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    [Fact]
    public async Task Create_ACountyOperator_BindsTheUnitNamedByItsCode_AndListsIt()
    {
        var name = NewName();
        var user = await RunAsync<CreateUser, UserAccount>(h => h.HandleAsync(new NewUser(name, "经办人", Role.CountyOperator, "pass-word-1", Unit: "410425")));
        var listed = Assert.Single(await RunAsync<ListUsers, IReadOnlyList<UserAccount>>(h => h.HandleAsync()), u => u.UserName == name);
        Assert.Equal(user.UnitId, listed.UnitId);
        Assert.Equal("郏县", listed.Unit!.Name);
    }

    [Fact]
    public async Task Create_WithATakenName_IsInvalid_SayingSo()
    {
        var name = NewName();
        await RunAsync<CreateUser, UserAccount>(h => h.HandleAsync(new NewUser(name, "甲", Role.Observer, "pass-word-1")));
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => RunAsync<CreateUser, UserAccount>(h => h.HandleAsync(new NewUser(name, "乙", Role.Observer, "pass-word-1"))));
        Assert.Equal((ErrorKind.Invalid, $"用户名“{name}”已存在"), (refusal.Kind, refusal.Title));
    }

    [Theory]
    [InlineData("不存在的县", "找不到单位“不存在的县”")]
    [InlineData(null, "县资助中心经办人必须指定所属单位")]
    public async Task Create_ACountyOperator_WithoutAUnitItCanFind_IsInvalid(string? unit, string message)
    {
        var refusal = await Assert.ThrowsAsync<KaoheException>(() =>
            RunAsync<CreateUser, UserAccount>(h => h.HandleAsync(new NewUser(NewName(), "经办人", Role.CountyOperator, "pass-word-1", unit))));
        Assert.Equal(ErrorKind.Invalid, refusal.Kind);
        Assert.StartsWith(message, refusal.Title);
    }

    [Fact]
    public async Task ResetPassword_OfAnUnknownAccount_IsNotFound()
    {
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => RunAsync<ResetPassword, bool>(async h => { await h.HandleAsync(NewName(), "pass-word-1"); return true; }));
        Assert.Equal((ErrorKind.NotFound, "用户不存在"), (refusal.Kind, refusal.Title));
    }

    [Fact]
    public async Task ResetPassword_ToAWeakOne_IsInvalid()
    {
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => RunAsync<ResetPassword, bool>(async h => { await h.HandleAsync("admin", "short"); return true; }));
        Assert.Equal((ErrorKind.Invalid, "密码至少 8 位，且须同时包含字母和数字"), (refusal.Kind, refusal.Title));
    }
}
