using Kaohe.Features.Ledger;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>The bulk writers' buffer (a unit's rows in key order) and the SQLite writer's hand-over to its own thread.</summary>
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
}
