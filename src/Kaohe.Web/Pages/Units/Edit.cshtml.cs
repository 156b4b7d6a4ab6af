using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Units;

[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class EditModel(GetUnit get, EditUnit edit, ListUnits list) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public UnitEdit Form { get; set; } = new("", null, null, UnitType.County.ChineseName(), null, "2018统计用", 0, null, null, 0, null, true);
    public IReadOnlyList<CityGroup> Groups { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Groups = await list.GroupsAsync();
        if (Id is null) return Page();
        if (await get.HandleAsync(Id.Value, User.Scope()) is not { } u) return NotFound();
        Form = new UnitEdit(u.Name, u.PublishedName, string.Join(';', u.Aliases.Select(a => a.Name)), u.Type.ChineseName(), u.DivisionCode,
            u.CodeVintage, u.CityGroupId, u.ParentCity, string.Join(';', u.ServedDistricts.Select(d => d.DivisionCode is null ? d.Name : $"{d.Name}({d.DivisionCode})")),
            u.SortOrder, u.Note, u.IsActive);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await edit.HandleAsync(Id, Form, User.Scope());
        if (result.Succeeded) return Redirect($"/Units/Details/{result.Unit!.Id}");
        if (Id is not null && result.Unit is null) return NotFound();
        Groups = await list.GroupsAsync();
        Errors = result.Errors.Select(e => e.ToString()).ToList();
        return Page();
    }
}
