using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Domain.Collection;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Collection;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Collection;

/// <summary>One case: figures, the borrower's instalments (masked), the trail, and the form that appends a contact.</summary>
public sealed class CaseModel(ShowCollectionCase show, RecordContact record, TimeProvider clock) : PageModel
{
    public CaseDetail Detail { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    public KaoheException? Error { get; private set; }

    /// <summary>The record being corrected (from 更正 on a trail entry), or null for a new contact.</summary>
    [BindProperty(SupportsGet = true)] public int? Corrects { get; set; }

    [BindProperty] public ContactForm Form { get; set; } = new();

    public sealed class ContactForm
    {
        public DateTime? ContactedAt { get; set; }
        public ContactChannel Channel { get; set; } = ContactChannel.Phone;
        public ContactParty Party { get; set; } = ContactParty.Borrower;
        public ContactResult Result { get; set; } = ContactResult.NoAnswer;
        public string? PromisedYuan { get; set; }
        public DateOnly? PromisedOn { get; set; }
        public string? Notes { get; set; }
        public string? NextAction { get; set; }
        public DateOnly? NextActionOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await this.RunAsync(async () =>
    {
        Detail = await show.HandleAsync(id, User.Scope());
        Form.ContactedAt ??= new BeijingClock(clock).Now.DateTime;
        return Page();
    }, e => throw e);

    public async Task<IActionResult> OnPostContactAsync(int id, List<IFormFile>? evidence) => await this.RunAsync(async () =>
    {
        var files = new List<EvidenceUpload>();
        foreach (var f in evidence ?? [])
        {
            if (f.Length > ContactEvidence.MaxBytes)
                throw KaoheException.InvalidFields(CollectionTexts.RecordInvalid, new Dictionary<string, string[]> { [CollectionTexts.EvidenceField] = [CollectionTexts.EvidenceTooLarge(Path.GetFileName(f.FileName))] });
            using var buffer = new MemoryStream();
            await f.CopyToAsync(buffer);
            files.Add(new EvidenceUpload(f.FileName, buffer.ToArray()));
        }
        var promised = string.IsNullOrWhiteSpace(Form.PromisedYuan) ? (long?)null : Yuan.ParseFen(Form.PromisedYuan.Trim());
        if (promised is < 0)
            throw KaoheException.InvalidFields(CollectionTexts.RecordInvalid, new Dictionary<string, string[]> { [CollectionTexts.PromisedAmountField] = [CollectionTexts.PromisedAmountFormat] });
        var input = new ContactInput(Form.ContactedAt ?? new BeijingClock(clock).Now.DateTime, Form.Channel, Form.Party, Form.Result, Form.Notes,
            Form.NextAction, Form.NextActionOn, promised, Form.PromisedOn, Corrects);
        var saved = await record.HandleAsync(id, input, User.Scope(), files);
        Message = CollectionTexts.ContactSaved(saved.Id, saved.CorrectsId);
        return RedirectToPage(new { id });
    }, async e =>
    {
        Error = e;
        Detail = await show.HandleAsync(id, User.Scope());
        return Page();
    });
}
