using Kaohe.Common.Errors;
using Kaohe.Domain.Collection;
using Kaohe.Features.Collection;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Collection;

/// <summary>今日待办 of one unit: tabs with their counts, the aging buckets, the cases in the queue's order, paged.</summary>
public sealed class QueueModel(ListCollectionQueue list) : PageModel
{
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

    public string Link(QueueTab? tab = null, AgingBucket? bucket = null, int? page = null, bool clearBucket = false)
    {
        var b = clearBucket ? null : bucket ?? Bucket;
        return $"?tab={tab ?? Tab}" + (b is { } x ? $"&bucket={x}" : "") + (page is { } p && p > 1 ? $"&pageNumber={p}" : "");
    }
}
