using Kaohe.Common.Errors;
using Kaohe.Domain.Collection;
using Kaohe.Features.Collection;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Collection;

/// <summary>今日待办 of one unit: tabs with their counts, the aging buckets, the cases in the queue's order, paged.</summary>
public sealed class QueueModel(ListCollectionQueue list, CallList calls, SendReminders sms, ISmsGateway gateway) : PageModel
{
    public const string DefaultTemplate = "{姓名}同学：您的生源地信用助学贷款已逾期{逾期天数}天，逾期本息{逾期金额}，请尽快还款；如有困难请联系{单位}学生资助管理中心。";
    [BindProperty] public string Template { get; set; } = DefaultTemplate;
    public bool GatewayConfigured => gateway.IsConfigured;
    public SmsResult? Sent { get; private set; }

    [TempData] public string? Message { get; set; }
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public QueueTab Tab { get; set; }
    [BindProperty(SupportsGet = true)] public AgingBucket? Bucket { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public CollectionQueue Queue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int unitId)
    {
        try { Queue = await list.HandleAsync(unitId, User.Scope(), Tab, Bucket, PageNumber); }
        catch (KaoheException e) when (e.Kind == ErrorKind.NotFound) { return NotFound(); }
        catch (KaoheException e) when (e.Kind == ErrorKind.Forbidden) { return Forbid(); }
        return Page();
    }

    /// <summary>A filled-in call list back: each filled row becomes a contact record, or, with any bad row, nothing.</summary>
    public async Task<IActionResult> OnPostCallsAsync(int unitId, IFormFile? file)
    {
        if (file is null || file.Length == 0) ImportErrors = ["请选择要导入的电话催收清单（.xlsx 或 .csv）"];
        else
        {
            try
            {
                await using var stream = file.OpenReadStream();
                var r = await calls.ImportAsync(stream, file.FileName, User.Scope());
                Message = $"已导入“{r.FileName}”：联系记录 {r.Records} 条" + (r.RowsLeftEmpty > 0 ? $"，未填写结果的 {r.RowsLeftEmpty} 行未导入" : "");
                return RedirectToPage(new { unitId });
            }
            catch (Kaohe.Common.Tabular.ImportRejectedException e) { ImportErrors = [$"文件有 {e.ImportErrors.Count} 处错误，未写入任何数据" + (e.ImportErrors.Count > 50 ? "（以下为前 50 处）：" : "："), .. e.ImportErrors.Take(50).Select(x => x.ToString())]; }
            catch (KaoheException e) when (e.Kind == ErrorKind.Forbidden) { return Forbid(); }
        }
        return await OnGetAsync(unitId);
    }

    /// <summary>催收短信 to this tab's cases through the configured platform; the page lists what each message became.</summary>
    public async Task<IActionResult> OnPostSmsAsync(int unitId)
    {
        try { Sent = await sms.SendAsync(unitId, Template, User.Scope(), Tab, HttpContext.RequestAborted); }
        catch (KaoheException e) when (e.Kind == ErrorKind.Forbidden) { return Forbid(); }
        catch (KaoheException e) { ImportErrors = [e.Title + "：", .. e.Errors.SelectMany(x => x.Value)]; }
        return await OnGetAsync(unitId);
    }

    /// <summary>The same messages as a batch file (手机号码, 短信内容) for the county's own SMS platform; clear phones, audited.</summary>
    public async Task<IActionResult> OnPostSmsBatchAsync(int unitId)
    {
        try
        {
            var (file, name, _) = await sms.BatchAsync(unitId, Template, User.Scope(), Kaohe.Common.Tabular.TableFormat.Csv, Tab);
            return File(file, "text/csv; charset=utf-8", name);
        }
        catch (KaoheException e) when (e.Kind == ErrorKind.Forbidden) { return Forbid(); }
        catch (KaoheException e) { ImportErrors = [e.Title + "：", .. e.Errors.SelectMany(x => x.Value)]; }
        return await OnGetAsync(unitId);
    }

    public string Link(QueueTab? tab = null, AgingBucket? bucket = null, int? page = null, bool clearBucket = false)
    {
        var b = clearBucket ? null : bucket ?? Bucket;
        return $"?tab={tab ?? Tab}" + (b is { } x ? $"&bucket={x}" : "") + (page is { } p && p > 1 ? $"&pageNumber={p}" : "");
    }
}
