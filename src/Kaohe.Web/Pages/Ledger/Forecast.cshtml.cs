using Kaohe.Common.Charts;
using Kaohe.Features.Ledger;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kaohe.Web.Pages.Ledger;

public sealed class ForecastModel(ForecastRecovery forecast, TrackRecoveryPlan plan, TimeProvider clock) : LedgerPage(clock)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? City { get; set; }
    public RecoveryForecast Forecast { get; private set; } = null!;
    public PlanVersusActual Plan { get; private set; } = null!;

    public int ForecastYear => Year ?? Date.Year + 1;

    public async Task OnGetAsync()
    {
        var scope = User.Scope();
        Forecast = await forecast.HandleAsync(ForecastYear, scope, City);
        Plan = await plan.HandleAsync(Date.Year, Date, scope, City);
    }

    public ChartSpec Chart() => new("ledger-forecast", LedgerPageTexts.ForecastTitle(Forecast.Year),
        Forecast.Units.Select(u => u.Unit).ToList(),
        [
            new ChartSeries(LedgerPageTexts.DuePrincipal, Forecast.Units.Select(u => (decimal?)LedgerPageTexts.ToYuan(u.PrincipalFen)).ToList()),
            new ChartSeries(LedgerPageTexts.DueInterest, Forecast.Units.Select(u => (decimal?)LedgerPageTexts.ToYuan(u.InterestFen)).ToList()),
        ], LeftAxis: LedgerPageTexts.YuanUnit, Horizontal: Forecast.Units.Count > 12);
}
