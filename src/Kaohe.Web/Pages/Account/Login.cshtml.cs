using Kaohe.Features.Accounts;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kaohe.Web.Pages.Account;

/// <summary>The login form; it signs in through the same <see cref="SignInGate"/> as the API, with the same answers.</summary>
[EnableRateLimiting(SignInGate.Policy)]
public sealed class LoginModel(SignInGate gate) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await gate.SignInAsync(HttpContext, UserName, Password);
        if (outcome.RetryAfter is { } wait)
        {
            SignInGate.SetRetryAfter(Response, wait);
            Error = $"{AccountTexts.TooManyAttempts}，{AccountTexts.TryAgainIn(wait)}";
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }
        if (!outcome.Succeeded)
        {
            Error = AccountTexts.BadCredentials;
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
