using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Features.Notices;
using Kaohe.Web.Errors;
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

    public Task<IActionResult> OnPostAsync() => this.RunAsync(async () =>
    {
        if (Upload is null || Upload.Length == 0) return Show([new ImportError(0, null, ResultsTexts.NoFile)]);
        await using var stream = Upload.OpenReadStream();
        Result = await import.HandleAsync(Year, TabularFile.Read(stream, Upload.FileName), User.Scope());
        return Page();
    }, e => Task.FromResult<IActionResult>(Show(e is ImportRejectedException rejected ? rejected.ImportErrors : [new ImportError(0, null, e.Title)])));

    private PageResult Show(IReadOnlyList<ImportError> errors)
    {
        Errors = errors;
        return Page();
    }
}
