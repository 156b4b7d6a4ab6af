using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Units;

public sealed class DetailsModel(GetUnit get) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    // Outside the account's scope is the same answer as not existing: 404, never the data.
    public Task<IActionResult> OnGetAsync(int id) => this.RunAsync(async () =>
    {
        var scope = User.Scope();
        Unit = await get.HandleAsync(id, scope);
        CanEdit = scope.CanEditRegistry;
        return Page();
    }, e => throw e);
}
