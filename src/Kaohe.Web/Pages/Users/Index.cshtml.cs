using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Users;

[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class IndexModel(ListUsers users, Kaohe.Common.Time.BeijingClock clock) : PageModel
{
    /// <summary>正常, 停用, or locked with the lock's end in Beijing time: the person signing in is not told, the administrator is.</summary>
    public string Status(UserAccount u) =>
        !u.IsActive ? AccountTexts.Deactivated : u.IsLockedOut(clock.UtcNow) ? AccountTexts.LockedUntil(u.LockedUntilUtc!.Value) : AccountTexts.Active;

    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    public async Task OnGetAsync() => Users = await users.HandleAsync();
}
