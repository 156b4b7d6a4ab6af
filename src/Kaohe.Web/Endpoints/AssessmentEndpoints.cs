using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaohe.Web.Endpoints;

public sealed record ReturnRequest(string To, string Reason);

public sealed record AdjustRequest(int UnitId, int FromExpertId, int ToExpertId, string Reason);

/// <summary>The id of what a request created (a campaign, a finding, an evidence file, a scheme version).</summary>
public sealed record CreatedId(int Id);

/// <summary>A stage's scores as saved: the total, the cap a veto sets, and whether it was submitted (locked).</summary>
public sealed record StageScored(Stage Stage, decimal Total, Grade? VetoCap, bool Submitted);

/// <summary>How many units got their computed grade confirmed.</summary>
public sealed record ComputedConfirmed(int Confirmed);

/// <summary>
/// The assessment API: campaigns, stages, scoring, returns, experts, field-visit draw, decision and seal, schemes.
/// Scope and roles are the handlers' (<see cref="AssessmentPermissions"/>); their refusals are problem details.
/// </summary>
internal static class AssessmentEndpoints
{
    private static readonly string[] EvidenceTypes =
        ["application/pdf", "image/jpeg", "image/png", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Uploads.Xlsx];

    public static void MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").WithTags(AssessmentTexts.ApiTag).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", ListCampaigns);
        api.MapGet("/{id:int}", GetCampaign).Refuses(ErrorKind.NotFound);
        api.MapPost("/", CreateCampaign).RequireAuthorization(Policies.ProvinceAdmin).Refuses(ErrorKind.Forbidden, ErrorKind.Invalid);
        api.MapPost("/{id:int}/stages/{stage}/{action:regex(^(open|close)$)}", ScheduleStage)
            .RequireAuthorization(Policies.ProvinceAdmin).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict);

        api.MapGet("/{id:int}/results", CampaignResults).Refuses(ErrorKind.NotFound);
        api.MapGet("/{id:int}/progress", CampaignProgress).Refuses(ErrorKind.NotFound);
        api.MapGet("/{id:int}/comparison", CompareStages).Refuses(ErrorKind.NotFound);
        api.MapGet("/{id:int}/units/{unitId:int}", GetCampaignUnit).Refuses(ErrorKind.NotFound);

        api.MapPut("/{id:int}/units/{unitId:int}/stages/{stage}", ScoreStage).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict);
        api.MapPost("/{id:int}/units/{unitId:int}/return", ReturnUnit).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict);

        api.MapGet("/{id:int}/units/{unitId:int}/findings", ListFindings).Refuses(ErrorKind.NotFound);
        api.MapPost("/{id:int}/units/{unitId:int}/findings", RecordFinding).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict);
        api.MapGet("/{id:int}/units/{unitId:int}/evidence", ListEvidence).Refuses(ErrorKind.NotFound);
        api.MapPost("/{id:int}/units/{unitId:int}/evidence/{stage}", AttachEvidence).RequireAuthorization(Policies.Writer)
            .Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict).DisableAntiforgery(); // the auth cookie is SameSite=Lax: a cross-site POST carries no cookie
        app.MapGet("/api/evidence/{fileId:int}", GetEvidenceFile).WithTags(AssessmentTexts.ApiTag).RequireAuthorization(Policies.SignedIn)
            .Produces<byte[]>(StatusCodes.Status200OK, EvidenceTypes[0], EvidenceTypes[1..]).Refuses(ErrorKind.NotFound);

        api.MapPost("/{id:int}/experts/assign", AssignExperts).RequireAuthorization(Policies.ProvinceAdmin).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Conflict);
        api.MapPost("/{id:int}/experts/adjust", ReassignExpert).RequireAuthorization(Policies.ProvinceAdmin).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict);
        api.MapPost("/{id:int}/sample", DrawFieldVisits).RequireAuthorization(Policies.ProvinceAdmin).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Conflict);
        api.MapPost("/{id:int}/decisions", DecideGrades).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict);
        api.MapPost("/{id:int}/confirm", ConfirmComputedGrades).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Conflict);
        api.MapPost("/{id:int}/seal", SealResults).RequireAuthorization(Policies.Writer).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict);

        api.MapGet("/{id:int}/workbook/{stage}", DownloadScoringWorkbook)
            .Produces<byte[]>(StatusCodes.Status200OK, Uploads.Xlsx, Uploads.Csv).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid);
        api.MapPost("/{id:int}/workbook/{stage}", UploadScoringWorkbook).RequireAuthorization(Policies.Writer).AcceptsTable()
            .Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid, ErrorKind.Conflict);

        var schemes = app.MapGroup("/api/schemes").WithTags(AssessmentTexts.SchemesApiTag).RequireAuthorization(Policies.SignedIn);
        schemes.MapGet("/", ListSchemes);
        schemes.MapGet("/{id:int}/export", ExportScheme).Produces<byte[]>(StatusCodes.Status200OK, Uploads.Xlsx, Uploads.Csv).Refuses(ErrorKind.NotFound);
        schemes.MapPost("/import", ImportScheme).RequireAuthorization(Policies.ProvinceAdmin).AcceptsTable().Refuses(ErrorKind.Forbidden, ErrorKind.Invalid);
        // A version a campaign has used is never edited: the change goes into a new version, whose id is returned.
        schemes.MapPut("/{id:int}", ReviseScheme).RequireAuthorization(Policies.ProvinceAdmin).Refuses(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Invalid);
    }

    private static async Task<Ok<List<CampaignSummary>>> ListCampaigns(ListCampaigns handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(ctx.User.Scope()));

    private static async Task<Ok<CampaignSummary>> GetCampaign(int id, GetCampaign handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, ctx.User.Scope()));

    private static async Task<Ok<CreatedId>> CreateCampaign(NewCampaign req, CreateCampaign handler, HttpContext ctx) =>
        TypedResults.Ok(new CreatedId((await handler.HandleAsync(req, ctx.User.Scope())).Id));

    private static async Task<NoContent> ScheduleStage(int id, string stage, string action, OpenStage opening, CloseStage closing, HttpContext ctx)
    {
        var s = ParseStage(stage);
        if (action == "open") await opening.HandleAsync(id, s, ctx.User.Scope());
        else await closing.HandleAsync(id, s, ctx.User.Scope());
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ResultsView>> CampaignResults(int id, CampaignResults handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, ctx.User.Scope()));

    private static async Task<Ok<List<CityProgress>>> CampaignProgress(int id, CampaignProgress handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, ctx.User.Scope()));

    private static async Task<Ok<ComparisonView>> CompareStages(int id, CompareStages handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, ctx.User.Scope()));

    private static async Task<Ok<CampaignUnitView>> GetCampaignUnit(int id, int unitId, GetCampaignUnit handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, unitId, ctx.User.Scope()));

    private static async Task<Ok<StageScored>> ScoreStage(int id, int unitId, string stage, StageScoring req, ScoreStage handler, HttpContext ctx)
    {
        var r = await handler.HandleAsync(id, unitId, req with { Stage = ParseStage(stage) }, ctx.User.Scope());
        return TypedResults.Ok(new StageScored(r.Stage, r.Total, r.VetoCap, r.IsSubmitted));
    }

    private static async Task<NoContent> ReturnUnit(int id, int unitId, ReturnRequest req, ReturnUnit handler, HttpContext ctx)
    {
        await handler.HandleAsync(id, unitId, ParseStage(req.To), req.Reason, ctx.User.Scope());
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<FindingView>>> ListFindings(int id, int unitId, ListFindings handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, unitId, ctx.User.Scope()));

    private static async Task<Ok<CreatedId>> RecordFinding(int id, int unitId, NewFinding req, RecordFinding handler, HttpContext ctx) =>
        TypedResults.Ok(new CreatedId(await handler.HandleAsync(id, unitId, req, ctx.User.Scope())));

    private static async Task<Ok<List<EvidenceInfo>>> ListEvidence(int id, int unitId, ListEvidence handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, unitId, ctx.User.Scope()));

    private static async Task<Ok<CreatedId>> AttachEvidence(int id, int unitId, string stage, IFormFile file, AttachEvidence handler, HttpContext ctx)
    {
        if (file.Length > EvidenceFile.MaxBytes) throw KaoheException.Invalid(AssessmentTexts.EvidenceTooLarge);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ctx.RequestAborted);
        return TypedResults.Ok(new CreatedId(await handler.HandleAsync(id, unitId, ParseStage(stage), file.FileName, buffer.ToArray(), ctx.User.Scope())));
    }

    private static async Task<FileContentHttpResult> GetEvidenceFile(int fileId, GetEvidenceFile handler, HttpContext ctx)
    {
        var f = await handler.HandleAsync(fileId, ctx.User.Scope());
        return TypedResults.File(f.Content, f.ContentType, f.FileName);
    }

    private static async Task<Ok<AssignmentResult>> AssignExperts(int id, int? perUnit, AssignExperts handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, ctx.User.Scope(), perUnit ?? 1));

    private static async Task<NoContent> ReassignExpert(int id, AdjustRequest req, ReassignExpert handler, HttpContext ctx)
    {
        await handler.HandleAsync(id, req.UnitId, req.FromExpertId, req.ToExpertId, req.Reason, ctx.User.Scope());
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DrawResult>> DrawFieldVisits(int id, DrawRequest req, DrawFieldVisits handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(id, req, ctx.User.Scope()));

    private static async Task<NoContent> DecideGrades(int id, List<GradeDecision> req, DecideGrades handler, HttpContext ctx)
    {
        await handler.HandleAsync(id, req, ctx.User.Scope());
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ComputedConfirmed>> ConfirmComputedGrades(int id, ConfirmComputedGrades handler, HttpContext ctx) =>
        TypedResults.Ok(new ComputedConfirmed(await handler.HandleAsync(id, ctx.User.Scope())));

    private static async Task<NoContent> SealResults(int id, SealResults handler, HttpContext ctx)
    {
        await handler.HandleAsync(id, ctx.User.Scope());
        return TypedResults.NoContent();
    }

    private static async Task<FileContentHttpResult> DownloadScoringWorkbook(int id, string stage, string? format, DownloadScoringWorkbook handler, HttpContext ctx)
    {
        var f = TableWriter.ParseFormat(format ?? "xlsx");
        var s = ParseStage(stage);
        return TypedResults.File(await handler.HandleAsync(id, s, ctx.User.Scope(), f), TableWriter.ContentType(f), AssessmentTexts.WorkbookFileName(s) + TableWriter.Extension(f));
    }

    private static async Task<Ok<WorkbookUploaded>> UploadScoringWorkbook(int id, string stage, bool? submit, string? fileName, HttpRequest request,
        UploadScoringWorkbook handler, HttpContext ctx)
    {
        var (content, name) = await Uploads.ReadAsync(request, fileName, "score");
        using (content)
            return TypedResults.Ok(await handler.HandleAsync(id, ParseStage(stage), TabularFile.Read(content, name), submit ?? false, ctx.User.Scope()));
    }

    private static async Task<Ok<List<SchemeSummary>>> ListSchemes(ListSchemes handler) => TypedResults.Ok(await handler.HandleAsync());

    private static async Task<FileContentHttpResult> ExportScheme(int id, string? format, ExportScheme handler)
    {
        var f = TableWriter.ParseFormat(format ?? "xlsx");
        return TypedResults.File(await handler.HandleAsync(id, f), TableWriter.ContentType(f), AssessmentTexts.SchemeFileName + TableWriter.Extension(f));
    }

    private static async Task<Ok<SchemeSummary>> ImportScheme(string name, string? fileName, HttpRequest request, ImportScheme handler, HttpContext ctx)
    {
        var (content, file) = await Uploads.ReadAsync(request, fileName, "scheme");
        using (content)
            return TypedResults.Ok(await handler.HandleAsync(TabularFile.Read(content, file), name, ctx.User.Scope()));
    }

    private static async Task<Ok<CreatedId>> ReviseScheme(int id, SchemeRevision req, ReviseScheme handler, HttpContext ctx) =>
        TypedResults.Ok(new CreatedId(await handler.HandleAsync(id, req, ctx.User.Scope())));

    private static Stage ParseStage(string text) =>
        Stages.TryParse(text, out var s) ? s : throw KaoheException.Invalid(AssessmentTexts.UnknownStage(text));
}
