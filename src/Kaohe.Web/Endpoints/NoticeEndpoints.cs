using Kaohe.Common.Tabular;
using Kaohe.Features.Notices;
using Kaohe.Features.Units;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaohe.Web.Endpoints;

internal static class NoticeEndpoints
{
    public static void MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notices").WithTags("考核结果通报").RequireAuthorization(Policies.SignedIn);

        api.MapGet("/", async (ListResultYears list) => TypedResults.Ok(await list.HandleAsync()));

        api.MapGet("/{year:int}/draft", (int year, DraftNotice drafts) =>
            Guard<Ok<NoticeFields>>(async () => TypedResults.Ok(await drafts.FieldsAsync(await drafts.FindCampaignAsync(year)))));

        api.MapPut("/{year:int}/draft", (int year, NoticeFields fields, DraftNotice drafts, HttpContext ctx) =>
            Guard<Ok<NoticeFields>>(async () => TypedResults.Ok(await drafts.SaveAsync(year, fields, ctx.User.Scope())))).RequireAuthorization(Policies.ProvinceAdmin);

        api.MapGet("/{year:int}/{format}", (int year, string format, ComposeNotice compose) =>
            Guard<FileContentHttpResult>(async () =>
            {
                if (!NoticeFormats.TryParse(format, out var f)) throw new KeyNotFoundException(format);
                var notice = await compose.HandleAsync(year);
                return TypedResults.File(NoticeFormats.Generate(notice, f), NoticeFormats.ContentType(f), NoticeFormats.FileName(notice, f));
            }));

        var results = app.MapGroup("/api/results").WithTags("考核结果").RequireAuthorization(Policies.SignedIn);

        results.MapGet("/{year:int}/export", (int year, string? format, ExportResults export, HttpContext ctx) =>
            Guard<FileContentHttpResult>(async () =>
            {
                var f = TableWriter.ParseFormat(format ?? "xlsx");
                return TypedResults.File(await export.HandleAsync(year, f, ctx.User.Scope()), TableWriter.ContentType(f), $"{year}年度考核结果{TableWriter.Extension(f)}");
            }));

        results.MapGet("/{year:int}/compare", (int year, CompareYears compare, HttpContext ctx) =>
            Guard<Ok<YearComparison>>(async () => TypedResults.Ok(await compare.HandleAsync(year, ctx.User.Scope()))));

        results.MapGet("/{year:int}/compare.xlsx", (int year, CompareYears compare, HttpContext ctx) =>
            Guard<FileContentHttpResult>(async () => TypedResults.File(CompareYears.Xlsx(await compare.HandleAsync(year, ctx.User.Scope())),
                TableWriter.ContentType(TableFormat.Xlsx), $"{year}年度考核结果年度对比.xlsx")));

        // The file is the request body, as for the unit import (see UnitEndpoints).
        results.MapPost("/{year:int}/import", async Task<Results<Ok<ResultsImportResult>, ValidationProblem>> (int year, string? fileName, HttpRequest request, ImportResults import, HttpContext ctx) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            buffer.Position = 0;
            try
            {
                return TypedResults.Ok(await import.HandleAsync(year, TabularFile.Read(buffer, fileName ?? "results.csv"), ctx.User.Scope()));
            }
            catch (ImportRejectedException e)
            {
                return TypedResults.ValidationProblem(Problems.Of(e.ImportErrors), title: e.Message);
            }
        }).RequireAuthorization(Policies.ProvinceAdmin).Accepts<byte[]>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /// <summary>No such year (or format) is 404; a campaign not yet sealed has no notice yet: 409.</summary>
    private static async Task<Results<T, NotFound, ProblemHttpResult>> Guard<T>(Func<Task<T>> action) where T : IResult
    {
        try { return await action(); }
        catch (KeyNotFoundException) { return TypedResults.NotFound(); }
        catch (InvalidOperationException e) { return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict); }
    }
}
