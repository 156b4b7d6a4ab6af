using Kaohe.Features.Ledger;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kaohe.Web.Pages.Ledger;

public sealed class BorrowersModel(ListBorrowers list, TimeProvider clock) : LedgerPage(clock)
{
    [BindProperty(SupportsGet = true)] public bool OverdueOnly { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public BorrowerList List { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(int unitId) => this.RunAsync(async () =>
    {
        List = await list.HandleAsync(unitId, Date, User.Scope(), OverdueOnly, PageNumber);
        return Page();
    }, ErrorPage);
}
