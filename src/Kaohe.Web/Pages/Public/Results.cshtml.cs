using Kaohe.Common.Errors;
using Kaohe.Features.Notices;
using Kaohe.Web.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Public;

/// <summary>
/// The published notice (主动公开), without login: /Public/Results/2018 serves the notice's .html bytes
/// as they are; /Public/Results lists the sealed years. A year not sealed does not exist here; a year whose sealed data
/// changed since the seal is not shown (409, with the reason).
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

    // A year whose campaign is not sealed yet has published nothing; one whose sealed data changed since the seal is
    // withheld, saying why (409), rather than shown with the changed grades.
    private Task<IActionResult> NotPublished(KaoheException e) => Task.FromResult<IActionResult>(e.Kind == ErrorKind.Conflict && e.Title != NoticeTexts.NotSealed
        ? new ContentResult { StatusCode = StatusCodes.Status409Conflict, ContentType = "text/plain; charset=utf-8", Content = e.Message }
        : NotFound());
}
