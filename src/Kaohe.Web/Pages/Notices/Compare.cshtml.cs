using Kaohe.Features.Notices;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Notices;

public sealed class CompareModel(CompareYears compare) : PageModel
{
    [FromRoute] public int Year { get; set; }
    public YearComparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Comparison = await compare.HandleAsync(Year, User.Scope());
            return Page();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
    }
}
