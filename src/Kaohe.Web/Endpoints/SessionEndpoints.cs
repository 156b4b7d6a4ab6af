using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaohe.Web.Endpoints;

public sealed record SessionRequest(string UserName, string Password);

public sealed record Me(int Id, string UserName, string DisplayName, string Role, string RoleName, int? UnitId, int? CityGroupId);

internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("会话");
        api.MapPost("/session", SignInAsync).AllowAnonymous();
        api.MapDelete("/session", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        api.MapGet("/me", (HttpContext ctx) =>
        {
            var s = ctx.User.Scope();
            return TypedResults.Ok(new Me(s.UserId, s.UserName, ctx.User.DisplayNameOf(), s.Role.ToString(), s.Role.ChineseName(), s.UnitId, s.CityGroupId));
        });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(SessionRequest request, SignIn signIn, HttpContext ctx)
    {
        var result = await signIn.HandleAsync(request.UserName ?? "", request.Password ?? "");
        if (!result.Succeeded) return TypedResults.Problem(result.Error, statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Claims.Principal(result.Scope!, result.DisplayName!, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.NoContent();
    }
}
