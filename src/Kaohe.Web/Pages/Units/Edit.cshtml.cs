using Kaohe.Common.Errors;
using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Units;

[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class EditModel(GetUnit get, EditUnit edit, ListCityGroups groups) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public UnitEdit Form { get; set; } = new("", null, null, UnitType.County.ChineseName(), null, "2018统计用", 0, null, null, 0, null, true);
    public IReadOnlyList<CityGroup> Groups { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => this.RunAsync(async () =>
    {
        Groups = await groups.HandleAsync(User.Scope());
        if (Id is not null) Form = UnitEdit.From(await get.HandleAsync(Id.Value, User.Scope()));
        return Page();
    }, e => throw e);

    public Task<IActionResult> OnPostAsync() => this.RunAsync(async () =>
    {
        var unit = await edit.HandleAsync(Id, Form, User.Scope());
        return Redirect($"/Units/Details/{unit.Id}");
    }, ShowAsync);

    private async Task<IActionResult> ShowAsync(KaoheException refusal)
    {
        Groups = await groups.HandleAsync(User.Scope());
        Errors = refusal.Errors.Count > 0 ? refusal.Errors.SelectMany(e => e.Value).ToList() : [refusal.Title];
        return Page();
    }
}
