using Kaohe.Features.Assessment;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Campaigns;

public sealed class CompareModel(CompareStages compare) : PageModel
{
    public ComparisonView View { get; private set; } = null!;
    public int CampaignId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await this.RunAsync(async () =>
    {
        (View, CampaignId) = (await compare.HandleAsync(id, User.Scope()), id);
        return Page();
    }, e => throw e);
}
