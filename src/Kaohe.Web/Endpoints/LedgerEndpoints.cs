using Kaohe.Common.Tabular;
using Kaohe.Features.Ledger;
using Kaohe.Features.Ledger.Bulletin;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaohe.Web.Endpoints;

/// <summary>
/// The ledger's JSON API, with the pages' scope: out of scope is 404; clear personal data only for the
/// roles that may see it (403 otherwise), each clear view audited. Amounts in fen, rates in percent.
/// </summary>
internal static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ledger").WithTags("贷后台账").RequireAuthorization(Policies.SignedIn);
        MapImport(api);

        api.MapGet("/figures", async (DateOnly? asOf, int? year, string? by, int? city, string? format, ComputeLedgerFigures figures, Kaohe.Data.KaoheDbContext db, TimeProvider clock, HttpContext ctx) =>
        {
            var level = (by ?? "unit").ToLowerInvariant() switch { "city" => LedgerLevel.City, "province" => LedgerLevel.Province, _ => LedgerLevel.Unit };
            var date = asOf ?? Today(clock);
            var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(date, year, level), ctx.User.Scope());
            if (city is { } c)
            {
                var inCity = db.Units.Where(u => u.CityGroupId == c).Select(u => u.Id).ToHashSet();
                report = report with { Rows = report.Rows.Where(r => r.Level != LedgerLevel.Unit || inCity.Contains(r.UnitId!.Value)).ToList() };
            }
            if (format is null or "json") return Results.Ok(report.Rows.Select(FigureDto.From));
            var f = TableWriter.ParseFormat(format);
            return Results.File(report.Write(f), TableWriter.ContentType(f), $"贷后指标-{date:yyyyMMdd}{TableWriter.Extension(f)}");
        });

        api.MapGet("/units/{id:int}/borrowers", async Task<IResult> (int id, DateOnly? asOf, string? format, bool? unmask, bool? overdueOnly, ListBorrowers list, ExportBorrowers export, TimeProvider clock, HttpContext ctx) =>
        {
            var date = asOf ?? Today(clock);
            if (format is not null and not "json")
            {
                var f = TableWriter.ParseFormat(format);
                var (access, file, unit) = await export.HandleAsync(id, date, f, unmask == true, ctx.User.Scope());
                return access switch
                {
                    ExportAccess.NotFound => TypedResults.NotFound(),
                    ExportAccess.Forbidden => TypedResults.Problem(LedgerPageTexts.UnmaskForbidden, statusCode: StatusCodes.Status403Forbidden),
                    _ => TypedResults.File(file, TableWriter.ContentType(f), $"{unit}借款人-{date:yyyyMMdd}{TableWriter.Extension(f)}"),
                };
            }
            if (unmask == true) return TypedResults.Problem("明文请逐个借款人查看，或导出文件", statusCode: StatusCodes.Status400BadRequest);
            return await list.HandleAsync(id, date, ctx.User.Scope(), overdueOnly == true) is { } l ? TypedResults.Ok(l) : TypedResults.NotFound();
        });

        api.MapGet("/units/{id:int}/borrowers/{key:long}", async Task<Results<Ok<BorrowerDetail>, NotFound, ProblemHttpResult>> (int id, long key, DateOnly? asOf, bool? unmask, ShowBorrower show, TimeProvider clock, HttpContext ctx) =>
        {
            var (access, detail) = await show.HandleAsync(id, key, asOf ?? Today(clock), unmask == true, ctx.User.Scope());
            return access switch
            {
                BorrowerAccess.NotFound => TypedResults.NotFound(),
                BorrowerAccess.Forbidden => TypedResults.Problem(LedgerPageTexts.UnmaskForbidden, statusCode: StatusCodes.Status403Forbidden),
                _ => TypedResults.Ok(detail!),
            };
        });

        api.MapGet("/forecast", async (int? year, int? city, int? unit, ForecastRecovery forecast, TimeProvider clock, HttpContext ctx) =>
            TypedResults.Ok(await forecast.HandleAsync(year ?? Today(clock).Year + 1, ctx.User.Scope(), city, unit)));

        api.MapGet("/plan", async (int? year, DateOnly? asOf, int? city, int? unit, TrackRecoveryPlan plan, TimeProvider clock, HttpContext ctx) =>
        {
            var date = asOf ?? Today(clock);
            return TypedResults.Ok(await plan.HandleAsync(year ?? date.Year, date, ctx.User.Scope(), city, unit));
        });

        api.MapGet("/units/{id:int}/indicators", async Task<Results<Ok<LedgerIndicators>, NotFound>> (int id, int year, ComputeLedgerIndicators indicators, HttpContext ctx) =>
            await indicators.HandleAsync(id, year, ctx.User.Scope()) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound());

        api.MapGet("/bulletin", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (DateOnly? asOf, int? year, string? format, BuildBulletin bulletin, TimeProvider clock, HttpContext ctx) =>
        {
            if (!BuildBulletin.TryParseFormat(format ?? "docx", out var f)) return TypedResults.Problem("format 应为 docx、pdf 或 html", statusCode: StatusCodes.Status400BadRequest);
            var date = asOf ?? Today(clock);
            var bytes = await bulletin.HandleAsync(date, year, f, ctx.User.Scope());
            return TypedResults.File(bytes, BuildBulletin.ContentType(f), BuildBulletin.FileName(date, f));
        });
    }

    private static void MapImport(RouteGroupBuilder api) =>
        // The file is the request body (as for /api/units/import); fileName tells CSV from XLSX.
        api.MapPost("/import", async Task<Results<Ok<LedgerImportResult>, ValidationProblem, ProblemHttpResult>> (string? fileName, HttpRequest request, ImportLedger import, HttpContext ctx) =>
        {
            var name = fileName ?? (request.ContentType?.Contains("sheet", StringComparison.Ordinal) == true ? "ledger.xlsx" : "ledger.csv");
            try
            {
                return TypedResults.Ok(await import.UploadAsync(request.Body, name, ctx.User.Scope(), ctx.RequestAborted));
            }
            catch (ImportRejectedException e)
            {
                return TypedResults.ValidationProblem(Problems.Of(e.ImportErrors), title: e.Message);
            }
            catch (Exception e) when (e is ImportBusyException or LedgerFileChangedException)
            {
                // Refused whole, not for its rows: another import in progress, or the file changed while it was read.
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
            }
        }).RequireAuthorization(Policies.LedgerUploader).Accepts<byte[]>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static DateOnly Today(TimeProvider clock) => new Kaohe.Common.Time.BeijingClock(clock).Today;
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
