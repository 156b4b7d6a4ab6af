using Kaohe.Features.Assessment;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Campaigns;

public sealed class IndexModel(ListCampaigns list) : PageModel
{
    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];

    public async Task OnGetAsync() => Campaigns = await list.HandleAsync(User.Scope());
}
