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
        api.MapPost("/session", SignIn).AllowAnonymous().RequireRateLimiting(SignInGate.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        // As a Delegate: a method of HttpContext alone would bind as a RequestDelegate, which drops the typed result from OpenAPI.
        api.MapDelete("/session", (Delegate)SignOut);
        api.MapGet("/me", GetMe);
    }

    /// <summary>
    /// Signs in with the cookie. Every failed attempt is the same 401, whatever the cause (docs/sign-in.md); too many
    /// attempts from the caller's address, or failures of the name from it, are 429 with Retry-After.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(SessionRequest request, SignInGate gate, HttpContext ctx)
    {
        var outcome = await gate.SignInAsync(ctx, request.UserName ?? "", request.Password ?? "");
        if (outcome.RetryAfter is { } wait)
        {
            SignInGate.SetRetryAfter(ctx.Response, wait);
            return TypedResults.Problem(AccountTexts.TryAgainIn(wait), statusCode: StatusCodes.Status429TooManyRequests, title: AccountTexts.TooManyAttempts);
        }
        if (!outcome.Succeeded) return TypedResults.Problem(AccountTexts.BadCredentials, statusCode: StatusCodes.Status401Unauthorized, title: AccountTexts.SignInFailed);
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
