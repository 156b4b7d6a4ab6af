using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Users;

[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class IndexModel(ListUsers users, Kaohe.Common.Time.BeijingClock clock) : PageModel
{
    /// <summary>Whether the account is locked out now (the lock's end is a stored UTC instant).</summary>
    public bool IsLocked(UserAccount u) => u.IsLockedOut(clock.UtcNow);

    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    public async Task OnGetAsync() => Users = await users.HandleAsync();
}
