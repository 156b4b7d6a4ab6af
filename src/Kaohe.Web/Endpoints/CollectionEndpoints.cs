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

        api.MapGet("/overview", async Task<Ok<CollectionOverviewResult>> (int? city, CollectionOverview overview, HttpContext ctx) =>
            TypedResults.Ok(await overview.HandleAsync(ctx.User.Scope(), city, withRecovery: true)));

        api.MapGet("/units/{unitId:int}/queue", async Task<Ok<CollectionQueue>> (int unitId, QueueTab? tab, AgingBucket? bucket, int? page, int? pageSize, ListCollectionQueue list, HttpContext ctx) =>
            TypedResults.Ok(await list.HandleAsync(unitId, ctx.User.Scope(), tab ?? QueueTab.All, bucket, page ?? 1, Math.Min(pageSize ?? ListCollectionQueue.DefaultPageSize, ListCollectionQueue.MaxPageSize))));

        api.MapGet("/cases/{id:int}", async Task<Ok<CaseDetail>> (int id, ShowCollectionCase show, HttpContext ctx) =>
            TypedResults.Ok(await show.HandleAsync(id, ctx.User.Scope())));

        api.MapGet("/evidence/{id:int}", async Task<Results<FileContentHttpResult, NotFound>> (int id, ShowCollectionCase show, HttpContext ctx) =>
            await show.EvidenceAsync(id, ctx.User.Scope()) is { } f ? TypedResults.File(f.Content, f.ContentType, f.FileName) : TypedResults.NotFound());

        api.MapPost("/cases/{id:int}/contacts", async Task<Created<ContactRecordCreated>> (int id, ContactInput input, RecordContact record, HttpContext ctx) =>
        {
            var r = await record.HandleAsync(id, input, ctx.User.Scope());
            return TypedResults.Created($"/api/collection/cases/{id}", new ContactRecordCreated(r.Id, r.Hash));
        }).RequireAuthorization(Policies.Writer);

        api.MapPost("/units/{unitId:int}/sms", async Task<Ok<SmsResult>> (int unitId, SmsRequest req, SendReminders sms, HttpContext ctx) =>
            TypedResults.Ok(await sms.SendAsync(unitId, req.Template, ctx.User.Scope(), req.Tab ?? QueueTab.All, ctx.RequestAborted))).RequireAuthorization(Policies.Writer);

        api.MapPost("/units/{unitId:int}/sms/batch", async Task<FileContentHttpResult> (int unitId, SmsRequest req, string? format, SendReminders sms, HttpContext ctx) =>
        {
            var (file, name, _) = await sms.BatchAsync(unitId, req.Template, ctx.User.Scope(), TableWriter.ParseFormat(format), req.Tab ?? QueueTab.All);
            return TypedResults.File(file, TableWriter.ContentType(TableWriter.ParseFormat(format)), name);
        }).RequireAuthorization(Policies.Writer);

        api.MapGet("/units/{unitId:int}/calls", async Task<FileContentHttpResult> (int unitId, string? format, QueueTab? tab, AgingBucket? bucket, CallList calls, HttpContext ctx) =>
        {
            var f = TableWriter.ParseFormat(format ?? "xlsx");
            var (file, name) = await calls.ExportAsync(unitId, ctx.User.Scope(), f, tab ?? QueueTab.All, bucket);
            return TypedResults.File(file, TableWriter.ContentType(f), name);
        });

        // The file is the request body, as for the other imports (no form, so no antiforgery token is needed).
        api.MapPost("/calls", async Task<Results<Ok<CallListImportResult>, ValidationProblem>> (string? fileName, HttpRequest request, CallList calls, HttpContext ctx) =>
        {
            var name = fileName ?? (request.ContentType?.Contains("sheet", StringComparison.Ordinal) == true ? "calls.xlsx" : "calls.csv");
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            buffer.Position = 0;
            try
            {
                return TypedResults.Ok(await calls.ImportAsync(buffer, name, ctx.User.Scope()));
            }
            catch (ImportRejectedException e)
            {
                return TypedResults.ValidationProblem(Problems.Of(e.ImportErrors), title: e.Message);
            }
        }).RequireAuthorization(Policies.Writer).Accepts<byte[]>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    internal sealed record ContactRecordCreated(int Id, string Hash);

    /// <summary>A reminder text with its placeholders (<see cref="SmsTemplate"/>), for the open cases of a tab of the queue.</summary>
    internal sealed record SmsRequest(string Template, QueueTab? Tab = null);
}
