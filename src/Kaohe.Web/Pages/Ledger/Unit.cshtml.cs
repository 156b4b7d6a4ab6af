using Kaohe.Features.Ledger;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kaohe.Web.Pages.Ledger;

public sealed class UnitModel(ViewUnitLedger unit, TrackRecoveryPlan plan, ForecastRecovery forecast, TimeProvider clock) : LedgerPage(clock)
{
    public LedgerLevelView View { get; private set; } = null!;
    public PlanVersusActual Plan { get; private set; } = null!;
    public ForecastLine? NextYear { get; private set; }

    public Task<IActionResult> OnGetAsync(int id) => this.RunAsync(async () =>
    {
        var scope = User.Scope();
        View = await unit.HandleAsync(id, Date, null, scope);
        Plan = await plan.HandleAsync(View.Year, Date, scope, unitId: id);
        NextYear = (await forecast.HandleAsync(View.Year + 1, scope, unitId: id)).Units.SingleOrDefault();
        return Page();
    }, ErrorPage);
}
