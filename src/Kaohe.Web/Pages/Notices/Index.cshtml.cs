using Kaohe.Features.Notices;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Notices;

public sealed class IndexModel(ListResultYears list) : PageModel
{
    public IReadOnlyList<ResultYear> Years { get; private set; } = [];
    public bool CanEdit => User.Scope().CanEditRegistry;

    public async Task OnGetAsync() => Years = await list.HandleAsync();

    /// <summary>A year compares with the latest sealed year before it; the first sealed year has none.</summary>
    public bool HasEarlierSealedYear(int year) => Years.Any(y => y.Sealed && y.Year < year);
}
