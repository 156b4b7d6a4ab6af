using Kaohe.Common.Errors;
using Kaohe.Features.Notices;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Notices;

/// <summary>Everyone signed in reads the notice and downloads it; only the province administrator saves edits.</summary>
public sealed class EditModel(ComposeNotice compose, DraftNotice draft, EditNotice edit) : PageModel
{
    [FromRoute] public int Year { get; set; }
    public NoticeFields Fields { get; private set; } = null!;
    public string Sentence { get; private set; } = "";
    public bool Saved { get; private set; }
    public bool CanEdit => User.Scope().CanEditRegistry;

    public Task<IActionResult> OnGetAsync() => this.RunAsync(async () =>
    {
        await LoadAsync();
        return Page();
    }, NoNoticeYet);

    public Task<IActionResult> OnPostAsync([FromForm] NoticeFields fields) => this.RunAsync(async () =>
    {
        if (!CanEdit) return Forbid();
        await LoadAsync();
        Fields = await edit.HandleAsync(Year, fields, User.Scope());
        Saved = true;
        return Page();
    }, NoNoticeYet);

    private async Task LoadAsync()
    {
        var notice = await compose.HandleAsync(Year);
        Fields = await draft.HandleAsync(Year);
        Sentence = notice.Sections[1].Paragraphs[0];
    }

    // A year not yet sealed (the one refusal left) has no notice to read or edit: the page does not exist for it yet.
    private Task<IActionResult> NoNoticeYet(KaoheException _) => Task.FromResult<IActionResult>(NotFound());
}
