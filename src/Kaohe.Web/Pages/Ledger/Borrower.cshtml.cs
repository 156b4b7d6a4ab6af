using Kaohe.Features.Ledger;
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

    private async Task<IActionResult> ShowAsync(int unitId, long key, bool unmask)
    {
        var (access, detail) = await show.HandleAsync(unitId, key, Date, unmask, User.Scope());
        if (access == BorrowerAccess.NotFound) return NotFound();
        if (access == BorrowerAccess.Forbidden) return Forbid();
        Detail = detail!;
        return Page();
    }
}
