using Kaohe.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Kaohe.Web;

/// <summary>The web app's answer to <see cref="Kaohe.Data.DatabaseBusy"/>: 503, on the error page for a page and as a problem for the API.</summary>
internal static class DatabaseBusyStatus
{
    /// <summary>The status of a response to an unhandled exception (<see cref="ExceptionHandlerOptions.StatusCodeSelector"/>).</summary>
    public static int Of(Exception e) => DatabaseBusy.Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
}

/// <summary>Answers the API's requests that met a busy database with a problem; pages get the error page, which says the same.</summary>
internal sealed class DatabaseBusyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The request's path is the error page's by now; the feature keeps the one asked for.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        if (!DatabaseBusy.Is(exception) || !path.StartsWithSegments("/api")) return false;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = DatabaseBusy.Title, Detail = DatabaseBusy.Message },
        });
    }
}
