using Kaohe.Common.Errors;
using Kaohe.Features.Notices;
using Kaohe.Web.Errors;
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

    public Task<IActionResult> OnGetAsync() => this.RunAsync(async () =>
    {
        if (Year is not { } year)
        {
            Years = await list.HandleAsync(sealedOnly: true);
            return Page();
        }
        return Content(NoticeHtml.Page(await compose.HandleAsync(year)), "text/html; charset=utf-8");
    }, NotPublished);

    // A year whose campaign is not sealed yet (the one refusal left) has published nothing.
    private Task<IActionResult> NotPublished(KaoheException _) => Task.FromResult<IActionResult>(NotFound());
}
