using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Accounts;

/// <summary>Every account with its unit or city, by role and then user name.</summary>
public sealed class ListUsers(KaoheDbContext db)
{
    public async Task<IReadOnlyList<UserAccount>> HandleAsync(CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Include(u => u.Unit).Include(u => u.CityGroup).OrderBy(u => u.Role).ThenBy(u => u.UserName).ToListAsync(ct);
}
