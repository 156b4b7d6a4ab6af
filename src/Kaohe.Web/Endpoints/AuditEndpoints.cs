using Kaohe.Features.Audit;
using Kaohe.Web.Security;

namespace Kaohe.Web.Endpoints;

internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("审计").RequireAuthorization(Policies.ProvinceAdmin);
        api.MapGet("/", async (int? unit, string? user, DateOnly? from, DateOnly? to, int? page, ReadAuditTrail read) =>
            TypedResults.Ok(await read.HandleAsync(new AuditQuery(unit, user, from, to, page ?? 1))));
        api.MapGet("/verify", async (VerifyAuditChain verify) => TypedResults.Ok(await verify.HandleAsync()));
    }
}
