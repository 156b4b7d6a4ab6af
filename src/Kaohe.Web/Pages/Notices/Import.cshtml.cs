using Kaohe.Common.Tabular;
using Kaohe.Features.Notices;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Notices;

[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class ImportModel(ImportResults import, TimeProvider clock) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public int Year { get; set; }
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    public ResultsImportResult? Result { get; private set; }

    public void OnGet() => Year = new Kaohe.Common.Time.BeijingClock(clock).Today.Year - 1;

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
            Result = await import.HandleAsync(Year, TabularFile.Read(stream, Upload.FileName), User.Scope());
        }
        catch (ImportRejectedException e)
        {
            Errors = e.ImportErrors;
        }
    }
}
