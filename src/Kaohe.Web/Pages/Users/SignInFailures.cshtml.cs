using Kaohe.Features.Accounts;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Users;

/// <summary>Recent failed sign-ins by client address, for the province administrator (docs/sign-in.md).</summary>
[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class SignInFailuresModel(ListSignInFailures failures) : PageModel
{
    public static readonly int[] Periods = [1, 24, 24 * 7];

    [BindProperty(SupportsGet = true)] public int Hours { get; set; } = 24;

    public SignInFailureReport Report { get; private set; } = null!;

    public async Task OnGetAsync() => Report = await failures.HandleAsync(Hours);
}
