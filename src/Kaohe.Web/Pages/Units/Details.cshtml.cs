using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Units;

public sealed class DetailsModel(GetUnit get) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var scope = User.Scope();
        // Outside the account's scope is the same answer as not existing: 404, never the data.
        if (await get.HandleAsync(id, scope) is not { } unit) return NotFound();
        Unit = unit;
        CanEdit = scope.CanEditRegistry;
        return Page();
    }
}
