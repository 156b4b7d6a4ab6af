using Kaohe.Common.Errors;
using Kaohe.Features.Notices;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Notices;

public sealed class CompareModel(CompareYears compare) : PageModel
{
    [FromRoute] public int Year { get; set; }
    public YearComparison? Comparison { get; private set; }

    // A missing year, or one without a sealed year before it, is not found; the comparison refuses nothing else.
    public Task<IActionResult> OnGetAsync() => this.RunAsync(async () =>
    {
        Comparison = await compare.HandleAsync(Year, User.Scope());
        return Page();
    }, NothingToCompare);

    private Task<IActionResult> NothingToCompare(KaoheException _) => Task.FromResult<IActionResult>(NotFound());
}
