using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Accounts;

public sealed record NewUser(string UserName, string DisplayName, Role Role, string Password, string? Unit = null, string? City = null);

/// <summary>Adds accounts and resets passwords; a unit is named by name, alias or code, a city by its group name.</summary>
public sealed class ManageUsers(KaoheDbContext db)
{
    public async Task<UserAccount> AddAsync(NewUser n, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(n.UserName)) throw new ArgumentException(AccountTexts.UserNameRequired);
        if (string.IsNullOrWhiteSpace(n.DisplayName)) throw new ArgumentException(AccountTexts.DisplayNameRequired);
        if (Passwords.PolicyProblem(n.Password) is { } weak) throw new ArgumentException(weak);
        if (await db.Users.AnyAsync(u => u.UserName == n.UserName.Trim(), ct)) throw new ArgumentException(AccountTexts.UserNameTaken(n.UserName));

        var user = new UserAccount { UserName = n.UserName.Trim(), DisplayName = n.DisplayName.Trim(), Role = n.Role };
        if (!string.IsNullOrWhiteSpace(n.Unit)) user.UnitId = (await FindUnitAsync(n.Unit, ct)).Id;
        if (!string.IsNullOrWhiteSpace(n.City))
            user.CityGroupId = (await db.CityGroups.FirstOrDefaultAsync(g => g.Name == n.City.Trim(), ct)
                ?? throw new ArgumentException(AccountTexts.UnknownCity(n.City))).Id;
        if (user.BindingProblem() is { } problem) throw new ArgumentException(problem);
        user.PasswordHash = Passwords.Hash(user, n.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async Task ResetPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        if (Passwords.PolicyProblem(password) is { } weak) throw new ArgumentException(weak);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct) ?? throw new ArgumentException(AccountTexts.UnknownUser);
        user.PasswordHash = Passwords.Hash(user, password);
        user.RecordSuccessfulSignIn();
        await db.SaveChangesAsync(ct);
    }

    public Task<List<UserAccount>> ListAsync(CancellationToken ct = default) =>
        db.Users.AsNoTracking().Include(u => u.Unit).Include(u => u.CityGroup).OrderBy(u => u.Role).ThenBy(u => u.UserName).ToListAsync(ct);

    /// <summary>Finds a unit by code, official name, published name or alias; ambiguity is an error that lists the candidates.</summary>
    public async Task<Unit> FindUnitAsync(string text, CancellationToken ct)
    {
        var t = text.Trim();
        var matches = await db.Units.Include(u => u.CityGroup)
            .Where(u => u.DivisionCode == t || u.Name == t || u.PublishedName == t || u.Aliases.Any(a => a.Name == t)).ToListAsync(ct);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException(AccountTexts.UnknownUnit(t)),
            _ => throw new ArgumentException(AccountTexts.AmbiguousUnit(t, matches.Select(m => $"{m.CityGroup.Name}{m.Name}({m.DivisionCode ?? "无代码"})"))),
        };
    }
}
