using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Features.Notices;
using Kaohe.Features.Units;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaohe.Web.Endpoints;

/// <summary>
/// The notice and the results. A missing year, or an unknown format, is 404; a campaign not yet sealed has no notice
/// yet (409), nor one whose sealed data changed since the seal (409, naming the units); the handlers refuse by throwing, answered as problem details in one place.
/// </summary>
internal static class NoticeEndpoints
{
    public static void MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notices").WithTags(NoticeTexts.ApiTag).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", ListYears);
        api.MapGet("/{year:int}/draft", GetDraft).Refuses(ErrorKind.NotFound);
        api.MapPut("/{year:int}/draft", SaveDraft).RequireAuthorization(Policies.ProvinceAdmin).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden);
        api.MapGet("/{year:int}/{format}", DownloadNotice).Refuses(ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unavailable)
            .Produces<byte[]>(StatusCodes.Status200OK, NoticeFormats.ContentTypes[0], [.. NoticeFormats.ContentTypes.Skip(1)]);

        var results = app.MapGroup("/api/results").WithTags(ResultsTexts.ApiTag).RequireAuthorization(Policies.SignedIn);
        results.MapGet("/{year:int}/export", Export).Refuses(ErrorKind.NotFound, ErrorKind.Conflict)
            .Produces<byte[]>(StatusCodes.Status200OK, TableWriter.ContentType(TableFormat.Xlsx), TableWriter.ContentType(TableFormat.Csv), TableWriter.ContentType(TableFormat.CsvGbk));
        results.MapGet("/{year:int}/compare", Compare).Refuses(ErrorKind.NotFound);
        results.MapGet("/{year:int}/compare.xlsx", CompareXlsx).Refuses(ErrorKind.NotFound)
            .Produces<byte[]>(StatusCodes.Status200OK, TableWriter.ContentType(TableFormat.Xlsx));
        // The file is the request body, as for the unit import (see UnitEndpoints).
        results.MapPost("/{year:int}/import", Import).RequireAuthorization(Policies.ProvinceAdmin)
            .AcceptsTable().Refuses(ErrorKind.Invalid, ErrorKind.Forbidden);
    }

    private static async Task<Ok<IReadOnlyList<ResultYear>>> ListYears(ListResultYears list) => TypedResults.Ok(await list.HandleAsync());

    private static async Task<Ok<NoticeFields>> GetDraft(int year, DraftNotice draft) => TypedResults.Ok(await draft.HandleAsync(year));

    private static async Task<Ok<NoticeFields>> SaveDraft(int year, NoticeFields fields, EditNotice edit, HttpContext ctx) =>
        TypedResults.Ok(await edit.HandleAsync(year, fields, ctx.User.Scope()));

    private static async Task<FileContentHttpResult> DownloadNotice(int year, string format, ComposeNotice compose)
    {
        if (!NoticeFormats.TryParse(format, out var f)) throw KaoheException.NotFound();
        var notice = await compose.HandleAsync(year);
        return TypedResults.File(NoticeFormats.Generate(notice, f), NoticeFormats.ContentType(f), NoticeFormats.FileName(notice, f));
    }

    private static async Task<FileContentHttpResult> Export(int year, string? format, ExportResults export, HttpContext ctx)
    {
        var f = TableWriter.ParseFormat(format ?? "xlsx");
        return TypedResults.File(await export.HandleAsync(year, f, ctx.User.Scope()), TableWriter.ContentType(f), ResultsTexts.ExportFileName(year, TableWriter.Extension(f)));
    }

    private static async Task<Ok<YearComparison>> Compare(int year, CompareYears compare, HttpContext ctx) =>
        TypedResults.Ok(await compare.HandleAsync(year, ctx.User.Scope()));

    private static async Task<FileContentHttpResult> CompareXlsx(int year, CompareYears compare, HttpContext ctx) =>
        TypedResults.File(CompareYears.Xlsx(await compare.HandleAsync(year, ctx.User.Scope())),
            TableWriter.ContentType(TableFormat.Xlsx), ResultsTexts.ComparisonFileName(year));

    private static async Task<Ok<ResultsImportResult>> Import(int year, string? fileName, HttpRequest request, ImportResults import, HttpContext ctx)
    {
        var (content, name) = await Uploads.ReadAsync(request, fileName, ResultsTexts.UploadStem);
        using (content) return TypedResults.Ok(await import.HandleAsync(year, TabularFile.Read(content, name), ctx.User.Scope()));
    }
}
