using Kaohe.Domain.Accounts;
using Kaohe.Features.Collection;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Collection;

/// <summary>逾期催收: a county officer goes straight to its queue; the city, the province and the bank see the figures of their units.</summary>
public sealed class IndexModel(CollectionOverview overview) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? City { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public CollectionOverviewResult Result { get; private set; } = null!;
    public bool MayOpenQueues { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = User.Scope();
        if (scope is { Role: Role.CountyOperator, UnitId: { } own }) return RedirectToPage("Queue", new { unitId = own });
        Result = await overview.HandleAsync(scope, City, withRecovery: true, CollectionPeriod.Of(From, To, overview.Today));
        MayOpenQueues = scope.MayReadCases();
        return Page();
    }
}
