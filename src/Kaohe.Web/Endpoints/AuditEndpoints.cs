using Kaohe.Features.Audit;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaohe.Web.Endpoints;

/// <summary>The province administrator's trail and its check; neither refuses anything the policy lets through.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags(AuditTexts.ApiTag).RequireAuthorization(Policies.ProvinceAdmin);
        api.MapGet("/", ReadTrail);
        api.MapGet("/verify", VerifyChain);
    }

    private static async Task<Ok<AuditPage>> ReadTrail(int? unit, string? user, DateOnly? from, DateOnly? to, int? page, ReadAuditTrail read) =>
        TypedResults.Ok(await read.HandleAsync(new AuditQuery(unit, user, from, to, page ?? 1)));

    private static async Task<Ok<AuditVerification>> VerifyChain(VerifyAuditChain verify) => TypedResults.Ok(await verify.HandleAsync());
}
