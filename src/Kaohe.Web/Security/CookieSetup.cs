using Kaohe.Data;
using Kaohe.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Web.Security;

internal static class CookieSetup
{
    public static void Configure(CookieAuthenticationOptions o, bool requireHttps)
    {
        o.Cookie.Name = "kaohe.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/Account/Denied";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnRedirectToLogin = ctx => Api(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => Api(ctx, StatusCodes.Status403Forbidden);
        o.Events.OnValidatePrincipal = RevalidateAsync;
    }

    // The API answers with a status code, never a redirect to the login page.
    private static Task Api(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (Errors.ErrorResults.IsApi(ctx.Request.Path)) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    // A cookie is only as good as the account behind it: a deactivated account, or a changed role or
    // binding, ends the session at the next request instead of at cookie expiry.
    private static async Task RevalidateAsync(CookieValidatePrincipalContext ctx)
    {
        var scope = ctx.Principal!.Scope();
        var db = ctx.HttpContext.RequestServices.GetRequiredService<KaoheDbContext>();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == scope.UserId);
        if (user is null || !user.IsActive || SignIn.ScopeOf(user) != scope)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
