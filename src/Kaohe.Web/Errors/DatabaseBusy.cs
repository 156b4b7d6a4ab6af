using Kaohe.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Kaohe.Web.Errors;

/// <summary>Answers the API's requests that met a busy database with a problem; pages get the error page, which says the same.</summary>
internal sealed class DatabaseBusyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The request's path is the error page's by now; the feature keeps the one asked for.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        if (!DatabaseBusy.Is(exception) || !ErrorResults.IsApi(path)) return false;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = DatabaseBusy.Title, Detail = DatabaseBusy.Message },
        });
    }
}
