using Microsoft.Data.Sqlite;

namespace Kaohe.Data;

/// <summary>
/// SQLite has one writer at a time, and a province's ledger import holds the write lock for as long as it writes
/// (a minute or more for millions of rows). Any other write meanwhile waits the connection's busy timeout (30 s) and
/// then fails with SQLITE_BUSY ("database is locked"). That is not a fault to report as "出错了": the web app answers
/// it 503 and the command line prints it, both with what happened and what to do. The import's own wait for another
/// import is <c>ImportBusyException</c>, answered where it is thrown.
/// </summary>
public static class DatabaseBusy
{
    public const string Title = "数据库正忙";
    public const string Message = "台账导入正在写入数据库，本次操作未能完成，也未做任何改动；请稍后再试。";

    /// <summary>Whether the operation failed because SQLite's write lock stayed taken (the driver's error, as thrown or inside EF's).</summary>
    public static bool Is(Exception? e) => e switch
    {
        null => false,
        SqliteException s => s.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY,
        _ => Is(e.InnerException),
    };
}
