using Kaohe.Features.Ledger;
using Kaohe.Web.Security;

namespace Kaohe.Web.Pages.Ledger;

public sealed class IndexModel(ViewLedgerLevel levels, TimeProvider clock) : LedgerPage(clock)
{
    public LedgerLevelView View { get; private set; } = null!;
    public bool MayUpload { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = User.Scope();
        MayUpload = LedgerUploadRules.MayUpload(scope);
        View = await levels.ProvinceAsync(Date, null, scope);
    }
}
