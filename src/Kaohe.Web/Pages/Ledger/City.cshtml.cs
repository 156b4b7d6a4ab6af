using Kaohe.Features.Ledger;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kaohe.Web.Pages.Ledger;

public sealed class CityModel(ViewLedgerLevel levels, TimeProvider clock) : LedgerPage(clock)
{
    public LedgerLevelView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await levels.CityAsync(id, Date, null, User.Scope()) is not { } v) return NotFound();
        View = v;
        return Page();
    }
}
