using Kaohe.Features.Ledger;
using Microsoft.Data.Sqlite;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>The bulk writers' buffer (a unit's rows in key order), the SQLite writer's hand-over to its own thread, and its statement.</summary>
public sealed class BulkWriteTests
{
    private static PendingInstalment Row(long key, int ordinal) => new() { Unit = 7, BorrowerKey = key, Ordinal = ordinal };

    private static List<(long Key, int Ordinal)> InKeyOrder(InstalmentChunk chunk)
    {
        var rows = new List<(long, int)>();
        foreach (var run in chunk.Runs)
        {
            for (var i = run.Start; i < run.End; i++) rows.Add((chunk[i].BorrowerKey, chunk[i].Ordinal));
        }
        return rows;
    }

    [Fact]
    public void Chunk_SortedByKey_GivesEveryRowOnce_ByBorrowerThenFileOrder()
    {
        var chunk = new InstalmentChunk();
        long[] keys = [5, 5, -3, 9, 9, 9, -3, 5, long.MinValue, long.MaxValue, 0];
        for (var i = 0; i < keys.Length; i++) chunk.Add(Row(keys[i], i + 1));
        chunk.SortByKey();
        var expected = keys.Select((k, i) => (k, i + 1)).OrderBy(r => r.k).ThenBy(r => r.Item2).ToList();
        Assert.Equal(expected, InKeyOrder(chunk));
        Assert.Equal(7, chunk.Unit);
    }

    [Fact]
    public void Chunk_FillsToCapacity_AndIsEmptyAfterClear()
    {
        var chunk = new InstalmentChunk();
        for (var i = 0; i < InstalmentChunk.Capacity; i++) chunk.Add(Row(i % 1000, i + 1));
        Assert.True(chunk.IsFull);
        chunk.SortByKey();
        Assert.Equal(InstalmentChunk.Capacity, InKeyOrder(chunk).Distinct().Count());
        chunk.Clear();
        Assert.Equal((0, -1, 0), (chunk.Count, chunk.Unit, chunk.Runs.Length));
    }

    [Fact]
    public void Pipeline_WritesEveryChunkHandedOver_InOrder()
    {
        var written = new List<int>();
        using (var pipeline = new ChunkPipeline(c => written.Add(c[0].Ordinal)))
        {
            var chunk = pipeline.Take();
            for (var i = 1; i <= 10; i++)
            {
                chunk.Add(Row(1, i));
                chunk = pipeline.Hand(chunk);
            }
            pipeline.Finish();
        }
        Assert.Equal(Enumerable.Range(1, 10), written);
    }

    [Fact]
    public void Pipeline_AWriterFailure_ReachesTheCaller()
    {
        using var pipeline = new ChunkPipeline(_ => throw new InvalidOperationException("disk full"));
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            var chunk = pipeline.Take();
            for (var i = 1; i <= 10; i++)
            {
                chunk.Add(Row(1, i));
                chunk = pipeline.Hand(chunk);
            }
            pipeline.Finish();
        });
        Assert.Equal("disk full", e.Message);
    }

    [Fact]
    public async Task Pipeline_DisposedAfterAFailureElsewhere_WaitsForTheChunkBeingWritten()
    {
        using var inside = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var done = false;
        var pipeline = new ChunkPipeline(_ => { inside.Set(); gate.Wait(); done = true; });
        var chunk = pipeline.Take();
        chunk.Add(Row(1, 1));
        _ = pipeline.Hand(chunk);
        Assert.True(inside.Wait(TimeSpan.FromSeconds(10)));
        var disposing = Task.Run(pipeline.Dispose); // as the caller does when its own part failed, before rolling back
        Assert.NotSame(disposing, await Task.WhenAny(disposing, Task.Delay(200, TestContext.Current.CancellationToken)));
        gate.Set();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(done);
    }

    [Fact]
    public void Statement_BindsEachKindOfValue_AndEmptyTextIsNotNull()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        using (var create = conn.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (n INTEGER, s TEXT, e TEXT, z TEXT, b BLOB)";
            create.ExecuteNonQuery();
        }
        using (var insert = new SqliteStatement(conn, "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            insert.Bind(1, long.MinValue);
            insert.BindText(2, "瀍河回族区");
            insert.BindText(3, ReadOnlySpan<byte>.Empty);
            insert.BindText(4, (string?)null);
            insert.BindBlob(5, [0, 255]);
            insert.Execute();
            insert.Bind(1, 42);
            insert.Execute(); // the other values stay bound
        }
        using var read = conn.CreateCommand();
        read.CommandText = "SELECT n, s, e, z IS NULL, hex(b) FROM t ORDER BY n";
        using var r = read.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal((long.MinValue, "瀍河回族区", "", 1L, "00FF"), (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4)));
        Assert.True(r.Read());
        Assert.Equal((42L, "瀍河回族区"), (r.GetInt64(0), r.GetString(1)));
    }

    [Fact]
    public void Statement_AFailedStep_ThrowsSqlitesMessage_AndTheStatementGoesOn()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        using (var create = conn.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (n INTEGER PRIMARY KEY)";
            create.ExecuteNonQuery();
        }
        using var insert = new SqliteStatement(conn, "INSERT INTO t VALUES (?1)");
        insert.Bind(1, 1);
        insert.Execute();
        var e = Assert.Throws<SqliteException>(insert.Execute);
        Assert.Contains("UNIQUE", e.Message, StringComparison.Ordinal);
        insert.Bind(1, 2);
        insert.Execute();
    }
}
