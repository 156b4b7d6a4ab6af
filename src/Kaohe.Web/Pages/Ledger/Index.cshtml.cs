using Kaohe.Common.Charts;
using Kaohe.Features.Ledger;
using Kaohe.Features.Units;
using Kaohe.Web.Security;

namespace Kaohe.Web.Pages.Ledger;

public sealed class IndexModel(ViewProvinceLedger province, UnitMap map, TimeProvider clock) : LedgerPage(clock)
{
    public LedgerLevelView View { get; private set; } = null!;
    public bool MayUpload { get; private set; }
    public IReadOnlyList<MapSpec> Maps { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var scope = User.Scope();
        MayUpload = LedgerUploadRules.MayUpload(scope);
        View = await province.HandleAsync(Date, null, scope);
        var units = (View.Units ?? []).ToDictionary(u => u.UnitId!.Value, u => u.Totals);
        string Href(int id) => $"/Ledger/Unit/{id}?{AsOfQuery}";
        Maps =
        [
            new("map-recovery", LedgerPageTexts.MapRecovery, LedgerPageTexts.RecoveryRate, "%",
                await map.AreasAsync(scope, id => units.GetValueOrDefault(id)?.YearRecoveryRate, Href)),
            new("map-overdue", LedgerPageTexts.MapOverdue, LedgerPageTexts.OverdueRateAmount, "%",
                await map.AreasAsync(scope, id => units.GetValueOrDefault(id)?.OverdueRateAmount, Href), HigherIsBetter: false),
        ];
    }
}
