using Kaohe.Data;
using Kaohe.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>
/// On SQLite a command that writes while an import holds the database waits its busy timeout, then says so in Chinese
/// and writes nothing, instead of ending on the driver's exception.
/// </summary>
public sealed class BusyDatabaseCommandTests
{
    [Fact]
    public async Task ACommandThatWrites_WhileAnImportHoldsTheDatabase_SaysSo_WritesNothing_ThenGoesThrough()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Path.Combine(TestFolders.Create("kaohe-busy-"), "k.db");
        Assert.Equal(0, (await KaoheProcess.RunAsync("demo", "load", "--db", db)).Code);
        string[] addUser = ["users", "add", "--user", "busy1", "--name", "王忙", "--role", "CountyOperator", "--unit", "410103", "--password", "kaohe2026"];

        await using var holder = new SqliteConnection($"Data Source={db};Pooling=False");
        await holder.OpenAsync(ct);
        (int Code, string Output) refused;
        using (var held = holder.BeginTransaction()) // BEGIN IMMEDIATE: the write lock, as an import in progress holds it
        {
            // A connection string keeps its busy timeout: 1 s instead of the 30 s a path gets.
            refused = await KaoheProcess.RunAsync([.. addUser, "--db", $"Data Source={db};Default Timeout=1"]);
        }
        Assert.Equal(2, refused.Code);
        Assert.Contains(DatabaseBusy.Message, refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("busy1", (await KaoheProcess.RunAsync("users", "list", "--db", db)).Output, StringComparison.Ordinal);

        Assert.Equal(0, (await KaoheProcess.RunAsync([.. addUser, "--db", db])).Code);
        Assert.Contains("busy1", (await KaoheProcess.RunAsync("users", "list", "--db", db)).Output, StringComparison.Ordinal);
    }
}
