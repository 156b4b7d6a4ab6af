using Kaohe.Features.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Public;

/// <summary>
/// The published notice (主动公开), without login: /Public/Results/2018 serves the notice's .html bytes
/// as they are; /Public/Results lists the sealed years. A year not sealed does not exist here.
/// </summary>
[AllowAnonymous]
public sealed class ResultsModel(ComposeNotice compose, ListResultYears list) : PageModel
{
    [FromRoute] public int? Year { get; set; }
    public IReadOnlyList<ResultYear> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Year is not { } year)
        {
            Years = await list.HandleAsync(sealedOnly: true);
            return Page();
        }
        try
        {
            return Content(NoticeHtml.Page(await compose.HandleAsync(year)), "text/html; charset=utf-8");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            return NotFound();
        }
    }
}
