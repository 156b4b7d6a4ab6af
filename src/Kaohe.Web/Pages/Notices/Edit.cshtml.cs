using Kaohe.Features.Notices;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Notices;

/// <summary>Everyone signed in reads the notice and downloads it; only the province administrator saves edits.</summary>
public sealed class EditModel(DraftNotice drafts, ComposeNotice compose) : PageModel
{
    [FromRoute] public int Year { get; set; }
    public NoticeFields Fields { get; private set; } = null!;
    public string Sentence { get; private set; } = "";
    public bool Saved { get; private set; }
    public bool CanEdit => User.Scope().CanEditRegistry;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromForm] NoticeFields fields)
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync()) return NotFound();
        Fields = await drafts.SaveAsync(Year, fields, User.Scope());
        Saved = true;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            var notice = await compose.HandleAsync(Year);
            Fields = await drafts.FieldsAsync(await drafts.FindCampaignAsync(Year));
            Sentence = notice.Sections[1].Paragraphs[0];
            return true;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}
