using System.Collections.Concurrent;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Writes chunks on a thread of its own while the caller reads the next part of the file: SQLite
/// inserts in this process, so without it reading and inserting take turns on one core. Chunks
/// circulate: the caller fills one while the writer empties another. A writer failure ends the
/// caller's next hand-over with that failure; disposing waits for the writer to stop, so the
/// caller's transaction is never rolled back under a running insert.
/// </summary>
internal sealed class ChunkPipeline : IDisposable
{
    private readonly BlockingCollection<InstalmentChunk> _full = new(boundedCapacity: 1);
    private readonly BlockingCollection<InstalmentChunk> _free = new();
    private readonly CancellationTokenSource _failed = new(), _abandoned = new();
    private readonly Task _writer;

    public ChunkPipeline(Action<InstalmentChunk> write, int chunks = 3)
    {
        for (var i = 0; i < chunks; i++) _free.Add(new InstalmentChunk());
        _writer = Task.Factory.StartNew(() => Run(write), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>An empty chunk to fill.</summary>
    public InstalmentChunk Take() => Guarded(() => _free.Take(_failed.Token));

    /// <summary>Queues a filled chunk for writing and returns an empty one.</summary>
    public InstalmentChunk Hand(InstalmentChunk filled) => Guarded(() =>
    {
        _full.Add(filled, _failed.Token);
        return _free.Take(_failed.Token);
    });

    /// <summary>Waits until every chunk handed over is written; throws what the writer threw.</summary>
    public void Finish()
    {
        _full.CompleteAdding();
        _writer.GetAwaiter().GetResult();
    }

    private void Run(Action<InstalmentChunk> write)
    {
        try
        {
            foreach (var chunk in _full.GetConsumingEnumerable(_abandoned.Token))
            {
                write(chunk);
                chunk.Clear();
                _free.Add(chunk);
            }
        }
        catch
        {
            _failed.Cancel();
            throw;
        }
    }

    private InstalmentChunk Guarded(Func<InstalmentChunk> step)
    {
        try
        {
            return step();
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested)
        {
            _writer.GetAwaiter().GetResult(); // the writer's own exception
            throw;
        }
    }

    /// <summary>Stops the writer; chunks still queued are dropped when <see cref="Finish"/> was not reached (the caller rolls back).</summary>
    public void Dispose()
    {
        if (!_full.IsAddingCompleted) _abandoned.Cancel();
        try
        {
            _writer.Wait();
        }
        catch (AggregateException)
        {
            // Reported by Hand or Finish; disposing after a failure only has to stop the thread.
        }
        _full.Dispose();
        _free.Dispose();
        _failed.Dispose();
        _abandoned.Dispose();
    }
}
