using Kaohe.Features.Bulletin;
using Kaohe.Web.Security;

namespace Kaohe.Web.Pages.Ledger;

/// <summary>The 回收数据通报 for an as-of date, shown as the HTML download reads, with links to the three formats.</summary>
public sealed class BulletinModelPage(BuildBulletin bulletin, TimeProvider clock) : LedgerPage(clock)
{
    public string Fragment { get; private set; } = "";

    public async Task OnGetAsync() => Fragment = BulletinHtml.Fragment(await bulletin.HandleAsync(Date, null, User.Scope()));
}
