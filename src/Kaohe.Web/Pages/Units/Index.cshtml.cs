using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Units;

public sealed class IndexModel(ListUnits list, ListCityGroups groups) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Group { get; set; }
    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];
    public IReadOnlyList<CityGroup> Groups { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = User.Scope();
        CanEdit = scope.CanEditRegistry;
        Units = await list.HandleAsync(new UnitSearch(Q, Group), scope);
        Groups = await groups.HandleAsync(scope);
    }
}
