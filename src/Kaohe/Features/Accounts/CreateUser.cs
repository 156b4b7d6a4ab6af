using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Accounts;

public sealed record NewUser(string UserName, string DisplayName, Role Role, string Password, string? Unit = null, string? City = null);

/// <summary>
/// Adds an account; a unit is named by its code, name, published name or alias, a city by its group's name.
/// Refuses (<see cref="ErrorKind.Invalid"/>) a blank or taken name, a password the policy refuses (<see cref="Passwords.PolicyProblem"/>), or a binding its role lacks.
/// </summary>
public sealed class CreateUser(KaoheDbContext db, DemoMode demo)
{
    public async Task<UserAccount> HandleAsync(NewUser n, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(n.UserName)) throw KaoheException.Invalid(AccountTexts.UserNameRequired);
        if (string.IsNullOrWhiteSpace(n.DisplayName)) throw KaoheException.Invalid(AccountTexts.DisplayNameRequired);
        if (Passwords.PolicyProblem(n.Password, n.UserName, demo) is { } weak) throw KaoheException.Invalid(weak);
        if (await db.Users.AnyAsync(u => u.UserName == n.UserName.Trim(), ct)) throw KaoheException.Invalid(AccountTexts.UserNameTaken(n.UserName));

        var user = new UserAccount { UserName = n.UserName.Trim(), DisplayName = n.DisplayName.Trim(), Role = n.Role };
        if (!string.IsNullOrWhiteSpace(n.Unit)) user.UnitId = (await FindUnitAsync(n.Unit, ct)).Id;
        if (!string.IsNullOrWhiteSpace(n.City))
            user.CityGroupId = (await db.CityGroups.FirstOrDefaultAsync(g => g.Name == n.City.Trim(), ct)
                ?? throw KaoheException.Invalid(AccountTexts.UnknownCity(n.City))).Id;
        if (user.BindingProblem() is { } problem) throw KaoheException.Invalid(problem);
        user.PasswordHash = Passwords.Hash(user, n.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>The one unit the text names; none, or several (listed so the operator can give the code), is a refusal.</summary>
    private async Task<Unit> FindUnitAsync(string text, CancellationToken ct)
    {
        var t = text.Trim();
        var matches = await db.Units.Include(u => u.CityGroup)
            .Where(u => u.DivisionCode == t || u.Name == t || u.PublishedName == t || u.Aliases.Any(a => a.Name == t)).ToListAsync(ct);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw KaoheException.Invalid(AccountTexts.UnknownUnit(t)),
            _ => throw KaoheException.Invalid(AccountTexts.AmbiguousUnit(t, matches.Select(m => $"{m.CityGroup.Name}{m.Name}({m.DivisionCode ?? AccountTexts.NoCode})"))),
        };
    }
}
