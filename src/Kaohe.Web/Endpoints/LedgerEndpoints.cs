using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Common.Time;
using Kaohe.Features.Bulletin;
using Kaohe.Features.Ledger;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Kaohe.Web.Endpoints;

/// <summary>
/// The ledger's JSON API, with the pages' scope: out of scope is 404; clear personal data only for the
/// roles that may see it (403 otherwise), each clear view audited. Amounts in fen, rates in percent.
/// A missing asOf is today in Beijing.
/// </summary>
internal static class LedgerEndpoints
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ledger").WithTags("贷后台账").RequireAuthorization(Policies.SignedIn);
        // The file is the request body (as for /api/units/import); fileName tells CSV from XLSX.
        api.MapPost("/import", Import).RequireAuthorization(Policies.LedgerUploader).AcceptsTable()
            .Refuses(ErrorKind.Invalid, ErrorKind.Forbidden, ErrorKind.Conflict, ErrorKind.Busy);
        api.MapGet("/figures", Figures).AlsoAsFile(Uploads.Csv, Uploads.Xlsx);
        api.MapGet("/units/{id:int}/borrowers", Borrowers).AlsoAsFile(Uploads.Csv, Uploads.Xlsx)
            .Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid);
        api.MapGet("/units/{id:int}/borrowers/{key:long}", Borrower).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden);
        api.MapGet("/forecast", Forecast);
        api.MapGet("/plan", Plan);
        api.MapGet("/units/{id:int}/indicators", Indicators).Refuses(ErrorKind.NotFound);
        api.MapGet("/bulletin", Bulletin).Produces<byte[]>(StatusCodes.Status200OK, Docx, "application/pdf", "text/html").Refuses(ErrorKind.Invalid);
    }

    private static async Task<Ok<LedgerImportResult>> Import(string? fileName, HttpRequest request, ImportLedger import, HttpContext ctx)
    {
        var (content, name) = await Uploads.ReadAsync(request, fileName, "ledger");
        await using (content) return TypedResults.Ok(await import.UploadAsync(content, name, ctx.User.Scope(), ctx.RequestAborted));
    }

    /// <summary>JSON rows by default; <c>format=csv|gbk|xlsx</c> for a file. <c>city</c> keeps that city's units only.</summary>
    private static async Task<Results<Ok<List<FigureDto>>, FileContentHttpResult>> Figures(DateOnly? asOf, int? year, string? by, int? city, string? format,
        ComputeLedgerFigures figures, BeijingClock clock, HttpContext ctx)
    {
        var date = asOf ?? clock.Today;
        var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(date, year, Level(by), city), ctx.User.Scope(), ct: ctx.RequestAborted);
        if (format is null or "json") return TypedResults.Ok(report.Rows.Select(FigureDto.From).ToList());
        var f = TableWriter.ParseFormat(format);
        return TypedResults.File(report.Write(f), TableWriter.ContentType(f), $"{LedgerPageTexts.FiguresFile}-{date:yyyyMMdd}{TableWriter.Extension(f)}");
    }

    /// <summary>A page of masked borrowers as JSON, or all of them as a file (clear ID numbers with <c>unmask=true</c>, audited).</summary>
    private static async Task<Results<Ok<BorrowerList>, FileContentHttpResult>> Borrowers(int id, DateOnly? asOf, string? format, bool? unmask, bool? overdueOnly,
        ListBorrowers list, ExportBorrowers export, BeijingClock clock, HttpContext ctx)
    {
        var date = asOf ?? clock.Today;
        if (format is not null and not "json")
        {
            var f = TableWriter.ParseFormat(format);
            var file = await export.HandleAsync(id, date, f, unmask == true, ctx.User.Scope(), ctx.RequestAborted);
            return TypedResults.File(file.Content, TableWriter.ContentType(f), $"{LedgerPageTexts.BorrowersFile(file.UnitName)}-{date:yyyyMMdd}{TableWriter.Extension(f)}");
        }
        if (unmask == true) throw KaoheException.Invalid(LedgerPageTexts.UnmaskInList);
        return TypedResults.Ok(await list.HandleAsync(id, date, ctx.User.Scope(), overdueOnly == true, ct: ctx.RequestAborted));
    }

    private static async Task<Ok<BorrowerDetail>> Borrower(int id, long key, DateOnly? asOf, bool? unmask, ShowBorrower show, BeijingClock clock, HttpContext ctx) =>
        TypedResults.Ok(await show.HandleAsync(id, key, asOf ?? clock.Today, unmask == true, ctx.User.Scope(), ctx.RequestAborted));

    /// <summary>What falls due in <c>year</c> (default: next year).</summary>
    private static async Task<Ok<RecoveryForecast>> Forecast(int? year, int? city, int? unit, ForecastRecovery forecast, BeijingClock clock, HttpContext ctx) =>
        TypedResults.Ok(await forecast.HandleAsync(year ?? clock.Today.Year + 1, ctx.User.Scope(), city, unit, ctx.RequestAborted));

    private static async Task<Ok<PlanVersusActual>> Plan(int? year, DateOnly? asOf, int? city, int? unit, TrackRecoveryPlan plan, BeijingClock clock, HttpContext ctx)
    {
        var date = asOf ?? clock.Today;
        return TypedResults.Ok(await plan.HandleAsync(year ?? date.Year, date, ctx.User.Scope(), city, unit, ctx.RequestAborted));
    }

    private static async Task<Ok<LedgerIndicators>> Indicators(int id, int year, ComputeLedgerIndicators indicators, HttpContext ctx) =>
        TypedResults.Ok(await indicators.HandleAsync(id, year, ctx.User.Scope(), ctx.RequestAborted));

    /// <summary>The 回收数据通报 as docx (default), pdf or html.</summary>
    private static async Task<FileContentHttpResult> Bulletin(DateOnly? asOf, int? year, string? format, BuildBulletin bulletin, BeijingClock clock, HttpContext ctx)
    {
        if (!BulletinFiles.TryParse(format ?? "docx", out var f)) throw KaoheException.Invalid(LedgerPageTexts.BulletinFormat);
        var date = asOf ?? clock.Today;
        var model = await bulletin.HandleAsync(date, year, ctx.User.Scope(), ctx.RequestAborted);
        return TypedResults.File(BulletinFiles.Render(model, f), BulletinFiles.ContentType(f), BulletinFiles.FileName(date, f));
    }

    /// <summary>
    /// Adds file types to the 200 response, beside the JSON its typed result declares (a <c>Produces</c> for the same
    /// status would replace the JSON one): the route answers JSON by default and a file for <c>format=csv|gbk|xlsx</c>.
    /// </summary>
    private static RouteHandlerBuilder AlsoAsFile(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
                foreach (var type in contentTypes) content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            return Task.CompletedTask;
        });

    private static LedgerLevel Level(string? by) =>
        (by ?? "unit").ToLowerInvariant() switch { "city" => LedgerLevel.City, "province" => LedgerLevel.Province, _ => LedgerLevel.Unit };
}

/// <summary>A figures row for JSON clients: amounts in fen, rates as percent (half-up, 2 places).</summary>
public sealed record FigureDto(string Level, int? UnitId, string Name, string City, long YearDue, long YearPaid, decimal? YearRecoveryRate,
    long CumulativeDue, long CumulativeOverdue, decimal? OverdueRateAmount, int InRepayment, int Overdue, decimal? OverdueRateHeadcount,
    IReadOnlyList<int> BucketBorrowers, IReadOnlyList<long> BucketAmount, int ReceiptMissing, int GraduationUnconfirmed)
{
    public static FigureDto From(LedgerFigureRow r) => new(r.Level.ToString(), r.UnitId, r.Name, r.City, r.Totals.YearDue, r.Totals.YearPaid, r.Totals.YearRecoveryRate,
        r.Totals.CumulativeDue, r.Totals.CumulativeOverdue, r.Totals.OverdueRateAmount, r.Totals.InRepayment, r.Totals.Overdue, r.Totals.OverdueRateHeadcount,
        r.Totals.BucketBorrowers, r.Totals.BucketAmount, r.Totals.ReceiptMissing, r.Totals.GraduationUnconfirmed);
}
