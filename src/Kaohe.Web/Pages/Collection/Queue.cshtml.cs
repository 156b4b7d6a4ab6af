using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Collection;
using Kaohe.Features.Collection;
using Kaohe.Features.Units;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Collection;

/// <summary>今日待办 of one unit: tabs with their counts, the aging buckets, the cases in the queue's order, paged.</summary>
public sealed class QueueModel(ListCollectionQueue list, ImportCallList calls, SendReminders sms, ExportReminderBatch batch, ISmsGateway gateway,
    DraftLetters letters, SetCentreContact centre) : PageModel
{
    /// <summary>The centre's address and phone its letters print.</summary>
    public (string? Address, string? Phone) Centre { get; private set; }

    public DateOnly DefaultDeadline => letters.DefaultDeadline;

    [BindProperty] public string Template { get; set; } = CollectionTexts.DefaultSmsTemplate;
    public bool GatewayConfigured => gateway.IsConfigured;
    public SmsResult? Sent { get; private set; }

    [TempData] public string? Message { get; set; }
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public QueueTab Tab { get; set; }
    [BindProperty(SupportsGet = true)] public AgingBucket? Bucket { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public CollectionQueue Queue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int unitId) => await this.RunAsync(async () =>
    {
        Queue = await list.HandleAsync(unitId, User.Scope(), Tab, Bucket, PageNumber);
        Centre = await centre.ShowAsync(unitId, User.Scope());
        return Page();
    }, e => throw e);

    /// <summary>还款提醒函 or 逾期催收函 to this tab's open cases (or to the one case given), as one PDF or .docx.</summary>
    public async Task<IActionResult> OnPostLettersAsync(int unitId, LetterKind kind, DateOnly? deadline, string? format, bool record, int? caseId) => await this.RunAsync(async () =>
    {
        var b = await letters.HandleAsync(unitId, new LetterRequest(kind, caseId is { } c ? [c] : null, Tab, deadline, record), User.Scope(), HttpContext.RequestAborted);
        var (content, type, name) = LetterDocuments.File(b, format);
        return File(content, type, name);
    }, e => ShowAsync(unitId, e));

    public async Task<IActionResult> OnPostCentreAsync(int unitId, string? centreAddress, string? centrePhone) => await this.RunAsync(async () =>
    {
        await centre.HandleAsync(unitId, centreAddress, centrePhone, User.Scope(), HttpContext.RequestAborted);
        Message = CollectionTexts.CentreSaved;
        return RedirectToPage(new { unitId, tab = Tab });
    }, e => ShowAsync(unitId, e));

    /// <summary>A filled-in call list back: each filled row becomes a contact record, or, with any bad row, nothing.</summary>
    public async Task<IActionResult> OnPostCallsAsync(int unitId, IFormFile? file) => await this.RunAsync(async () =>
    {
        if (file is null || file.Length == 0) throw KaoheException.Invalid(CollectionTexts.CallListMissing);
        await using var stream = file.OpenReadStream();
        var r = await calls.HandleAsync(stream, file.FileName, User.Scope());
        Message = CollectionTexts.CallListImported(r.FileName, r.Records, r.RowsLeftEmpty);
        return RedirectToPage(new { unitId });
    }, e => ShowAsync(unitId, e));

    /// <summary>催收短信 to this tab's cases through the configured platform; the page lists what each message became.</summary>
    public async Task<IActionResult> OnPostSmsAsync(int unitId) => await this.RunAsync(async () =>
    {
        Sent = await sms.HandleAsync(unitId, Template, User.Scope(), Tab, HttpContext.RequestAborted);
        return await OnGetAsync(unitId);
    }, e => ShowAsync(unitId, e));

    /// <summary>The same messages as a batch file (手机号码, 短信内容) for the county's own SMS platform; clear phones, audited.</summary>
    public async Task<IActionResult> OnPostSmsBatchAsync(int unitId) => await this.RunAsync(async () =>
    {
        var (file, name, _) = await batch.HandleAsync(unitId, Template, User.Scope(), TableFormat.Csv, Tab);
        return File(file, "text/csv; charset=utf-8", name);
    }, e => ShowAsync(unitId, e));

    /// <summary>A refusal above the queue: a rejected call list with its first 50 rows at fault, any other with its title and fields.</summary>
    private Task<IActionResult> ShowAsync(int unitId, KaoheException e)
    {
        ImportErrors = e is ImportRejectedException rejected
            ? [CollectionTexts.CallListRejected(rejected.ImportErrors.Count, shown: 50), .. rejected.ImportErrors.Take(50).Select(x => x.ToString())]
            : e.Errors.Count == 0 && e.Detail is null ? [e.Title] : [e.Title + "：", .. e.Errors.Count > 0 ? e.Errors.SelectMany(x => x.Value) : [e.Detail!]];
        return OnGetAsync(unitId);
    }

    public string Link(QueueTab? tab = null, AgingBucket? bucket = null, int? page = null, bool clearBucket = false)
    {
        var b = clearBucket ? null : bucket ?? Bucket;
        return $"?tab={tab ?? Tab}" + (b is { } x ? $"&bucket={x}" : "") + (page is { } p && p > 1 ? $"&pageNumber={p}" : "");
    }
}
