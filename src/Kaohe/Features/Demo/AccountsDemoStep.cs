using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Demo;

public sealed record DemoAccount(string UserName, string DisplayName, Role Role, string? Unit, string? City);

/// <summary>One demo account per role, all with the password <see cref="LoadDemoData.Password"/>.</summary>
public sealed class AccountsDemoStep(KaoheDbContext db, CreateUser users) : IDemoStep
{
    public static readonly DemoAccount[] Accounts =
    [
        new("admin", "省资助中心管理员", Role.ProvinceAdmin, null, null),
        new("zhengzhou", "郑州市资助中心评审员", Role.CityReviewer, null, "郑州市"),
        new("erqi", "二七区资助中心经办人", Role.CountyOperator, "410103", null),
        new("expert", "洛阳专家", Role.Expert, null, "洛阳市"),
        new("bank", "国开行河南省分行", Role.Observer, null, null),
    ];

    public int Order => 20;

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var added = new List<string>();
        foreach (var a in Accounts)
        {
            if (await db.Users.AnyAsync(u => u.UserName == a.UserName, ct)) continue;
            await users.HandleAsync(new NewUser(a.UserName, a.DisplayName, a.Role, LoadDemoData.Password, a.Unit, a.City), ct);
            added.Add(a.UserName);
        }
        return added.Count == 0 ? null : "账户 " + string.Join("、", added);
    }
}
