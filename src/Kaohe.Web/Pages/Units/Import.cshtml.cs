using Kaohe.Common.Tabular;
using Kaohe.Features.Units;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Units;

[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class ImportModel(ImportUnits import) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    public UnitImportResult? Result { get; private set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync() => this.RunAsync(async () =>
    {
        if (Upload is null || Upload.Length == 0) throw new ImportRejectedException([new ImportError(0, null, UnitTexts.NoFileChosen)]);
        await using var stream = Upload.OpenReadStream();
        Result = await import.HandleAsync(TabularFile.Read(stream, Upload.FileName), User.Scope());
        return Page();
    }, refusal =>
    {
        Errors = refusal is ImportRejectedException rejected ? rejected.ImportErrors : [new ImportError(0, null, refusal.Title)];
        return Task.FromResult<IActionResult>(Page());
    });
}
