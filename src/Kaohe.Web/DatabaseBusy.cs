using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Kaohe.Web;

/// <summary>
/// SQLite has one writer at a time, and a province's ledger import holds the write lock for as long as it writes
/// (a minute or more for millions of rows). Any other write meanwhile waits the connection's busy timeout (30 s) and
/// then fails with SQLITE_BUSY ("database is locked"). That is not a fault to report as "出错了": it is answered 503
/// with what happened and what to do, on the error page for a page and as a problem for the API. The import's own
/// wait for another import is <c>ImportBusyException</c>, answered where it is thrown.
/// </summary>
internal static class DatabaseBusy
{
    public const string Title = "数据库正忙";
    public const string Message = "台账导入正在写入数据库，本次操作未能完成，也未做任何改动；请稍后再试。";

    /// <summary>Whether the request failed because SQLite's write lock stayed taken (the driver's error, as thrown or inside EF's).</summary>
    public static bool Is(Exception? e) => e switch
    {
        null => false,
        SqliteException s => s.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY,
        _ => Is(e.InnerException),
    };

    /// <summary>The status of a response to an unhandled exception (<see cref="ExceptionHandlerOptions.StatusCodeSelector"/>).</summary>
    public static int StatusCode(Exception e) => Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
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
