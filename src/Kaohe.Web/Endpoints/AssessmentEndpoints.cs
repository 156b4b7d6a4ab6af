using Kaohe.Common.Tabular;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Units;
using Kaohe.Web.Security;

namespace Kaohe.Web.Endpoints;

public sealed record ReturnRequest(string To, string Reason);

public sealed record AdjustRequest(int UnitId, int FromExpertId, int ToExpertId, string Reason);

/// <summary>The assessment API: campaigns, stages, scoring, returns, experts, field-visit draw, decision and seal. Scope is the handlers'.</summary>
internal static class AssessmentEndpoints
{
    public static void MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").WithTags("考核").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", async (ListCampaigns h, HttpContext ctx) => TypedResults.Ok(await h.HandleAsync(ctx.User.Scope())));
        api.MapGet("/{id:int}", (int id, ListCampaigns h, HttpContext ctx) => Guard(async () => Found(await h.GetAsync(id, ctx.User.Scope()))));
        api.MapPost("/", (NewCampaign req, CreateCampaign h, HttpContext ctx) => Guard(async () =>
            TypedResults.Ok(new { (await h.HandleAsync(req, ctx.User.Scope())).Id }))).RequireAuthorization(Policies.ProvinceAdmin);
        api.MapPost("/{id:int}/stages/{stage}/{action:regex(^(open|close)$)}", (int id, string stage, string action, ScheduleStage h, HttpContext ctx) => Guard(async () =>
        {
            var s = ParseStage(stage);
            if (action == "open") await h.OpenAsync(id, s, ctx.User.Scope());
            else await h.CloseAsync(id, s, ctx.User.Scope());
            return TypedResults.NoContent();
        })).RequireAuthorization(Policies.ProvinceAdmin);

        api.MapGet("/{id:int}/results", (int id, CampaignResults h, HttpContext ctx) => Guard(async () => Found(await h.HandleAsync(id, ctx.User.Scope()))));
        api.MapGet("/{id:int}/progress", (int id, CampaignProgress h, HttpContext ctx) => Guard(async () => Found(await h.HandleAsync(id, ctx.User.Scope()))));
        api.MapGet("/{id:int}/comparison", (int id, CompareStages h, HttpContext ctx) => Guard(async () => Found(await h.HandleAsync(id, ctx.User.Scope()))));
        api.MapGet("/{id:int}/units/{unitId:int}", (int id, int unitId, GetCampaignUnit h, HttpContext ctx) => Guard(async () => Found(await h.HandleAsync(id, unitId, ctx.User.Scope()))));

        api.MapPut("/{id:int}/units/{unitId:int}/stages/{stage}", (int id, int unitId, string stage, StageScoring req, ScoreStage h, HttpContext ctx) => Guard(async () =>
        {
            var r = await h.HandleAsync(id, unitId, req with { Stage = ParseStage(stage) }, ctx.User.Scope());
            return TypedResults.Ok(new { r.Stage, r.Total, r.VetoCap, Submitted = r.IsSubmitted });
        })).RequireAuthorization(Policies.Writer);
        api.MapPost("/{id:int}/units/{unitId:int}/return", (int id, int unitId, ReturnRequest req, ReturnUnit h, HttpContext ctx) => Guard(async () =>
        {
            await h.HandleAsync(id, unitId, ParseStage(req.To), req.Reason, ctx.User.Scope());
            return TypedResults.NoContent();
        })).RequireAuthorization(Policies.Writer);

        api.MapGet("/{id:int}/units/{unitId:int}/findings", async (int id, int unitId, RecordFinding h, HttpContext ctx) =>
            TypedResults.Ok(await h.ListAsync(id, unitId, ctx.User.Scope())));
        api.MapPost("/{id:int}/units/{unitId:int}/findings", (int id, int unitId, NewFinding req, RecordFinding h, HttpContext ctx) => Guard(async () =>
            TypedResults.Ok(new { Id = await h.HandleAsync(id, unitId, req, ctx.User.Scope()) }))).RequireAuthorization(Policies.Writer);
        api.MapGet("/{id:int}/units/{unitId:int}/evidence", async (int id, int unitId, AttachEvidence h, HttpContext ctx) =>
            TypedResults.Ok(await h.ListAsync(id, unitId, ctx.User.Scope())));
        api.MapPost("/{id:int}/units/{unitId:int}/evidence/{stage}", (int id, int unitId, string stage, IFormFile file, AttachEvidence h, HttpContext ctx) => Guard(async () =>
        {
            if (file.Length > Domain.Assessment.EvidenceFile.MaxBytes) throw new AssessmentRuleException("佐证材料不能超过 10 MB");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            return TypedResults.Ok(new { Id = await h.HandleAsync(id, unitId, ParseStage(stage), file.FileName, buffer.ToArray(), ctx.User.Scope()) });
        })).RequireAuthorization(Policies.Writer).DisableAntiforgery(); // the auth cookie is SameSite=Lax: a cross-site POST carries no cookie
        app.MapGet("/api/evidence/{fileId:int}", async (int fileId, AttachEvidence h, HttpContext ctx) =>
            await h.GetAsync(fileId, ctx.User.Scope()) is { } f ? Results.File(f.Content, f.ContentType, f.FileName) : Results.NotFound())
            .WithTags("考核").RequireAuthorization(Policies.SignedIn);
        api.MapPost("/{id:int}/experts/assign", (int id, int? perUnit, AssignExperts h, HttpContext ctx) => Guard(async () =>
            TypedResults.Ok(await h.HandleAsync(id, ctx.User.Scope(), perUnit ?? 1)))).RequireAuthorization(Policies.ProvinceAdmin);
        api.MapPost("/{id:int}/experts/adjust", (int id, AdjustRequest req, AssignExperts h, HttpContext ctx) => Guard(async () =>
        {
            await h.AdjustAsync(id, req.UnitId, req.FromExpertId, req.ToExpertId, req.Reason, ctx.User.Scope());
            return TypedResults.NoContent();
        })).RequireAuthorization(Policies.ProvinceAdmin);
        api.MapPost("/{id:int}/sample", (int id, DrawRequest req, DrawFieldVisits h, HttpContext ctx) => Guard(async () =>
            TypedResults.Ok(await h.HandleAsync(id, req, ctx.User.Scope())))).RequireAuthorization(Policies.ProvinceAdmin);
        api.MapPost("/{id:int}/decisions", (int id, List<GradeDecision> req, DecideAndSeal h, HttpContext ctx) => Guard(async () =>
        {
            await h.DecideAsync(id, req, ctx.User.Scope());
            return TypedResults.NoContent();
        })).RequireAuthorization(Policies.Writer);
        api.MapPost("/{id:int}/confirm", (int id, DecideAndSeal h, HttpContext ctx) => Guard(async () =>
            TypedResults.Ok(new { Confirmed = await h.ConfirmComputedAsync(id, ctx.User.Scope()) }))).RequireAuthorization(Policies.Writer);
        api.MapPost("/{id:int}/seal", (int id, DecideAndSeal h, HttpContext ctx) => Guard(async () =>
        {
            await h.SealAsync(id, ctx.User.Scope());
            return TypedResults.NoContent();
        })).RequireAuthorization(Policies.Writer);

        api.MapGet("/{id:int}/workbook/{stage}", (int id, string stage, string? format, ScoringWorkbook h, HttpContext ctx) => Guard(async () =>
        {
            var f = TableWriter.ParseFormat(format ?? "xlsx");
            var s = ParseStage(stage);
            return TypedResults.File(await h.DownloadAsync(id, s, ctx.User.Scope(), f), TableWriter.ContentType(f), $"{s.ChineseName()}评分表{TableWriter.Extension(f)}");
        }));
        api.MapPost("/{id:int}/workbook/{stage}", (int id, string stage, bool? submit, string? fileName, HttpRequest request, ScoringWorkbook h, HttpContext ctx) => Guard(async () =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            buffer.Position = 0;
            return TypedResults.Ok(await h.UploadAsync(id, ParseStage(stage), TabularFile.Read(buffer, fileName ?? "score.xlsx"), submit ?? false, ctx.User.Scope()));
        })).RequireAuthorization(Policies.Writer).Accepts<byte[]>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        MapSchemes(app.MapGroup("/api/schemes").WithTags("考核指标体系").RequireAuthorization(Policies.SignedIn));
    }

    private static void MapSchemes(RouteGroupBuilder api)
    {
        api.MapGet("/", async (ExportScheme h) => TypedResults.Ok(await h.ListAsync()));
        api.MapGet("/{id:int}/export", async (int id, string? format, ExportScheme h) =>
        {
            var f = TableWriter.ParseFormat(format ?? "xlsx");
            return await h.HandleAsync(id, f) is { } bytes ? Results.File(bytes, TableWriter.ContentType(f), "考核指标体系" + TableWriter.Extension(f)) : Results.NotFound();
        });
        api.MapPost("/import", (string name, string? fileName, HttpRequest request, ImportScheme h, HttpContext ctx) => Guard(async () =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            buffer.Position = 0;
            return TypedResults.Ok(await h.HandleAsync(TabularFile.Read(buffer, fileName ?? "scheme.xlsx"), name, ctx.User.Scope()));
        })).RequireAuthorization(Policies.ProvinceAdmin).Accepts<byte[]>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // A version a campaign has used is never edited: the change goes into a new version, whose id is returned.
        api.MapPut("/{id:int}", (int id, SchemeRevision req, ReviseScheme h, HttpContext ctx) => Guard(async () =>
            TypedResults.Ok(new { Id = await h.HandleAsync(id, req, ctx.User.Scope()) }))).RequireAuthorization(Policies.ProvinceAdmin);
    }

    private static Stage ParseStage(string text) =>
        Stages.TryParse(text, out var s) ? s : throw new AssessmentRuleException($"未知的阶段“{text}”");

    private static IResult Found<T>(T? value) where T : class => value is null ? TypedResults.NotFound() : TypedResults.Ok(value);

    /// <summary>Domain refusals become ProblemDetails: out of scope 404, not allowed 403, a broken rule or bad file 400.</summary>
    private static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try { return await action(); }
        catch (KeyNotFoundException) { return TypedResults.NotFound(); }
        catch (UnauthorizedAccessException) { return TypedResults.Forbid(); }
        catch (AssessmentRuleException e) { return TypedResults.Problem(title: e.Message, statusCode: StatusCodes.Status400BadRequest); }
        catch (ImportRejectedException e) { return TypedResults.ValidationProblem(Problems.Of(e.ImportErrors), title: e.Message); }
    }
}
