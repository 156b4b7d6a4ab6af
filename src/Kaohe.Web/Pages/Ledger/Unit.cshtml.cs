using Kaohe.Features.Ledger;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kaohe.Web.Pages.Ledger;

public sealed class UnitModel(ViewLedgerLevel levels, TrackRecoveryPlan plan, ForecastRecovery forecast, TimeProvider clock) : LedgerPage(clock)
{
    public LedgerLevelView View { get; private set; } = null!;
    public PlanVersusActual Plan { get; private set; } = null!;
    public ForecastLine? NextYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var scope = User.Scope();
        if (await levels.UnitAsync(id, Date, null, scope) is not { } v) return NotFound();
        View = v;
        Plan = await plan.HandleAsync(v.Year, Date, scope, unitId: id);
        NextYear = (await forecast.HandleAsync(v.Year + 1, scope, unitId: id)).Units.SingleOrDefault();
        return Page();
    }
}
