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
        api.MapPost("/session", SignIn).AllowAnonymous().ProducesProblem(StatusCodes.Status401Unauthorized);
        // As a Delegate: a method of HttpContext alone would bind as a RequestDelegate, which drops the typed result from OpenAPI.
        api.MapDelete("/session", (Delegate)SignOut);
        api.MapGet("/me", GetMe);
    }

    /// <summary>Signs in with the cookie; a turned-away attempt (wrong password, locked, inactive) is 401 with the reason as detail.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(SessionRequest request, SignIn handler, HttpContext ctx)
    {
        var result = await handler.HandleAsync(request.UserName ?? "", request.Password ?? "");
        if (!result.Succeeded) return TypedResults.Problem(result.Error, statusCode: StatusCodes.Status401Unauthorized, title: AccountTexts.SignInFailed);
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Claims.Principal(result.Scope!, result.DisplayName!, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOut(HttpContext ctx)
    {
        await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<Me> GetMe(HttpContext ctx)
    {
        var s = ctx.User.Scope();
        return TypedResults.Ok(new Me(s.UserId, s.UserName, ctx.User.DisplayNameOf(), s.Role.ToString(), s.Role.ChineseName(), s.UnitId, s.CityGroupId));
    }
}
