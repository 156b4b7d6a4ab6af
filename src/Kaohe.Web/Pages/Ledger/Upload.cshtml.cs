using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Features.Ledger;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Ledger;

[Authorize(Policy = Policies.LedgerUploader)]
public sealed class UploadModel(ImportLedger import) : PageModel
{
    [BindProperty] public List<IFormFile> Uploads { get; set; } = [];
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    public string? RejectedFile { get; private set; }
    /// <summary>Why a file was refused whole, not for its rows: another import in progress, or the file changed while it was read.</summary>
    public string? Refusal { get; private set; }
    public List<LedgerImportResult> Results { get; } = [];
    public bool IsCounty { get; private set; }

    public void OnGet() => IsCounty = User.IsIn(Kaohe.Domain.Accounts.Role.CountyOperator);

    public async Task OnPostAsync()
    {
        OnGet();
        if (Uploads.Count == 0 || Uploads.All(u => u.Length == 0))
        {
            Errors = [new ImportError(0, null, LedgerPageTexts.ChooseFile)];
            return;
        }
        foreach (var file in Uploads.Where(u => u.Length > 0))
        {
            try
            {
                await using var stream = file.OpenReadStream();
                Results.Add(await import.UploadAsync(stream, file.FileName, User.Scope(), HttpContext.RequestAborted));
            }
            catch (KaoheException e)
            {
                // Rows at fault are listed under the file; a file refused whole (busy, changed meanwhile) is one message.
                if (e is ImportRejectedException rejected) (Errors, RejectedFile) = (rejected.ImportErrors, file.FileName);
                else Refusal = LedgerPageTexts.OfFile(file.FileName, e.Detail ?? e.Title);
                return;
            }
        }
    }
}
