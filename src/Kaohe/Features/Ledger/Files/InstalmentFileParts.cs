using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Reads a large 还款计划 CSV on all cores: the file is cut at line breaks into chunks, several per core, and one
/// worker per core takes the next chunk until none is left, so a core that is slowed down (by another process, by
/// the runtime's own threads) reads fewer chunks instead of holding up the file. Each worker has one validator and
/// one sink part for all its chunks, and checks the rules between its rows once it has read them all (a contract met
/// in two chunks as one met twice in a chunk); then the workers are checked against each other and joined. The fast
/// path only answers for a valid file: when a chunk has a bad row, when a quoted field spans a cut, or when rows
/// break a cross-row rule together, it gives up (null) and the caller reads the file once more in one sequential
/// pass, which reports every error with its exact line number. A cancelled read stops every worker at its next
/// progress point or chunk and throws <see cref="OperationCanceledException"/>, never falling back to the one-pass read.
/// </summary>
internal static class InstalmentFileParts
{
    /// <summary>A chunk smaller than this is not worth a thread.</summary>
    private const long MinPartBytes = 4 << 20;

    /// <summary>Chunks per worker: enough that the last chunks even out the workers, few enough to stay large.</summary>
    private const int ChunksPerWorker = 8;

    /// <summary>A worker's validator and sink part, made by its own thread (their tables are its own), and what it read.</summary>
    private sealed class Worker(InstalmentValidator validator, IPartitionedSink? sink)
    {
        public InstalmentValidator Validator { get; } = validator;
        public IPartitionedSink? Sink { get; } = sink;
        public long Rows { get; set; }
    }

    /// <param name="partCount">The number of chunks, or 0 for <see cref="ChunksPerWorker"/> per core (each at least <see cref="MinPartBytes"/>).</param>
    public static InstalmentFileResult? TryRead(string path, UnitResolver units, IPartitionedSink? sink, Func<int, bool>? unitAllowed,
        Action<long>? progress, bool hash, int partCount = 0, CancellationToken ct = default)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(file);
        var cores = (int)Math.Min(Environment.ProcessorCount, length / MinPartBytes);
        var count = partCount > 0 ? partCount : (int)Math.Min(cores * ChunksPerWorker, length / MinPartBytes);
        if ((partCount == 0 && cores < 2) || count < 2 || ReadHeader(file) is not { } header) return null;
        var cuts = Cuts(file, header.DataStart, length, count);
        var chunks = cuts.Zip(cuts.Skip(1)).ToList();
        var workers = new Worker[Math.Clamp(Environment.ProcessorCount, 2, chunks.Count)];
        var share = (length - header.DataStart) / workers.Length;
        var shared = new SharedProgress(progress, workers.Length);
        var sha = hash ? Task.Run(() => Sha256(file)) : Task.FromResult("");
        var (next, givenUp) = (-1, false);
        // With the token in the options, a worker's OperationCanceledException comes out as one, not inside an AggregateException.
        Parallel.For(0, workers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers.Length, CancellationToken = ct }, w =>
        {
            var worker = workers[w] = new Worker(new InstalmentValidator(units, unitAllowed, share, partOfFile: true), sink?.NewPart(share));
            var buffer = new byte[1 << 20];
            long done = 0;
            // A bad row or a cut inside a quoted field anywhere sends the file to the one-pass read: the others stop too.
            for (int c; !Volatile.Read(ref givenUp) && (c = Interlocked.Increment(ref next)) < chunks.Count;)
            {
                ct.ThrowIfCancellationRequested();
                var (start, end) = chunks[c];
                var csv = new CsvByteReader(new FileSliceStream(file, start), header.Encoding, end - start, buffer);
                worker.Rows += InstalmentFile.ReadRows(csv, header.Columns, header.Count, worker.Validator, worker.Sink, bytes => shared.Report(w, done + bytes), ct);
                done += end - start;
                if (csv.Position != end - start || worker.Validator.ErrorCount > 0) Volatile.Write(ref givenUp, true);
            }
            if (!Volatile.Read(ref givenUp) && !worker.Validator.Settle()) Volatile.Write(ref givenUp, true);
        });
        ct.ThrowIfCancellationRequested(); // a cancelled read never goes on to the one-pass read
        if (givenUp || workers.Sum(w => w.Rows) == 0) return null;
        // The workers' sinks are joined into the first while the cross-worker rules are checked on the other core;
        // the caller's sink only receives the joined part once the file is known to be valid.
        var joined = Task.Run(() => JoinParts(workers));
        var conflicts = Conflicts(workers);
        var all = joined.GetAwaiter().GetResult();
        if (conflicts) return null;
        if (all is not null) sink!.Join(all);
        var validator = workers[0].Validator;
        foreach (var worker in workers.Skip(1))
        {
            validator.UnitIds.UnionWith(worker.Validator.UnitIds);
            validator.JoinOverpaid(worker.Validator);
        }
        return InstalmentFile.Result(path, sha.GetAwaiter().GetResult(), workers.Sum(w => w.Rows), validator);
    }

    private static IPartitionedSink? JoinParts(Worker[] workers)
    {
        var first = workers[0].Sink;
        foreach (var worker in workers.Skip(1)) first?.Join(worker.Sink!);
        return first;
    }

    private static bool Conflicts(Worker[] workers)
    {
        for (var j = 1; j < workers.Length; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (workers[i].Validator.ConflictsWith(workers[j].Validator)) return true;
            }
        }
        return false;
    }

    private sealed record Header(int[] Columns, int Count, Encoding Encoding, long DataStart);

    /// <summary>The header's columns, or null when it is not a valid 还款计划 header (the sequential pass reports why).</summary>
    private static Header? ReadHeader(SafeFileHandle file)
    {
        var csv = new CsvByteReader(new FileSliceStream(file, 0), 1 << 16);
        if (!csv.Read()) return null;
        var headers = InstalmentFile.Header(csv);
        var at = InstalmentColumns.Resolve(headers, []);
        return at.Any(c => c < 0) ? null : new Header(at, headers.Count, csv.Encoding, csv.Position);
    }

    /// <summary>Part boundaries: the start of data, a line start near each equal share of the file, and its end.</summary>
    private static List<long> Cuts(SafeFileHandle file, long dataStart, long length, int count)
    {
        var cuts = new List<long> { dataStart };
        var buffer = new byte[1 << 16];
        for (var k = 1; k < count; k++)
        {
            var at = Math.Max(cuts[^1], dataStart + (length - dataStart) * k / count);
            while (at < length)
            {
                var n = RandomAccess.Read(file, buffer, at);
                var newline = buffer.AsSpan(0, n).IndexOf((byte)'\n');
                if (newline >= 0) { at += newline + 1; break; }
                at += n;
            }
            if (at < length && at > cuts[^1]) cuts.Add(at);
        }
        cuts.Add(length);
        return cuts;
    }

    private static string Sha256(SafeFileHandle file)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long at = 0;
        for (int n; (n = RandomAccess.Read(file, buffer, at)) > 0; at += n) sha.AppendData(buffer, 0, n);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Sums the workers' bytes read for one progress callback, called by one thread at a time.</summary>
    private sealed class SharedProgress(Action<long>? progress, int workers)
    {
        private readonly long[] _bytes = new long[workers];
        private readonly Lock _lock = new();

        public void Report(int worker, long bytes)
        {
            if (progress is null) return;
            lock (_lock)
            {
                _bytes[worker] = bytes;
                progress(_bytes.Sum());
            }
        }
    }
}

/// <summary>A read-only stream over a file from an offset, by positional reads (several can share one handle).</summary>
internal sealed class FileSliceStream(SafeFileHandle file, long start) : Stream
{
    private readonly long _start = start;
    private long _at = start;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = RandomAccess.Read(file, buffer, _at);
        _at += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => RandomAccess.GetLength(file) - _start;
    public override long Position { get => _at - _start; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
