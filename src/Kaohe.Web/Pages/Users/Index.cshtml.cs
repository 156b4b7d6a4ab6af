using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Users;

[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class IndexModel(ManageUsers users) : PageModel
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    public async Task OnGetAsync() => Users = await users.ListAsync();
}
