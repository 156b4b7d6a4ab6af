using Kaohe.Common.Tabular;
using Kaohe.Features.Units;
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

    public async Task OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors = [new ImportError(0, null, "请选择要导入的文件")];
            return;
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            Result = await import.HandleAsync(TabularFile.Read(stream, Upload.FileName), User.Scope());
        }
        catch (ImportRejectedException e)
        {
            Errors = e.ImportErrors;
        }
    }
}
