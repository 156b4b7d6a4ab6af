using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Collection;
using Kaohe.Features.Collection;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaohe.Web.Endpoints;

/// <summary>
/// The collection desk's JSON API, with the pages' rules (<see cref="CollectionAccess"/>): out of scope is 404; cases
/// (which name borrowers) are 403 for the bank observer and the expert, whose figures are <c>/overview</c>; only the
/// unit's county officer appends contacts. Amounts in fen; a contact's time is Beijing wall-clock time.
/// </summary>
internal static class CollectionEndpoints
{
    public static void MapCollectionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collection").WithTags("逾期催收").RequireAuthorization(Policies.SignedIn);

        api.MapGet("/overview", Overview).Refuses(ErrorKind.Invalid);
        api.MapGet("/units/{unitId:int}/queue", Queue).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden);
        api.MapGet("/cases/{id:int}", Case).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden);
        api.MapGet("/evidence/{id:int}", Evidence).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden)
            .Produces<byte[]>(StatusCodes.Status200OK, "image/jpeg", "image/png", "audio/mpeg", "audio/mp4", "audio/amr", "audio/wav", "application/pdf");
        api.MapPost("/cases/{id:int}/contacts", AddContact).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid);
        // Files as base64 in JSON, not a form: a JSON body cannot be sent cross-site without CORS, so it needs no antiforgery
        // token (as the other uploads). Five files of 10 MB are 67 MB of base64.
        api.MapPost("/cases/{id:int}/contacts/with-evidence", AddContactWithEvidence).RequireAuthorization(Policies.Writer)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(72L * 1024 * 1024)).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid);
        api.MapPost("/units/{unitId:int}/sms", SendSms).RequireAuthorization(Policies.Writer)
            .Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Unavailable);
        api.MapPost("/units/{unitId:int}/sms/batch", SmsBatch).RequireAuthorization(Policies.Writer)
            .Produces<byte[]>(StatusCodes.Status200OK, Uploads.Csv).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid);
        api.MapGet("/units/{unitId:int}/calls", ExportCalls).Produces<byte[]>(StatusCodes.Status200OK, Uploads.Xlsx, Uploads.Csv).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden);
        api.MapPost("/calls", ImportCalls).RequireAuthorization(Policies.Writer).AcceptsTable().Refuses(ErrorKind.Forbidden, ErrorKind.Invalid);
        api.MapPost("/units/{unitId:int}/letters", Letters).RequireAuthorization(Policies.Writer)
            .Produces<byte[]>(StatusCodes.Status200OK, LetterDocuments.DocxType, LetterDocuments.PdfType).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid);
        api.MapPut("/units/{unitId:int}/centre", Centre).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid);
        api.MapGet("/letter-templates", Templates);
        api.MapPut("/letter-templates/{kind}", SaveTemplate).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.Forbidden, ErrorKind.Invalid);
    }

    /// <summary>Which letters to write (<see cref="LetterRequest"/>): the cases, or a tab's open cases; registered as sent or not.</summary>
    internal sealed record LettersBody(LetterKind Kind, int[]? CaseIds = null, QueueTab? Tab = null, DateOnly? Deadline = null, bool Record = false);

    internal sealed record CentreBody(string? Address = null, string? Phone = null);

    internal sealed record TemplateBody(string Title, string Body);

    /// <param name="format">pdf (default: one merged PDF) or docx.</param>
    private static async Task<FileContentHttpResult> Letters(int unitId, LettersBody body, string? format, DraftLetters letters, HttpContext ctx)
    {
        var batch = await letters.HandleAsync(unitId, new LetterRequest(body.Kind, body.CaseIds, body.Tab ?? QueueTab.All, body.Deadline, body.Record), ctx.User.Scope(), ctx.RequestAborted);
        var (content, type, name) = LetterDocuments.File(batch, format);
        return TypedResults.File(content, type, name);
    }

    private static async Task<NoContent> Centre(int unitId, CentreBody body, SetCentreContact set, HttpContext ctx)
    {
        await set.HandleAsync(unitId, body.Address, body.Phone, ctx.User.Scope(), ctx.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<LetterTemplateView>>> Templates(LetterTemplates templates, HttpContext ctx) =>
        TypedResults.Ok(await templates.ListAsync(ctx.RequestAborted));

    private static async Task<Ok<LetterTemplateView>> SaveTemplate(LetterKind kind, TemplateBody body, LetterTemplates templates, HttpContext ctx) =>
        TypedResults.Ok(await templates.SaveAsync(kind, body.Title, body.Body, ctx.User.Scope(), ctx.RequestAborted));

    /// <summary>A contact just appended: its id and the hash that chains it into the case's trail.</summary>
    internal sealed record ContactRecordCreated(int Id, string Hash);

    /// <summary>A reminder text with its placeholders (<see cref="SmsTemplate"/>), for the open cases of a tab of the queue.</summary>
    internal sealed record SmsRequest(string Template, QueueTab? Tab = null);

    /// <param name="from">The period's first day (Beijing); with <paramref name="to"/>, its last (default today). Without them, the 30 days up to today.</param>
    private static async Task<Ok<CollectionOverviewResult>> Overview(int? city, DateOnly? from, DateOnly? to, CollectionOverview overview, HttpContext ctx) =>
        TypedResults.Ok(await overview.HandleAsync(ctx.User.Scope(), city, withRecovery: true, CollectionPeriod.Of(from, to, overview.Today), ctx.RequestAborted));

    private static async Task<Ok<CollectionQueue>> Queue(int unitId, QueueTab? tab, AgingBucket? bucket, int? page, int? pageSize, ListCollectionQueue list, HttpContext ctx) =>
        TypedResults.Ok(await list.HandleAsync(unitId, ctx.User.Scope(), tab ?? QueueTab.All, bucket, page ?? 1,
            Math.Min(pageSize ?? ListCollectionQueue.DefaultPageSize, ListCollectionQueue.MaxPageSize), ctx.RequestAborted));

    private static async Task<Ok<CaseDetail>> Case(int id, ShowCollectionCase show, HttpContext ctx) =>
        TypedResults.Ok(await show.HandleAsync(id, ctx.User.Scope(), ctx.RequestAborted));

    private static async Task<FileContentHttpResult> Evidence(int id, OpenContactEvidence open, HttpContext ctx)
    {
        var f = await open.HandleAsync(id, ctx.User.Scope(), ctx.RequestAborted);
        return TypedResults.File(f.Content, f.ContentType, f.FileName);
    }

    private static async Task<Created<ContactRecordCreated>> AddContact(int id, ContactInput input, RecordContact record, HttpContext ctx)
    {
        var r = await record.HandleAsync(id, input, ctx.User.Scope(), ct: ctx.RequestAborted);
        return TypedResults.Created($"/api/collection/cases/{id}", new ContactRecordCreated(r.Id, r.Hash));
    }

    /// <summary>A contact with its 佐证材料: each file's name and content (base64 in JSON), at most 5 of 10 MB, type decided by content.</summary>
    internal sealed record ContactWithEvidence(ContactInput Contact, EvidenceUpload[] Evidence);

    private static async Task<Created<ContactRecordCreated>> AddContactWithEvidence(int id, ContactWithEvidence body, RecordContact record, HttpContext ctx)
    {
        var r = await record.HandleAsync(id, body.Contact, ctx.User.Scope(), body.Evidence ?? [], ctx.RequestAborted);
        return TypedResults.Created($"/api/collection/cases/{id}", new ContactRecordCreated(r.Id, r.Hash));
    }

    private static async Task<Ok<SmsResult>> SendSms(int unitId, SmsRequest req, SendReminders sms, HttpContext ctx) =>
        TypedResults.Ok(await sms.HandleAsync(unitId, req.Template, ctx.User.Scope(), req.Tab ?? QueueTab.All, ctx.RequestAborted));

    private static async Task<FileContentHttpResult> SmsBatch(int unitId, SmsRequest req, string? format, ExportReminderBatch batch, HttpContext ctx)
    {
        var f = TableWriter.ParseFormat(format);
        var (file, name, _) = await batch.HandleAsync(unitId, req.Template, ctx.User.Scope(), f, req.Tab ?? QueueTab.All, ctx.RequestAborted);
        return TypedResults.File(file, TableWriter.ContentType(f), name);
    }

    private static async Task<FileContentHttpResult> ExportCalls(int unitId, string? format, QueueTab? tab, AgingBucket? bucket, ExportCallList calls, HttpContext ctx)
    {
        var f = TableWriter.ParseFormat(format ?? "xlsx");
        var (file, name) = await calls.HandleAsync(unitId, ctx.User.Scope(), f, tab ?? QueueTab.All, bucket, ctx.RequestAborted);
        return TypedResults.File(file, TableWriter.ContentType(f), name);
    }

    /// <summary>The file is the request body, as for the other imports (no form, so no antiforgery token is needed).</summary>
    private static async Task<Ok<CallListImportResult>> ImportCalls(string? fileName, HttpRequest request, ImportCallList calls, HttpContext ctx)
    {
        var (content, name) = await Uploads.ReadAsync(request, fileName, "calls");
        await using (content)
            return TypedResults.Ok(await calls.HandleAsync(content, name, ctx.User.Scope(), ctx.RequestAborted));
    }
}
