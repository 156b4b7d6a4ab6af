using Kaohe.Features.Ledger;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kaohe.Web.Pages.Ledger;

/// <summary>
/// A borrower's instalments, masked. 显示明文 is a POST (with the antiforgery token) that renders the
/// same page in clear text once, after the audit entry is written; the clear text never sits in a URL.
/// </summary>
public sealed class BorrowerModel(ShowBorrower show, TimeProvider clock) : LedgerPage(clock)
{
    public BorrowerDetail Detail { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(int unitId, long key) => ShowAsync(unitId, key, unmask: false);

    public Task<IActionResult> OnPostUnmaskAsync(int unitId, long key) => ShowAsync(unitId, key, unmask: true);

    private Task<IActionResult> ShowAsync(int unitId, long key, bool unmask) => this.RunAsync(async () =>
    {
        Detail = await show.HandleAsync(unitId, key, Date, unmask, User.Scope());
        return Page();
    }, ErrorPage);
}
