using Kaohe.Features.Ledger;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kaohe.Web.Pages.Ledger;

public sealed class CityModel(ViewCityLedger city, TimeProvider clock) : LedgerPage(clock)
{
    public LedgerLevelView View { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(int id) => this.RunAsync(async () =>
    {
        View = await city.HandleAsync(id, Date, null, User.Scope());
        return Page();
    }, ErrorPage);
}
