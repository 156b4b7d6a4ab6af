using Kaohe.Common.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Errors;

/// <summary>
/// The one place where Kaohe's error contract (<see cref="KaoheException"/>) becomes HTTP: the status of each kind,
/// RFC 7807 problem details for the API, and the page's answer for Razor Pages.
/// </summary>
public static class ErrorResults
{
    /// <summary>Whether a path is the JSON API's (its refusals are problem details, not pages): /api, and the OpenAPI document.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Busy or ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The status of a response to an unhandled exception (<see cref="ExceptionHandlerOptions.StatusCodeSelector"/>).</summary>
    public static int StatusOf(Exception e) => e switch
    {
        KaoheException k => StatusOf(k.Kind),
        _ when Data.DatabaseBusy.Is(e) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The problem details of a refusal: Chinese title and detail, and the fields or rows at fault.</summary>
    public static ProblemDetails Problem(KaoheException e)
    {
        var problem = e.Errors.Count > 0 ? new HttpValidationProblemDetails(e.Errors.ToDictionary()) : new ProblemDetails();
        problem.Status = StatusOf(e.Kind);
        problem.Title = e.Title;
        problem.Detail = e.Detail;
        return problem;
    }

    /// <summary>Chinese problem details for an /api answer that has a status and no body yet (set by a policy or routing, not by a use case).</summary>
    public static async Task WriteStatusProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var title = http.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => ErrorTexts.SignInFirst,
            StatusCodes.Status403Forbidden => ErrorTexts.Forbidden,
            StatusCodes.Status404NotFound => ErrorTexts.NotFound,
            StatusCodes.Status405MethodNotAllowed => ErrorTexts.MethodNotAllowed,
            StatusCodes.Status415UnsupportedMediaType => ErrorTexts.UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => ErrorTexts.TooManyRequests,
            _ => ErrorTexts.Invalid,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode, Title = title },
        });
    }

    /// <summary>
    /// Runs a page handler under the contract: not found and forbidden answer as the page's 404 and 403, any other
    /// refusal is shown on the page by <paramref name="show"/> (which puts the message where the form shows errors and
    /// returns the page).
    /// </summary>
    public static async Task<IActionResult> RunAsync(this PageModel page, Func<Task<IActionResult>> action, Func<KaoheException, Task<IActionResult>> show)
    {
        try { return await action(); }
        catch (KaoheException e) when (e.Kind == ErrorKind.NotFound) { return page.NotFound(); }
        catch (KaoheException e) when (e.Kind == ErrorKind.Forbidden) { return page.Forbid(); }
        catch (KaoheException e) { return await show(e); }
    }
}

/// <summary>Answers an API request whose use case refused with problem details; pages get the error page for the same status.</summary>
internal sealed class KaoheExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not KaoheException refusal) return false;
        context.Response.StatusCode = ErrorResults.StatusOf(refusal.Kind);
        // The request's path is the error page's by now; the feature keeps the one asked for.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        if (!ErrorResults.IsApi(path)) return false;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = ErrorResults.Problem(refusal) });
    }
}
